// Large batches stay under the databases' bind-parameter limits (SQLite 32,766): the chunk size follows the real
// number of columns of a row, so adding a column in a migration cannot break big imports.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import type { Measure } from "../../src/domain/measure.ts";
import type { ProgressReport } from "../../src/domain/progress.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import type { Store } from "../../src/storage/store.ts";
import { makeLedger } from "../support/ledger-builders.ts";
import { testDatabases, testDeps } from "../support/test-stores.ts";

describe.each(testDatabases)("bulk inserts on $name", (database) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await database.open());
  });
  afterEach(async () => cleanup());

  it("stores 2,100 measures and 5,000 progress reports in one call each", async () => {
    const { inspectionId } = await createLedger(testDeps(store), SYSTEM_ACTOR, makeLedger());
    const [template] = await store.measures.listByInspection(SCOPE_ALL, inspectionId);
    const measures: Measure[] = Array.from({ length: 2_100 }, (_, i) => ({
      ...template!,
      id: `bulk-m${i}`,
      seq: 100 + i,
      cooperatingDepartmentIds: [],
    }));
    await store.transaction((tx) => tx.measures.insertMany(measures));
    const reports: ProgressReport[] = Array.from({ length: 5_000 }, (_, i) => ({
      id: `bulk-r${i}`,
      measureId: `bulk-m${i % 2_100}`,
      period: "2021-05",
      text: "进展",
      figures: [],
      authorId: null,
      createdAt: "2021-05-31T00:00:00.000Z",
    }));
    await store.transaction((tx) => tx.progress.insertReports(reports));
    expect(await store.measures.listByInspection(SCOPE_ALL, inspectionId)).toHaveLength(5 + 2_100);
    expect((await store.progress.listByMeasure(SCOPE_ALL, "bulk-m0")).length).toBe(3);
  }, 60_000);
});
