// Every error code the code base can answer with is in src/shared/error-registry.ts, and every registered code is
// used somewhere: the sources are scanned for the places that choose a code.

import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { Writable } from "node:stream";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../src/domain/domain-error.ts";
import { handleError } from "../../src/http/errors.ts";
import { ERROR_REGISTRY, isErrorCode } from "../../src/shared/error-registry.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

const sources = readdirSync(join(root, "src"), { recursive: true, encoding: "utf8" })
  .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
  .map((f) => {
    const path = relative(root, join(root, "src", f))
      .split("\\")
      .join("/");
    return { path, text: readFileSync(join(root, path), "utf8") };
  });

/** Where a code is chosen, as a pattern whose first group is the code. */
const CODE_SITES: readonly { what: string; files: RegExp; pattern: RegExp }[] = [
  { what: "new DomainError", files: /^src\//, pattern: /new DomainError\(\s*"([^"]*)"/g },
  { what: "an error body", files: /^src\/http\//, pattern: /error:\s*\{\s*code:\s*"([^"]*)"/g },
  {
    what: "a framework refusal",
    files: /^src\/http\/framework-errors\.ts$/,
    pattern: /refusal\(\s*\d+,\s*"([^"]*)"/g,
  },
  {
    what: "a storage error",
    files: /^src\/storage\/storage-errors\.ts$/,
    pattern: /readonly code = "([^"]*)"/g,
  },
  // The state machine picks its code from a table by event.
  {
    what: "the measure state machine",
    files: /^src\/domain\/measure-state-machine\.ts$/,
    pattern: /^\s+[a-z_]+: "(measure_[a-z_]+)",$/gm,
  },
];

/** `new DomainError(<not a string literal>, …)` is allowed only where the code is an existing error's, or read
 * from a table that the patterns above scan. */
const INDIRECT_CODES: readonly RegExp[] = [/^e\.code$/, /^error\.code$/, /^ILLEGAL_CODES\[event\]$/];

interface Site {
  readonly code: string;
  readonly where: string;
}

function codeSites(): Site[] {
  const found: Site[] = [];
  for (const { path, text } of sources) {
    for (const { what, files, pattern } of CODE_SITES) {
      if (!files.test(path)) continue;
      for (const m of text.matchAll(pattern)) {
        const line = text.slice(0, m.index).split("\n").length;
        found.push({ code: m[1] ?? "", where: `${path}:${line} (${what})` });
      }
    }
  }
  return found;
}

describe("the error registry", () => {
  const sites = codeSites();

  it("finds the places that choose codes (the scan itself works)", () => {
    const where = (code: string) => sites.filter((s) => s.code === code).map((s) => s.where.split(":")[0]);
    expect(where("measure_not_found")).toContain("src/app/measure-access.ts");
    expect(where("measure_not_submitted")).toContain("src/domain/measure-state-machine.ts");
    expect(where("storage_unavailable")).toContain("src/storage/storage-errors.ts");
    expect(where("invalid_json")).toContain("src/http/framework-errors.ts");
    expect(where("not_found")).toContain("src/http/not-found.ts");
  });

  it("has every code thrown or answered in src/", () => {
    const missing = sites.filter((s) => !isErrorCode(s.code)).map((s) => `${s.code} — ${s.where}`);
    expect(missing, "add each to src/shared/error-registry.ts with its HTTP status and message").toEqual([]);
  });

  it("has no code that nothing uses", () => {
    const used = new Set(sites.map((s) => s.code));
    const unused = Object.keys(ERROR_REGISTRY).filter((code) => !used.has(code));
    expect(unused, "remove each from src/shared/error-registry.ts, or throw it").toEqual([]);
  });

  it("knows how every computed DomainError code is chosen", () => {
    const unknown: string[] = [];
    for (const { path, text } of sources) {
      for (const m of text.matchAll(/new DomainError\(\s*([^,)]+)/g)) {
        const arg = (m[1] ?? "").trim();
        if (arg.startsWith('"') || INDIRECT_CODES.some((r) => r.test(arg))) continue;
        unknown.push(`${path}:${text.slice(0, m.index).split("\n").length} new DomainError(${arg}, …)`);
      }
    }
    expect(unknown, "use a string literal code, or teach this test where the code comes from").toEqual([]);
  });

  it("uses snake_case codes with a 4xx or 5xx status and a Chinese message", () => {
    for (const [code, entry] of Object.entries(ERROR_REGISTRY)) {
      expect(code).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
      expect(entry.status, code).toBeGreaterThanOrEqual(400);
      expect(entry.status, code).toBeLessThan(600);
      expect(entry.message, code).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe("HTTP answers through the registry", () => {
  async function answer(error: Error): Promise<{ status: number; body: unknown; log: string[] }> {
    const log: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        log.push(chunk.toString("utf8"));
        done();
      },
    });
    const app = Fastify({ logger: { level: "info", stream } });
    app.setErrorHandler(handleError);
    app.get("/", () => {
      throw error;
    });
    try {
      const res = await app.inject({ method: "GET", url: "/" });
      return { status: res.statusCode, body: res.json(), log };
    } finally {
      await app.close();
    }
  }

  it("answers a registered code with its status and the error's own message", async () => {
    const res = await answer(new DomainError("measure_not_draft", "当前状态不能启动"));
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: { code: "measure_not_draft", message: "当前状态不能启动" } });
  });

  it("answers a code missing from the registry with 500 and logs it as an error naming the code", async () => {
    const res = await answer(new DomainError("measure_unheard_of", "内部细节不应外泄"));
    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      error: { code: "internal_error", message: ERROR_REGISTRY.internal_error.message },
    });
    const entry = res.log.map((line) => JSON.parse(line) as { level: number; msg: string; code?: string });
    expect(entry).toContainEqual(
      expect.objectContaining({
        level: 50,
        code: "measure_unheard_of",
        msg: expect.stringContaining("error-registry.ts") as string,
      }),
    );
  });
});
