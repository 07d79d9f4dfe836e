// The server verifies the audit chain at start, on both databases: a loud line when broken; in refuse mode every
// write is refused while reads go on; in warn mode writes go on.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { readConfig } from "../../src/config.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { startServer, type RunningServer } from "../../src/main.ts";
import { argon2Passwords } from "../../src/runtime/argon2-passwords.ts";
import { openStore } from "../../src/storage/kysely/kysely-store.ts";
import type { DatabaseTarget } from "../../src/storage/kysely/open-database.ts";
import { makeLedger } from "../support/ledger-builders.ts";
import { testDatabases, testDeps } from "../support/test-stores.ts";
import { editEventData, rawDatabase } from "../storage/audit-attacker.ts";

const KEY = "server-audit-key-0123456789";
const ADMIN_PASSWORD = "Admin-password-2026";

describe.each(testDatabases)("audit check at start on $name", (database) => {
  let target: DatabaseTarget;
  let cleanup: () => Promise<void>;
  let server: RunningServer | undefined;

  beforeEach(async () => {
    ({ target, cleanup } = await database.open());
    const keyed = await openStore(target, { auditKey: KEY });
    try {
      const deps = testDeps(keyed);
      await createLedger(deps, SYSTEM_ACTOR, makeLedger());
      await createLedger(deps, SYSTEM_ACTOR, makeLedger({ unitName: "市科协党组" }));
      // An admin to read with (written directly: no audit event, so the chain stays at the two ledgers).
      await keyed.users.insert(
        {
          id: "usr-admin",
          login: "admin",
          displayName: "管理员",
          orgId: null,
          personId: null,
          disabled: false,
          version: 1,
        },
        await argon2Passwords.hash(ADMIN_PASSWORD),
        "2021-06-30T08:00:00.000Z",
      );
      await keyed.grants.insert(
        { id: "grt-admin", userId: "usr-admin", role: "admin", orgId: null },
        "2021-06-30T08:00:00.000Z",
      );
    } finally {
      await keyed.close();
    }
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    await cleanup();
  });

  const start = async (onTamper: "warn" | "refuse") => {
    const lines: string[] = [];
    const config = readConfig(
      { port: 0 },
      {
        DATABASE_URL: target.kind === "sqlite" ? `file:${target.file}` : target.url,
        ZHENGGAI_AUDIT_KEY: KEY,
        ZHENGGAI_AUDIT_ON_TAMPER: onTamper,
        ZHENGGAI_EXAMPLE_DATA: "0",
        LOG_LEVEL: "silent",
      },
    );
    server = await startServer(config, (line) => lines.push(line));
    return { server, lines };
  };
  const editFirstEvent = async () => {
    const raw = await rawDatabase(target);
    try {
      await editEventData(raw, 1, { problems: 0 });
    } finally {
      await raw.close();
    }
  };
  const listed = async (url: string) => {
    const signIn = await fetch(`${url}/api/v1/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ login: "admin", password: ADMIN_PASSWORD }),
    });
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const response = await fetch(`${url}/api/v1/inspections`, { headers: { cookie } });
    return { status: response.status, body: (await response.json()) as { items: unknown[] } };
  };

  it("says the chain is whole at start", async () => {
    const { lines } = await start("refuse");
    expect(lines.join("\n")).toMatch(/审计链完整：2 条记录（已用密钥校验），用时 \d+ ms/);
  });

  it("in refuse mode, refuses every write with audit_chain_broken and still serves reads", async () => {
    await editFirstEvent();
    const { server, lines } = await start("refuse");
    const warning = lines.find((l) => l.startsWith("【警告】"));
    expect(warning).toContain("第一个断点在第1条");
    expect(warning).toContain("已暂停一切写入");
    expect(lines.join("\n")).not.toContain(KEY);

    const read = await listed(server.url);
    expect(read.status).toBe(200);
    expect(read.body.items).toHaveLength(2);

    const error = await createLedger(server.deps, SYSTEM_ACTOR, makeLedger({ unitName: "新单位" })).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "audit_chain_broken" });
    expect((error as Error).message).toContain("已暂停一切写入");
    expect(await server.deps.store.inspections.count(SCOPE_ALL)).toBe(2);
  });

  it("in warn mode, warns loudly at start and lets writes go on", async () => {
    await editFirstEvent();
    const { server, lines } = await start("warn");
    expect(lines.find((l) => l.startsWith("【警告】"))).toContain("写入照常进行");
    await createLedger(server.deps, SYSTEM_ACTOR, makeLedger({ unitName: "新单位" }));
    expect(await server.deps.store.inspections.count(SCOPE_ALL)).toBe(3);
  });
});
