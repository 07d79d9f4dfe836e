// Reads a host name out of a Host header or a configured entry: lower case, no port, IPv6 without brackets.
// Pure text handling; it decides nothing about which names are allowed.

import { isIPv6 } from "node:net";

export interface HostNameOptions {
  /** Accept an IPv6 literal without brackets ("::1"): fine in settings, never valid in a Host header. */
  readonly bareIPv6?: boolean;
}

// Labels of letters, digits, "_" and "-": what DNS names, IPv4 literals and the names browsers send look like.
const NAME = /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?$/;
const PORT = /^(?::\d{0,5})?$/;

/**
 * The comparable form of `value` (e.g. "Ledger.Example.ORG:8443" → "ledger.example.org", "[::1]:80" → "::1"),
 * or undefined when it is not a host name with an optional port. Userinfo, paths, spaces and anything else a
 * look-alike could hide behind make it undefined.
 */
export function parseHostName(value: string, options: HostNameOptions = {}): string | undefined {
  const text = value.trim().toLowerCase();
  if (text.startsWith("[")) {
    const close = text.indexOf("]");
    if (close < 0 || !PORT.test(text.slice(close + 1))) return undefined;
    return canonicalIPv6(text.slice(1, close));
  }
  if (options.bareIPv6 === true && text.indexOf(":") !== text.lastIndexOf(":")) return canonicalIPv6(text);
  const colon = text.indexOf(":");
  const name = colon < 0 ? text : text.slice(0, colon);
  if (!NAME.test(name) || !PORT.test(colon < 0 ? "" : text.slice(colon))) return undefined;
  // "localhost." and "localhost" name the same host; the trailing dot only stops search-domain expansion.
  return name.endsWith(".") ? name.slice(0, -1) : name;
}

/** One spelling per address ("0:0:0:0:0:0:0:1" → "::1"), so equal addresses compare equal. */
function canonicalIPv6(address: string): string | undefined {
  if (!/^[0-9a-f:.]+$/.test(address) || !isIPv6(address)) return undefined;
  return new URL(`http://[${address}]/`).hostname.slice(1, -1);
}
