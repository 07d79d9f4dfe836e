// The evidence repository on both databases: rows with uploader and time, read back with their measure, and only
// within a scope that sees the measure (whole unit, or the measure's department).

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { SCOPE_ALL, scopeOf } from "../../src/domain/scope.ts";
import type { EvidenceRecord, Store } from "../../src/storage/store.ts";
import { makeLedger } from "../support/ledger-builders.ts";
import { testDatabases, testDeps } from "../support/test-stores.ts";

describe.each(testDatabases)("evidence repository on $name", (database) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let measureA: { id: string; departmentId: string | null };
  let unitPathA: string;
  let unitPathB: string;

  beforeEach(async () => {
    ({ store, cleanup } = await database.open());
    const deps = testDeps(store);
    const a = await createLedger(deps, SYSTEM_ACTOR, makeLedger());
    const b = await createLedger(deps, SYSTEM_ACTOR, makeLedger({ unitName: "市科协党组" }));
    const measure = (await store.measures.listByInspection(SCOPE_ALL, a.inspectionId))[0]!;
    measureA = { id: measure.id, departmentId: measure.departmentId };
    unitPathA = (await store.orgs.get(SCOPE_ALL, a.unitId))!.path;
    unitPathB = (await store.orgs.get(SCOPE_ALL, b.unitId))!.path;
    // Built without a type, so that fields the report may gain (figures) do not trip excess-property checks.
    const report = {
      id: "rpt1",
      measureId: measureA.id,
      period: "2021-06",
      text: "已完成制度修订",
      figures: [],
      authorId: null,
      createdAt: "2021-06-30T08:00:00.000Z",
    };
    await store.progress.insertReport(report, []);
  });
  afterEach(async () => cleanup());

  const row = (id: string, overrides: Partial<EvidenceRecord> = {}): EvidenceRecord => ({
    id,
    progressReportId: "rpt1",
    sha256: "a".repeat(64),
    name: "财务报销制度（修订）.pdf",
    size: 5_000_000_000,
    mediaType: "application/pdf",
    uploadedBy: "usr-li",
    uploadedAt: "2021-06-30T08:00:01.000Z",
    ...overrides,
  });

  it("stores evidence rows with uploader and time and reads one back with its measure", async () => {
    await store.evidence.insertMany([row("evd1"), row("evd2", { uploadedBy: null, uploadedAt: null })]);
    expect(await store.evidence.get(SCOPE_ALL, "evd1")).toEqual({ ...row("evd1"), measureId: measureA.id });
    expect(await store.evidence.get(SCOPE_ALL, "evd2")).toMatchObject({ uploadedBy: null, uploadedAt: null });
    expect(await store.evidence.get(SCOPE_ALL, "nope")).toBeUndefined();
    // The progress listing sees them too.
    const listed = await store.progress.listByMeasure(SCOPE_ALL, measureA.id);
    expect(listed[0]?.evidence.map((e) => e.id).sort()).toEqual(["evd1", "evd2"]);
  });

  it("shows evidence only to a scope that sees the measure", async () => {
    await store.evidence.insertMany([row("evd1")]);
    expect(await store.evidence.get(scopeOf([unitPathA]), "evd1")).toMatchObject({ id: "evd1" });
    expect(await store.evidence.get(scopeOf([unitPathB]), "evd1")).toBeUndefined();
    expect(await store.evidence.get(scopeOf([]), "evd1")).toBeUndefined();
    const department = (await store.orgs.get(SCOPE_ALL, measureA.departmentId!))!.path;
    expect(await store.evidence.get(scopeOf([], [department]), "evd1")).toMatchObject({ id: "evd1" });
  });

  it("refuses a row naming a progress report that does not exist, inserting none of the batch", async () => {
    await expect(
      store.transaction((tx) =>
        tx.evidence.insertMany([row("evd1"), row("evd2", { progressReportId: "nope" })]),
      ),
    ).rejects.toThrow();
    expect(await store.evidence.get(SCOPE_ALL, "evd1")).toBeUndefined();
  });
});
