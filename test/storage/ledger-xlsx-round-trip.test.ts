// Re-importing our own export reproduces the ledger exactly, on every database the contract suite runs on.

import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import { afterAll, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR, type Deps } from "../../src/app/deps.ts";
import { exportLedger } from "../../src/app/export-ledger.ts";
import { importLedger } from "../../src/app/import-ledger.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { readLedgerXlsx } from "../../src/documents/xlsx/read-ledger-xlsx.ts";
import type { Store } from "../../src/storage/store.ts";
import { makeLedger, makeMeasure, makeProblem } from "../support/ledger-builders.ts";
import { testDatabases, testDeps } from "../support/test-stores.ts";

const dir = mkdtempSync(join(tmpdir(), "zhenggai-xlsx-rt-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A ledger exercising what the workbook must carry: kinds, open-ended deadlines, withheld problems, cooperators, outcomes. */
export const richLedger = () =>
  makeLedger({
    aspects: ["全面从严治党", "党的建设", "选人用人"],
    problems: [
      makeProblem({
        title: "四风问题依然存在",
        feedbackText: "反馈指出：公务接待超标准问题时有发生。",
        symptoms: "个别干部违规接受宴请",
        measures: [
          makeMeasure({ state: "closed", kind: "immediate", deadline: null }),
          makeMeasure({
            text: "开展作风建设专项整治",
            cooperatingDepartments: ["机关党委", "财务科"],
            deadline: "2021-05-31",
          }),
        ],
        outcomes: [
          { kind: "funds_returned", quantity: "12345.67" },
          { kind: "people_accountable", quantity: "2", sanctionType: "admonition", note: "诫勉谈话" },
        ],
      }),
      makeProblem({
        title: "党建工作质量不高",
        aspect: "党的建设",
        disclosure: "withheld",
        withholdingReason: "work_secret",
        measures: [makeMeasure({ state: "closed", kind: "long_term", deadline: null })],
      }),
      makeProblem({
        title: "党建工作质量不高",
        aspect: "党的建设",
        disclosure: "internal",
        measures: [makeMeasure({ state: "draft", person: null, leader: null })],
      }),
      makeProblem({ title: "干部选拔任用程序不规范", aspect: "选人用人", measures: [] }),
      makeProblem({
        title: "执行财务管理制度不够严格",
        measures: [
          makeMeasure({ deadline: "2021-07-10", state: "submitted", department: "财务科", person: "李四" }),
          makeMeasure({ text: "清理往来款项", deadline: "2021-12-31" }),
        ],
      }),
    ],
  });

async function snapshot(store: Store, inspectionId: string) {
  const inspection = await store.inspections.get(SCOPE_ALL, inspectionId);
  const unit = inspection && (await store.orgs.get(SCOPE_ALL, inspection.targetOrgId));
  const problems = await store.ledgerRows.problemPage(SCOPE_ALL, inspectionId, { afterSeq: 0, limit: 1000 });
  const measures = await store.ledgerRows.measurePage(SCOPE_ALL, inspectionId, { after: null, limit: 1000 });
  const seqOf = new Map(problems.map((p) => [p.id, p.seq]));
  const outcomes = await store.outcomes.listByInspection(SCOPE_ALL, inspectionId);
  const aspects = await store.aspects.listByInspection(SCOPE_ALL, inspectionId);
  return {
    unit: unit?.name,
    inspection: inspection && {
      regime: inspection.regime,
      kind: inspection.kind,
      team: inspection.team,
      roundLabel: inspection.roundLabel,
      onsiteStart: inspection.onsiteStart,
      onsiteEnd: inspection.onsiteEnd,
      feedbackDate: inspection.feedbackDate,
    },
    aspects: aspects.map((a) => [a.seq, a.title]),
    problems: problems.map((p) => ({
      seq: p.seq,
      title: p.title,
      aspect: p.aspectTitle,
      feedbackText: p.feedbackText,
      symptoms: p.symptoms,
      disclosure: p.disclosure,
      withholdingReason: p.withholdingReason,
    })),
    measures: measures.map((m) => ({
      problemSeq: m.problemSeq,
      seq: m.measureSeq,
      text: m.text,
      kind: m.kind,
      deadline: m.deadline,
      state: m.state,
      leader: m.leader,
      department: m.department,
      person: m.person,
      cooperating: m.cooperatingDepartments,
    })),
    outcomes: outcomes
      .map((o) => ({
        problemSeq: o.problemId ? seqOf.get(o.problemId) : null,
        kind: o.kind,
        quantity: o.quantity,
        sanctionType: o.sanctionType,
        note: o.note,
      }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
  };
}

export async function exportTo(deps: Deps, inspectionId: string, file: string) {
  const output = createWriteStream(file);
  const result = await exportLedger(deps, SCOPE_ALL, { inspectionId }, output);
  await finished(output);
  return result;
}

describe.each(testDatabases)("ledger workbook round trip on $name", (db) => {
  it("re-importing our own export reproduces problems, aspects, measures and outcomes exactly", async () => {
    // One database at a time: Kysely's PostgreSQL migrator sees another schema's lock table and skips creating its own.
    const file = join(dir, `${db.name}-rt.xlsx`);
    const a = await db.open();
    let before;
    try {
      const created = await createLedger(testDeps(a.store), SYSTEM_ACTOR, richLedger());
      const exported = await exportTo(testDeps(a.store), created.inspectionId, file);
      expect(exported).toMatchObject({ inspections: 1, problems: 5, measures: 6 });
      before = await snapshot(a.store, created.inspectionId);
    } finally {
      await a.cleanup();
    }
    const b = await db.open();
    try {
      const imported = await importLedger(testDeps(b.store), SYSTEM_ACTOR, SCOPE_ALL, (reference) =>
        readLedgerXlsx(file, { reference }),
      );
      expect(imported.errors).toEqual([]);
      expect(imported.stored).toBe(true);
      const after = await snapshot(b.store, imported.inspectionId ?? "");
      expect(after).toEqual(before);
      expect(after.measures).toHaveLength(6);
      expect(after.outcomes).toHaveLength(2);
    } finally {
      await b.cleanup();
    }
  });
});
