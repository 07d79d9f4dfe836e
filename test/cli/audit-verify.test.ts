// `zhenggai audit verify` on both databases: exit codes, the checkpoint printed in a notice, --json, a missing key,
// and a write refused by a broken head in refuse mode while reads go on. The key never appears in any output.

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/cli-io.ts";
import { main } from "../../src/cli/main.ts";
import type { DatabaseTarget } from "../../src/storage/kysely/open-database.ts";
import { testDatabases } from "../support/test-stores.ts";
import { editEventData, rawDatabase, truncateFrom } from "../storage/audit-attacker.ts";

const KEY = "cli-audit-key-0123456789abcdef";
const SEED = new URL("../fixtures/notices/seed.txt", import.meta.url).pathname;

describe.each(testDatabases)("zhenggai audit verify on $name", (database) => {
  let target: DatabaseTarget;
  let cleanup: () => Promise<void>;
  let dir: string;

  beforeEach(async () => {
    const opened = await database.open();
    ({ target, cleanup } = opened);
    dir = mkdtempSync(join(tmpdir(), "zhenggai-audit-"));
  });
  afterEach(async () => {
    rmSync(dir, { recursive: true, force: true });
    await cleanup();
  });

  const run = async (argv: string[], env: Record<string, string> = {}) => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      env: {
        DATABASE_URL: target.kind === "sqlite" ? `file:${target.file}` : target.url,
        ZHENGGAI_DATA: join(dir, "data"),
        ZHENGGAI_AUDIT_KEY: KEY,
        ...env,
      },
    };
    const code = await main(argv, io);
    return { code, out: out.join(""), err: err.join("") };
  };
  const tamper = async (act: (raw: Awaited<ReturnType<typeof rawDatabase>>) => Promise<void>) => {
    const raw = await rawDatabase(target);
    try {
      await act(raw);
    } finally {
      await raw.close();
    }
  };

  /** Imports the seed and publishes a notice; returns the inspection and the printed checkpoint "N:HEX". */
  async function publish(): Promise<{ inspectionId: string; printed: string }> {
    const imported = await run(["import", "notice", SEED, "--json"]);
    expect(imported.code).toBe(0);
    const inspectionId = (JSON.parse(imported.out) as { import: { inspectionId: string } }).import
      .inspectionId;
    const file = join(dir, "通报.md");
    const reported = await run([
      "report",
      "notice",
      "--inspection",
      inspectionId,
      "--version",
      "public",
      "--out",
      file,
    ]);
    expect(reported.code).toBe(0);
    const m = /台账校验：第(\d+)条 ([0-9a-f]{16})/.exec(readFileSync(file, "utf8"));
    expect(m).not.toBeNull();
    return { inspectionId, printed: `${m![1]}:${m![2]}` };
  }

  it("exits 0 with a Chinese summary on an intact keyed chain, also for the checkpoint printed in a notice", async () => {
    const { printed } = await publish();
    const plain = await run(["audit", "verify"]);
    expect(plain.code).toBe(0);
    expect(plain.out).toContain("审计链完整：已校验 2 条记录，链头为第2条");
    expect(plain.out).toContain("已用审计密钥校验（HMAC-SHA256）");
    expect(plain.out).toContain("已核对 1 个校验点");
    const held = await run(["audit", "verify", "--checkpoint", printed]);
    expect(held.code).toBe(0);
    expect(held.out).toContain("已核对 2 个校验点");
    const json = await run(["audit", "verify", "--json"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({ status: "intact", events: 2, keyed: true, broken: null });
    for (const r of [plain, held, json]) expect(r.out + r.err).not.toContain(KEY);
  });

  it("exits 1 naming the first broken link, and --json says the same for machines", async () => {
    await publish();
    await tamper((raw) => editEventData(raw, 1, { problems: 1 }));
    const human = await run(["audit", "verify"]);
    expect(human.code).toBe(1);
    expect(human.err).toContain("审计链已损坏，第一个断点在第1条");
    expect(human.err + human.out).not.toContain(KEY);
    const json = await run(["audit", "verify", "--json"]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({
      status: "broken",
      broken: { seq: 1, kind: "hash_mismatch" },
    });
  });

  it("exits 1 when a held checkpoint no longer matches, 2 when it is written wrong", async () => {
    const { printed } = await publish();
    const [seq] = printed.split(":");
    const wrong = await run(["audit", "verify", "--checkpoint", `${seq}:0123456789abcdef`]);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain("所提供的校验点");
    const malformed = await run(["audit", "verify", "--checkpoint", "第1条"]);
    expect(malformed.code).toBe(2);
    expect(malformed.err).toContain("校验点格式有误");
  });

  it("exits 1 saying the key is needed when keyed events exist and no key is configured", async () => {
    await publish();
    const result = await run(["audit", "verify"], { ZHENGGAI_AUDIT_KEY: "" });
    expect(result.code).toBe(1);
    expect(result.err).toContain("须配置审计密钥");
    const json = await run(["audit", "verify", "--json"], { ZHENGGAI_AUDIT_KEY: "" });
    expect(JSON.parse(json.out)).toMatchObject({ status: "key_required", uncheckedKeyed: 2 });
  });

  it("refuses a write command in refuse mode once the newest event is gone, and still serves reads", async () => {
    const { inspectionId } = await publish();
    await tamper((raw) => truncateFrom(raw, 2, { rewindHead: false }));
    const refuse = { ZHENGGAI_AUDIT_ON_TAMPER: "refuse" };
    const write = await run(["import", "notice", SEED], refuse);
    expect(write.code).toBe(1);
    expect(write.err).toContain("已暂停一切写入");
    expect(write.err).toContain("链头（第2条）与最后一条记录（第1条）不一致");
    const read = await run(
      ["export", "ledger", "--inspection", inspectionId, "--out", join(dir, "台账.xlsx")],
      refuse,
    );
    expect(read.code).toBe(0);
    const verify = await run(["audit", "verify", "--json"]);
    expect(JSON.parse(verify.out)).toMatchObject({ broken: { seq: 2, kind: "head_mismatch" } });
  });
});
