// Verifying the audit trail as a use case, on both databases: the Chinese verdict, legacy events, a missing key,
// sealing a chain under a new key, and the checkpoint a generated notice prints and records.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR, type Deps } from "../../src/app/deps.ts";
import { generateNotice } from "../../src/app/generate-notice.ts";
import { verifyAuditTrail } from "../../src/app/verify-audit-trail.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { openStore } from "../../src/storage/kysely/kysely-store.ts";
import type { DatabaseTarget } from "../../src/storage/kysely/open-database.ts";
import type { Store } from "../../src/storage/store.ts";
import { makeLedger } from "../support/ledger-builders.ts";
import { testDatabases, testDeps } from "../support/test-stores.ts";
import { rawDatabase, truncateFrom } from "../storage/audit-attacker.ts";

const KEY = "use-case-audit-key-0123456789";

describe.each(testDatabases)("verify audit trail on $name", (database) => {
  let plain: Store;
  let target: DatabaseTarget;
  let cleanup: () => Promise<void>;
  const opened: Store[] = [];
  let idCounter = 0;

  beforeEach(async () => {
    ({ store: plain, target, cleanup } = await database.open());
  });
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
    await cleanup();
  });

  const depsFor = (store: Store): Deps => ({
    ...testDeps(store),
    ids: { next: (prefix) => `${prefix}${String(++idCounter).padStart(6, "0")}` },
  });
  const keyedStore = async (auditKey = KEY): Promise<Store> => {
    const s = await openStore(target, { auditKey });
    opened.push(s);
    return s;
  };
  const ledger = (deps: Deps) =>
    createLedger(deps, SYSTEM_ACTOR, makeLedger({ unitName: `单位${++idCounter}` }));

  it("says the chain is whole, how many events, the head, and that it was checked with the key", async () => {
    const deps = depsFor(await keyedStore());
    await ledger(deps);
    await ledger(deps);
    const result = await verifyAuditTrail(deps);
    expect(result).toMatchObject({ status: "intact", events: 2, keyed: true, legacyEvents: 0 });
    expect(result.lines[0]).toMatch(/^审计链完整：已校验 2 条记录，链头为第2条（[0-9a-f]{16}）。$/);
    expect(result.lines).toContain("已用审计密钥校验（HMAC-SHA256）。");
    expect(result.lines.join("\n")).not.toContain(KEY);
  });

  it("names the events before the first keyed one as legacy", async () => {
    await ledger(depsFor(plain));
    await ledger(depsFor(plain));
    await ledger(depsFor(await keyedStore()));
    const result = await verifyAuditTrail(depsFor(await keyedStore()));
    expect(result).toMatchObject({ status: "intact", firstKeyedSeq: 3, legacyEvents: 2 });
    expect(result.lines).toContain("第1–2条为未加密钥的早期记录。");
  });

  it("reports keyed events it cannot check without the key as a result of its own", async () => {
    await ledger(depsFor(await keyedStore()));
    const result = await verifyAuditTrail(depsFor(plain));
    expect(result).toMatchObject({ status: "key_required", broken: null, uncheckedKeyed: 1 });
    expect(result.lines[0]).toContain("须配置审计密钥");
  });

  it("points at the key when the first keyed event fails", async () => {
    await ledger(depsFor(await keyedStore()));
    const result = await verifyAuditTrail(depsFor(await keyedStore("a-different-key-000000")));
    expect(result).toMatchObject({ status: "broken", broken: { seq: 1, kind: "hash_mismatch" } });
    expect(result.lines[0]).toContain("所配置的审计密钥不对");
  });

  it("seals an intact unkeyed chain under a newly configured key, and only then", async () => {
    await ledger(depsFor(plain));
    const deps = depsFor(await keyedStore());
    const before = await verifyAuditTrail(deps);
    expect(before).toMatchObject({ status: "broken", broken: { seq: 1, kind: "unkeyed_last" } });
    expect(before.lines[0]).toContain("zhenggai audit verify --seal");
    const sealed = await verifyAuditTrail(deps, { seal: true });
    expect(sealed).toMatchObject({ status: "intact", sealedAt: 2, firstKeyedSeq: 2, legacyEvents: 1 });
    expect(await verifyAuditTrail(deps)).toMatchObject({ status: "intact", events: 2 });
    await expect(verifyAuditTrail(deps, { seal: true })).rejects.toMatchObject({
      code: "audit_seal_refused",
    });
  });

  it("prints the chain's newest event in the notice, records it, and checks it on every verification", async () => {
    const deps = depsFor(await keyedStore());
    const { inspectionId } = await ledger(deps);
    await ledger(deps);
    const before = await deps.store.audit.head();
    const generated = await generateNotice(deps, SYSTEM_ACTOR, SCOPE_ALL, {
      inspectionId,
      version: "public",
      format: "md",
    });
    expect(generated.checkpoint).toEqual(before);
    expect(new TextDecoder().decode(generated.content)).toContain(
      `（台账校验：第2条 ${before.hash.slice(0, 16)}）`,
    );
    const [publication] = await deps.store.publications.listByInspection(SCOPE_ALL, inspectionId);
    expect(publication?.checkpoint).toEqual(before);
    const events = await deps.store.audit.listForEntity("inspection", inspectionId);
    expect(events.at(-1)).toMatchObject({
      seq: 3,
      action: "notice.generate",
      data: { publicationId: generated.publicationId, checkpoint: before },
    });
    expect(await verifyAuditTrail(deps)).toMatchObject({ status: "intact", checkpointsChecked: 1 });
    const raw = await rawDatabase(target);
    try {
      await truncateFrom(raw, 2, { rewindHead: true });
    } finally {
      await raw.close();
    }
    const after = await verifyAuditTrail(deps);
    expect(after.broken).toMatchObject({ seq: 2, kind: "checkpoint_mismatch" });
    expect(after.lines[0]).toContain(`通报 ${generated.publicationId} 印有的校验点第2条`);
    expect(after.lines[0]).toContain("发布之后记录被截断");
  });
});
