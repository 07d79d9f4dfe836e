// The first start creates `admin` once: a generated password printed once through the log, or the one from
// ZHENGGAI_ADMIN_PASSWORD, which is never printed. Both databases.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readConfig } from "../../src/config.ts";
import { startServer, type RunningServer } from "../../src/main.ts";
import { argon2Passwords } from "../../src/runtime/argon2-passwords.ts";
import type { DatabaseTarget } from "../../src/storage/kysely/open-database.ts";
import { testDatabases } from "../support/test-stores.ts";

describe.each(testDatabases)("first admin at start on $name", (database) => {
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

  const start = async (env: Record<string, string> = {}) => {
    await server?.close();
    const lines: string[] = [];
    const config = readConfig(
      { port: 0 },
      {
        DATABASE_URL: target.kind === "sqlite" ? `file:${target.file}` : target.url,
        ZHENGGAI_EXAMPLE_DATA: "0",
        LOG_LEVEL: "silent",
        ...env,
      },
    );
    server = await startServer(config, (line) => lines.push(line));
    return { server, lines };
  };
  const adminHash = async (s: RunningServer) => {
    const admin = await s.deps.store.users.findByLogin("admin");
    return (admin && (await s.deps.store.users.credentials(admin.id))?.passwordHash) ?? "";
  };

  it("prints a generated admin password once, on the first start only", async () => {
    const first = await start();
    const line = first.lines.find((l) => l.includes("初始密码"));
    expect(line).toMatch(/已创建系统管理员账号 admin，初始密码：\S+（只显示这一次/);
    const password = /初始密码：(\S+?)（/.exec(line ?? "")?.[1] ?? "";
    expect(await argon2Passwords.verify(await adminHash(first.server), password)).toBe(true);
    expect(first.lines.join("\n")).not.toContain("argon2");

    const second = await start();
    expect(second.lines.join("\n")).not.toContain("admin");
    expect(await second.server.deps.store.users.count()).toBe(1);
  });

  it("takes the password from ZHENGGAI_ADMIN_PASSWORD without printing it, and refuses a weak one", async () => {
    await expect(start({ ZHENGGAI_ADMIN_PASSWORD: "admin" })).rejects.toMatchObject({
      code: "password_too_weak",
    });
    server = undefined;
    const { lines, server: s } = await start({ ZHENGGAI_ADMIN_PASSWORD: "Env-admin-2026" });
    expect(lines.join("\n")).toContain("已创建系统管理员账号 admin（密码取自 ZHENGGAI_ADMIN_PASSWORD）");
    expect(lines.join("\n")).not.toContain("Env-admin-2026");
    expect(await argon2Passwords.verify(await adminHash(s), "Env-admin-2026")).toBe(true);
  });
});
