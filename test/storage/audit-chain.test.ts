// The keyed audit chain against an attacker with SQL access but no key, on both databases: edited events,
// chains recomputed without the key, truncation (with and without rewinding the head), a wrong key, no key.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR, type Deps } from "../../src/app/deps.ts";
import { generateNotice } from "../../src/app/generate-notice.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { openStore } from "../../src/storage/kysely/kysely-store.ts";
import type { DatabaseTarget } from "../../src/storage/kysely/open-database.ts";
import type { AuditCheckpointClaim, Store } from "../../src/storage/store.ts";
import { makeLedger } from "../support/ledger-builders.ts";
import { testDatabases, testDeps } from "../support/test-stores.ts";
import {
  editEventData,
  rawDatabase,
  recomputeUnkeyed,
  truncateFrom,
  type RawDatabase,
} from "./audit-attacker.ts";

const KEY = "test-audit-key-0123456789";

/** Deps on any of the stores of one database, with ids unique across them. */
let idCounter = 0;
const depsFor = (store: Store): Deps => ({
  ...testDeps(store),
  ids: { next: (prefix) => `${prefix}${String(++idCounter).padStart(6, "0")}` },
});

describe.each(testDatabases)("keyed audit chain on $name", (database) => {
  let plain: Store;
  let target: DatabaseTarget;
  let cleanup: () => Promise<void>;
  const opened: Store[] = [];
  let raw: RawDatabase | undefined;

  beforeEach(async () => {
    ({ store: plain, target, cleanup } = await database.open());
  });
  afterEach(async () => {
    await raw?.close();
    raw = undefined;
    for (const s of opened.splice(0)) await s.close();
    await cleanup();
  });

  /** Another store on the same database, with or without a key. */
  const storeWith = async (auditKey?: string): Promise<Store> => {
    const s = await openStore(target, auditKey === undefined ? {} : { auditKey });
    opened.push(s);
    return s;
  };
  const attacker = async (): Promise<RawDatabase> => (raw ??= await rawDatabase(target));
  const ledgers = async (deps: Deps, n: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++)
      ids.push((await createLedger(deps, SYSTEM_ACTOR, makeLedger({ unitName: `单位${i}` }))).inspectionId);
    return ids;
  };
  const notice = (deps: Deps, inspectionId: string) =>
    generateNotice(deps, SYSTEM_ACTOR, SCOPE_ALL, { inspectionId, version: "internal", format: "md" });

  it("chains new events with HMAC under the key and verifies them", async () => {
    const keyed = await storeWith(KEY);
    const [id] = await ledgers(depsFor(keyed), 2);
    const events = await keyed.audit.listForEntity("inspection", id!);
    expect(events.map((e) => [e.seq, e.alg])).toEqual([[1, "hmac-sha256"]]);
    expect(await keyed.audit.verifyChain()).toMatchObject({
      events: 2,
      keyAvailable: true,
      firstKeyedSeq: 1,
      uncheckedKeyed: 0,
      broken: null,
    });
    expect(await keyed.audit.checkHead()).toBeNull();
  });

  it("detects an edited event of a keyed chain at its seq", async () => {
    const keyed = await storeWith(KEY);
    await ledgers(depsFor(keyed), 3);
    await editEventData(await attacker(), 2, { problems: 99 });
    expect((await keyed.audit.verifyChain()).broken).toEqual({ seq: 2, kind: "hash_mismatch" });
    expect(await keyed.audit.verify()).toBe(2);
  });

  it("detects a chain recomputed without the key from the edited event on, relabelled or not", async () => {
    const keyed = await storeWith(KEY);
    await ledgers(depsFor(keyed), 4);
    const db = await attacker();
    await editEventData(db, 2, { problems: 99 });
    await recomputeUnkeyed(db, { fromSeq: 2, relabel: false });
    expect((await keyed.audit.verifyChain()).broken).toEqual({ seq: 2, kind: "hash_mismatch" });
    await recomputeUnkeyed(db, { fromSeq: 2, relabel: true });
    expect((await keyed.audit.verifyChain()).broken).toEqual({ seq: 2, kind: "unkeyed_after_keyed" });
    // The cheap head check sees only that the newest event is no longer keyed.
    expect((await keyed.audit.checkHead())?.kind).toBe("unkeyed_last");
  });

  it("detects a whole chain recomputed without the key: the newest event must be keyed, and a checkpoint pins the seq", async () => {
    const keyed = await storeWith(KEY);
    const deps = depsFor(keyed);
    const [id] = await ledgers(deps, 2);
    const published = await notice(deps, id!); // checkpoint = event 2, its own event 3
    expect(published.checkpoint.seq).toBe(2);
    await ledgers(deps, 1); // event 4
    const db = await attacker();
    await editEventData(db, 1, { problems: 99 });
    await recomputeUnkeyed(db, { fromSeq: 1, relabel: true });
    const report = await keyed.audit.verifyChain({
      checkpoints: [{ ...published.checkpoint, source: published.publicationId }],
    });
    expect(report.broken).toMatchObject({ seq: 2, kind: "checkpoint_mismatch" });
    expect((await keyed.audit.verifyChain()).broken).toEqual({ seq: 4, kind: "unkeyed_last" });
  });

  it("without a key, a recomputed chain passes the links but not a published checkpoint", async () => {
    const deps = depsFor(plain);
    const [id] = await ledgers(deps, 2);
    const published = await notice(deps, id!);
    const db = await attacker();
    await editEventData(db, 1, { problems: 99 });
    await recomputeUnkeyed(db, { fromSeq: 1, relabel: true });
    expect(await plain.audit.verify()).toBeNull(); // what an unkeyed chain cannot show
    const [recorded] = await plain.publications.listCheckpoints();
    expect(recorded).toMatchObject({ publicationId: published.publicationId, ...published.checkpoint });
    const claims: AuditCheckpointClaim[] = [{ ...published.checkpoint, source: published.publicationId }];
    expect((await plain.audit.verifyChain({ checkpoints: claims })).broken).toMatchObject({
      seq: 2,
      kind: "checkpoint_mismatch",
    });
  });

  it("detects the newest events deleted with the head left as it was, also by the cheap head check", async () => {
    const keyed = await storeWith(KEY);
    await ledgers(depsFor(keyed), 5);
    await truncateFrom(await attacker(), 4, { rewindHead: false });
    expect((await keyed.audit.verifyChain()).broken).toMatchObject({
      seq: 4,
      kind: "head_mismatch",
      head: { seq: 5 },
      last: { seq: 3 },
    });
    expect(await keyed.audit.checkHead()).toMatchObject({ seq: 4, kind: "head_mismatch" });
  });

  it("catches a truncation with the head rewound only by a checkpoint: recorded, or held by a person", async () => {
    const keyed = await storeWith(KEY);
    const deps = depsFor(keyed);
    const [id] = await ledgers(deps, 3);
    const published = await notice(deps, id!); // checkpoint = event 3
    await ledgers(deps, 1);
    const db = await attacker();
    await truncateFrom(db, 3, { rewindHead: true });
    expect(await keyed.audit.checkHead()).toBeNull();
    const recorded = (await keyed.publications.listCheckpoints()).map((c) => ({
      ...c,
      source: c.publicationId,
    }));
    expect((await keyed.audit.verifyChain({ checkpoints: recorded })).broken).toMatchObject({
      seq: 3,
      kind: "checkpoint_mismatch",
    });
    // The attacker also removes the publication rows: the chain alone now looks whole…
    await db.run("delete from publications");
    expect((await keyed.audit.verifyChain()).broken).toBeNull();
    // …but the notice in a reader's hands still proves it.
    const printed = {
      seq: published.checkpoint.seq,
      hash: published.checkpoint.hash.slice(0, 16),
      source: "manual",
    };
    expect((await keyed.audit.verifyChain({ checkpoints: [printed] })).broken).toMatchObject({
      seq: 3,
      kind: "checkpoint_mismatch",
    });
  });

  it("detects a wrong key at the first keyed event, after the legacy ones", async () => {
    await ledgers(depsFor(plain), 2); // legacy 1–2
    await ledgers(depsFor(await storeWith(KEY)), 2); // keyed 3–4
    const wrong = await storeWith("another-key-9876543210");
    expect(await wrong.audit.verifyChain()).toMatchObject({
      firstKeyedSeq: 3,
      broken: { seq: 3, kind: "hash_mismatch" },
    });
    expect(await wrong.audit.checkHead()).toEqual({ seq: 4, kind: "hash_mismatch" });
  });

  it("without the key, reports keyed events as unchecked and refuses to append after them", async () => {
    await ledgers(depsFor(await storeWith(KEY)), 2);
    const report = await plain.audit.verifyChain();
    expect(report).toMatchObject({ broken: null, firstKeyedSeq: 1, uncheckedKeyed: 2, keyAvailable: false });
    expect(await plain.audit.verify()).toBe(1);
    const error = await createLedger(depsFor(plain), SYSTEM_ACTOR, makeLedger()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "audit_key_required" });
    expect(await plain.inspections.count(SCOPE_ALL)).toBe(2);
  });

  it("detects an emptied chain whose head still counts the deleted events", async () => {
    const keyed = await storeWith(KEY);
    await ledgers(depsFor(keyed), 2);
    const db = await attacker();
    await db.run("delete from audit_events");
    expect((await keyed.audit.verifyChain()).broken).toMatchObject({ seq: 1, kind: "head_mismatch" });
    expect(await keyed.audit.checkHead()).toMatchObject({ seq: 1, kind: "head_mismatch" });
  });
});
