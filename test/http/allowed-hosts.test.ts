import { describe, expect, it } from "vitest";
import { isDomainError } from "../../src/domain/domain-error.ts";
import { effectiveAllowedHosts, LOOPBACK_HOSTS } from "../../src/http/allowed-hosts.ts";

describe("effectiveAllowedHosts", () => {
  it("answers only to the loopback names when bound to loopback and nothing is configured", () => {
    expect(effectiveAllowedHosts("127.0.0.1", [])).toEqual(["localhost", "127.0.0.1", "::1"]);
    expect(LOOPBACK_HOSTS).toEqual(["localhost", "127.0.0.1", "::1"]);
  });

  it("adds the bind address, written with or without IPv6 brackets", () => {
    expect(effectiveAllowedHosts("192.168.1.10", [])).toEqual([
      "localhost",
      "127.0.0.1",
      "::1",
      "192.168.1.10",
    ]);
    expect(effectiveAllowedHosts("[fd00::10]", [])).toContain("fd00::10");
    expect(effectiveAllowedHosts("Ledger.LAN", [])).toContain("ledger.lan");
  });

  it("does not read a wildcard bind address as permission for every host name", () => {
    for (const wildcard of ["0.0.0.0", "::", "[::]", "0:0:0:0:0:0:0:0"]) {
      expect(effectiveAllowedHosts(wildcard, [])).toEqual(["localhost", "127.0.0.1", "::1"]);
      expect(effectiveAllowedHosts(wildcard, ["ledger.example.org"])).toEqual([
        "localhost",
        "127.0.0.1",
        "::1",
        "ledger.example.org",
      ]);
    }
  });

  it("lower-cases configured names, drops ports and brackets, and lists each name once", () => {
    expect(
      effectiveAllowedHosts("::1", [
        "Ledger.Example.ORG:8443",
        "[::1]",
        "[0:0:0:0:0:0:0:1]",
        "ledger.example.org",
      ]),
    ).toEqual(["localhost", "127.0.0.1", "::1", "ledger.example.org"]);
  });

  it("refuses a configured entry that is not a host name, naming the setting", () => {
    for (const entry of ["*", "http://ledger.example.org", "ledger.example.org/app", "user@host", "a b"]) {
      let caught: unknown;
      try {
        effectiveAllowedHosts("127.0.0.1", [entry]);
      } catch (e) {
        caught = e;
      }
      expect(isDomainError(caught) && caught.code).toBe("invalid_input");
      expect((caught as Error).message).toContain("ZHENGGAI_ALLOWED_HOSTS");
    }
  });
});
