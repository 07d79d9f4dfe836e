// `serve` starts the scheduler (one immediate tick: the warning run of the latest due day is recorded, the lease is
// held) and gives the lease up when it stops; ZHENGGAI_SCHEDULER=off starts none. On both databases.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readConfig } from "../../src/config.ts";
import { startServer, type RunningServer } from "../../src/main.ts";
import { openStore } from "../../src/storage/kysely/kysely-store.ts";
import type { DatabaseTarget } from "../../src/storage/kysely/open-database.ts";
import { testDatabases } from "../support/test-stores.ts";

describe.each(testDatabases)("the scheduler in serve on $name", (database) => {
  let target: DatabaseTarget;
  let cleanup: () => Promise<void>;
  let server: RunningServer | undefined;

  beforeEach(async () => {
    ({ target, cleanup } = await database.open());
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    await cleanup();
  });

  const start = async (scheduler: "on" | "off") => {
    const lines: string[] = [];
    const config = readConfig(
      { port: 0 },
      {
        DATABASE_URL: target.kind === "sqlite" ? `file:${target.file}` : target.url,
        ZHENGGAI_EXAMPLE_DATA: "0",
        ZHENGGAI_ADMIN_PASSWORD: "Admin-password-2026",
        ZHENGGAI_SCHEDULER: scheduler,
        LOG_LEVEL: "silent",
      },
    );
    server = await startServer(config, (line) => lines.push(line));
    return lines;
  };
  /** The scheduler's records, read through a store of our own. */
  const records = async () => {
    const store = await openStore(target, { migrate: false });
    try {
      return {
        runs: await store.scheduler.runs("warnings", 5),
        // Read only: a write from a second connection in this process would make the server's writes wait.
        free: (await store.scheduler.lease("scheduler")) === undefined,
      };
    } finally {
      await store.close();
    }
  };

  it("ticks at start, holds the lease while serving and releases it when stopped", async () => {
    const lines = await start("on");
    let seen = await records();
    for (let i = 0; i < 50 && (seen.runs[0]?.doneAt ?? null) === null; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      seen = await records();
    }
    expect(
      lines.filter((l) => l.includes("调度")),
      lines.join("\n"),
    ).toEqual([]);
    expect(seen.runs).toHaveLength(1);
    expect(seen.runs[0]!.doneAt).not.toBeNull();
    expect(seen.free).toBe(false);
    expect(lines.some((l) => l.startsWith("通知渠道："))).toBe(true);
    await server!.close();
    server = undefined;
    expect((await records()).free).toBe(true);
  });

  it("starts no scheduler with ZHENGGAI_SCHEDULER=off", async () => {
    const lines = await start("off");
    await new Promise((r) => setTimeout(r, 300));
    const seen = await records();
    expect(seen.runs).toHaveLength(0);
    expect(seen.free).toBe(true);
    expect(lines.join("\n")).toContain("调度已关闭");
  });
});
