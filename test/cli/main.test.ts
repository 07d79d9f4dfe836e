import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import type { CliIo } from "../../src/cli/cli-io.ts";

function captureIo(extra: Partial<CliIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {}, ...extra };
  return { io, out: () => out.join(""), err: () => err.join("") };
}

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "zhenggai-cli-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("zhenggai command", () => {
  it("prints help in Chinese and English", async () => {
    const c = captureIo();
    expect(await main(["--help"], c.io)).toBe(0);
    expect(c.out()).toContain("用法 Usage");
    expect(c.out()).toContain("zhenggai db migrate");
    expect(c.out()).toContain("Apply pending database migrations");
  });

  it("refuses an unknown command and a bad option with exit code 2", async () => {
    const unknown = captureIo();
    expect(await main(["frobnicate"], unknown.io)).toBe(2);
    expect(unknown.err()).toContain("未知命令：frobnicate");
    const badOption = captureIo();
    expect(await main(["serve", "--colour"], badOption.io)).toBe(2);
    expect(badOption.err()).toContain("命令行参数有误");
  });

  it("refuses a port that is not a number, naming the setting", async () => {
    const c = captureIo();
    expect(await main(["serve", "--port", "eighty", "--data", tempDir()], c.io)).toBe(2);
    expect(c.err()).toContain("port");
  });

  it("migrates the SQLite database in the data folder and says when it is up to date", async () => {
    const data = tempDir();
    const first = captureIo();
    expect(await main(["db", "migrate", "--data", data], first.io)).toBe(0);
    expect(first.out()).toContain("已应用迁移：0001-ledger-core");
    expect(existsSync(join(data, "zhenggai.db"))).toBe(true);
    const again = captureIo();
    expect(await main(["db", "migrate", "--data", data], again.io)).toBe(0);
    expect(again.out()).toContain("数据库已是最新版本");
  });

  it("serves the health endpoint until stopped, on the port and data folder given", async () => {
    const stop = new AbortController();
    let listeningAt: (url: string) => void = () => undefined;
    const listening = new Promise<string>((resolve) => (listeningAt = resolve));
    const c = captureIo({
      signal: stop.signal,
      onListening: (url) => listeningAt(url),
      env: { LOG_LEVEL: "silent", ZHENGGAI_EXAMPLE_DATA: "0" },
    });
    const running = main(["serve", "--port", "0", "--data", tempDir()], c.io);
    const url = await listening;
    const health = (await (await fetch(`${url}/api/v1/health`)).json()) as {
      status: string;
      database: string;
    };
    expect(health).toMatchObject({ status: "ok", database: "sqlite" });
    stop.abort();
    expect(await running).toBe(0);
  });

  it("reports an unreachable PostgreSQL clearly with exit code 1", async () => {
    const c = captureIo({ env: { DATABASE_URL: "postgres://postgres:secret@127.0.0.1:1/none" } });
    expect(await main(["db", "migrate"], c.io)).toBe(1);
    expect(c.err()).toContain("无法连接 PostgreSQL");
    expect(c.err()).not.toContain("secret");
  });
});

describe("first start", () => {
  it("offers the seed's ledger as example data (示例) on an empty database, outside every total", async () => {
    const stop = new AbortController();
    let listeningAt: (url: string) => void = () => undefined;
    const listening = new Promise<string>((resolve) => (listeningAt = resolve));
    const data = mkdtempSync(join(tmpdir(), "zhenggai-example-"));
    const out: string[] = [];
    const io: CliIo = {
      out: (t) => out.push(t),
      err: () => undefined,
      signal: stop.signal,
      onListening: (url) => listeningAt(url),
      env: { LOG_LEVEL: "silent" },
    };
    const running = main(["serve", "--port", "0", "--data", data], io);
    try {
      const url = await listening;
      // The first start created admin and printed its password once: sign in with it.
      const password = /初始密码：(\S+?)（/.exec(out.join(""))?.[1] ?? "";
      const signIn = await fetch(`${url}/api/v1/session`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ login: "admin", password }),
      });
      expect(signIn.status).toBe(200);
      const headers = { cookie: (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "" };
      const overview = (await (await fetch(`${url}/api/v1/inspections`, { headers })).json()) as {
        items: {
          inspection: { id: string; isExample: boolean };
          counts: { problems: number; completed: number };
        }[];
      };
      expect(overview.items).toHaveLength(1);
      expect(overview.items[0]).toMatchObject({
        inspection: { isExample: true },
        counts: { problems: 11, completed: 8 },
      });
      const summary = (await (await fetch(`${url}/api/v1/inspections/summary`, { headers })).json()) as {
        total: { problems: number };
      };
      expect(summary.total.problems).toBe(0);
      const ledger = (await (
        await fetch(`${url}/api/v1/inspections/${overview.items[0]!.inspection.id}/ledger`, { headers })
      ).json()) as { unit: { name: string } };
      expect(ledger.unit.name).toBe("市文联党组（示例）");
      expect(out.join("")).toContain("已载入示例台账");
    } finally {
      stop.abort();
      await running;
      rmSync(data, { recursive: true, force: true });
    }
  });
});
