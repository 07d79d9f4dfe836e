// Contract of store.ledgerRows (paged reads for spreadsheet exports), on every database.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { SCOPE_ALL, scopeOf } from "../../src/domain/scope.ts";
import type { LedgerMeasureCursor, Store } from "../../src/storage/store.ts";
import { makeLedger, makeMeasure, makeProblem } from "../support/ledger-builders.ts";
import { testDatabases, testDeps } from "../support/test-stores.ts";

describe.each(testDatabases)("ledgerRows on $name", (db) => {
  let store: Store;
  let cleanup: (() => Promise<void>) | undefined;
  let inspectionId: string;
  let otherId: string;

  beforeAll(async () => {
    ({ store, cleanup } = await db.open());
    const deps = testDeps(store);
    const ledger = makeLedger({
      problems: Array.from({ length: 7 }, (_, i) =>
        makeProblem({
          title: `问题${i + 1}`,
          measures: Array.from({ length: (i % 3) + 1 }, (_, j) =>
            makeMeasure({
              text: `措施${i + 1}-${j + 1}`,
              cooperatingDepartments: j === 0 ? ["财务科", "机关党委"] : [],
            }),
          ),
        }),
      ),
    });
    inspectionId = (await createLedger(deps, SYSTEM_ACTOR, ledger)).inspectionId;
    otherId = (await createLedger(deps, SYSTEM_ACTOR, makeLedger({ unitName: "市文化馆" }))).inspectionId;
    const first = (await store.measures.listByInspection(SCOPE_ALL, inspectionId))[0]!;
    await store.progress.insertReport(
      {
        id: "rpt1",
        measureId: first.id,
        period: "2021-04",
        text: "四月进展",
        figures: [],
        authorId: null,
        createdAt: "2021-04-20T08:00:00.000Z",
      },
      [
        {
          id: "evd1",
          progressReportId: "rpt1",
          sha256: "a".repeat(64),
          name: "a.pdf",
          size: 10,
          mediaType: "application/pdf",
        },
      ],
    );
    await store.progress.insertReport(
      {
        id: "rpt2",
        measureId: first.id,
        period: "2021-05",
        text: "五月进展",
        figures: [],
        authorId: null,
        createdAt: "2021-05-20T08:00:00.000Z",
      },
      [
        {
          id: "evd2",
          progressReportId: "rpt2",
          sha256: "b".repeat(64),
          name: "b.pdf",
          size: 10,
          mediaType: "application/pdf",
        },
        {
          id: "evd3",
          progressReportId: "rpt2",
          sha256: "c".repeat(64),
          name: "c.pdf",
          size: 10,
          mediaType: "application/pdf",
        },
      ],
    );
    await store.progress.insertReview({
      id: "rev1",
      measureId: first.id,
      level: 1,
      decision: "approve",
      reason: null,
      reviewerId: null,
      createdAt: "2021-05-25T08:00:00.000Z",
      round: 1,
    });
  });
  afterAll(() => cleanup?.());

  it("pages measures in ledger order with names, newest progress, evidence count and last approval", async () => {
    const seen: string[] = [];
    let after: LedgerMeasureCursor | null = null;
    for (;;) {
      const page = await store.ledgerRows.measurePage(SCOPE_ALL, inspectionId, { after, limit: 3 });
      seen.push(...page.map((m) => m.text));
      const last = page[page.length - 1];
      if (!last) break;
      after = { problemSeq: last.problemSeq, measureSeq: last.measureSeq };
    }
    expect(seen).toEqual([
      "措施1-1",
      "措施2-1",
      "措施2-2",
      "措施3-1",
      "措施3-2",
      "措施3-3",
      "措施4-1",
      "措施5-1",
      "措施5-2",
      "措施6-1",
      "措施6-2",
      "措施6-3",
      "措施7-1",
    ]);
    const [first] = await store.ledgerRows.measurePage(SCOPE_ALL, inspectionId, { after: null, limit: 1 });
    expect(first).toMatchObject({
      problemSeq: 1,
      problemTitle: "问题1",
      aspectTitle: "全面从严治党",
      measureSeq: 1,
      leader: "杨建",
      department: "办公室",
      person: "张三",
      cooperatingDepartments: ["机关党委", "财务科"].sort(),
      latestProgress: "五月进展",
      evidenceCount: 3,
      lastApprovalAt: "2021-05-25T08:00:00.000Z",
      lastApprover: null,
    });
  });

  it("pages problems with their aspect and respects the scope", async () => {
    const page = await store.ledgerRows.problemPage(SCOPE_ALL, inspectionId, { afterSeq: 5, limit: 10 });
    expect(page.map((p) => [p.seq, p.title, p.aspectTitle])).toEqual([
      [6, "问题6", "全面从严治党"],
      [7, "问题7", "全面从严治党"],
    ]);
    expect(await store.ledgerRows.problemPage(scopeOf([]), inspectionId, { afterSeq: 0, limit: 10 })).toEqual(
      [],
    );
    expect(await store.ledgerRows.measurePage(scopeOf([]), inspectionId, { after: null, limit: 10 })).toEqual(
      [],
    );
    expect(
      (await store.ledgerRows.measurePage(SCOPE_ALL, otherId, { after: null, limit: 100 })).every(
        (m) => m.inspectionId === otherId,
      ),
    ).toBe(true);
  });
});
