// The host names the server answers to: loopback names, the bind address and the configured names.
// Pure: computes the list; the host guard enforces it.

import { DomainError } from "../domain/domain-error.ts";
import { parseHostName } from "./host-name.ts";

/** Names that reach this machine only: always allowed, whatever the bind address. */
export const LOOPBACK_HOSTS: readonly string[] = ["localhost", "127.0.0.1", "::1"];

// Binding to every interface says nothing about the names clients use, so it adds no name at all.
const WILDCARD_BIND_ADDRESSES = new Set(["0.0.0.0", "::"]);

/**
 * The effective allow-list for a server bound to `bindHost` (HOST) with `configured` names
 * (ZHENGGAI_ALLOWED_HOSTS): loopback names, the bind address unless it is a wildcard (0.0.0.0, ::), then the
 * configured names; lower case, without ports or IPv6 brackets, each once. There is no "allow every name"
 * entry. Throws a DomainError (invalid_input) naming a configured entry that is not a host name.
 */
export function effectiveAllowedHosts(bindHost: string, configured: readonly string[]): string[] {
  const bind = parseHostName(bindHost, { bareIPv6: true });
  const fromBind = bind === undefined || WILDCARD_BIND_ADDRESSES.has(bind) ? [] : [bind];
  return normalizeAllowedHosts([...LOOPBACK_HOSTS, ...fromBind, ...configured]);
}

/** `entries` in comparable form, each once, in their order; a DomainError for an entry that is no host name. */
export function normalizeAllowedHosts(entries: readonly string[]): string[] {
  const names = entries.map((entry) => {
    const name = parseHostName(entry, { bareIPv6: true });
    if (name === undefined) {
      throw new DomainError(
        "invalid_input",
        `允许访问的主机名（ZHENGGAI_ALLOWED_HOSTS）中“${entry}”不是有效的主机名：只写主机名或 IP 地址，可带端口，不要写协议、路径或通配符`,
      );
    }
    return name;
  });
  return [...new Set(names)];
}
