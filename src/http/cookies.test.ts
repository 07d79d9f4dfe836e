import { describe, expect, it } from "vitest";
import { clearedSessionCookie, readCookie, sessionCookie } from "./cookies.ts";

describe("session cookie", () => {
  it("reads one cookie among others, quoted or encoded, and skips malformed pairs", () => {
    expect(readCookie("a=1; zg_session=abc; b=2", "zg_session")).toBe("abc");
    expect(readCookie('zg_session="q%20v"', "zg_session")).toBe("q v");
    expect(readCookie("junk; zg_session=%E0%A4%A", "zg_session")).toBeUndefined();
    expect(readCookie("xzg_session=1", "zg_session")).toBeUndefined();
    expect(readCookie(undefined, "zg_session")).toBeUndefined();
  });

  it("writes HttpOnly, SameSite=Lax, Path=/ and Secure only when asked", () => {
    expect(sessionCookie("t", { secure: false, maxAgeSeconds: 60 })).toBe(
      "zg_session=t; Path=/; HttpOnly; SameSite=Lax; Max-Age=60",
    );
    expect(sessionCookie("t", { secure: true, maxAgeSeconds: 60 })).toMatch(/; Secure$/);
    expect(clearedSessionCookie({ secure: false })).toBe(
      "zg_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0",
    );
  });
});
