// Stores validated problems with their measures and outcomes under an inspection, inside an open transaction.
import { startOfShanghaiDay } from "../domain/calendar-date.ts";
// Shared by createLedger (a new inspection) and importLedger (adding to an existing one).

import type { Measure } from "../domain/measure.ts";
import type { Org } from "../domain/org.ts";
import type { Outcome } from "../domain/outcome.ts";
import type { Problem } from "../domain/problem.ts";
import type { ValidLedgerInput } from "../shared/ledger-input.ts";
import type { Repositories } from "../storage/store.ts";
import type { IdGenerator } from "./deps.ts";
import type { OrgResolver } from "./resolve-orgs.ts";

export interface ProblemPlacement {
  readonly inspectionId: string;
  /** The inspected unit: departments and people are matched by name under it. */
  readonly unit: Org;
  readonly aspectIdByTitle: ReadonlyMap<string, string>;
  /** seq of the first problem written (problems already stored keep theirs). */
  readonly firstSeq: number;
  /** ISO UTC; closedAt of measures recorded as closed. */
  readonly now: string;
}

/** Inserts the problems in order; returns what was written. */
export async function insertProblems(
  tx: Repositories,
  ids: IdGenerator,
  resolve: OrgResolver,
  placement: ProblemPlacement,
  input: ValidLedgerInput["problems"],
): Promise<{ problems: Problem[]; measures: Measure[]; outcomes: Outcome[] }> {
  const { inspectionId, unit, aspectIdByTitle, now } = placement;
  const problems: Problem[] = [];
  const measures: Measure[] = [];
  const outcomes: Outcome[] = [];
  for (const [pi, p] of input.entries()) {
    const problem: Problem = {
      id: ids.next("prb"),
      inspectionId,
      aspectId: p.aspect ? (aspectIdByTitle.get(p.aspect) ?? null) : null,
      seq: placement.firstSeq + pi,
      title: p.title,
      feedbackText: p.feedbackText ?? p.title,
      symptoms: p.symptoms ?? null,
      source: p.source,
      disclosure: p.disclosure,
      withholdingReason: p.withholdingReason ?? null,
      isCommon: p.isCommon,
    };
    problems.push(problem);
    for (const [mi, m] of p.measures.entries()) {
      const department = m.department ? await resolve.org(unit, "department", m.department) : null;
      const cooperating = await Promise.all(
        m.cooperatingDepartments.map(async (d) => (await resolve.org(unit, "department", d)).id),
      );
      measures.push({
        id: ids.next("msr"),
        inspectionId,
        problemId: problem.id,
        seq: mi + 1,
        text: m.text,
        kind: m.kind,
        deadline: m.deadline ?? null,
        leadLeaderId: m.leader ? await resolve.person(unit, m.leader) : null,
        departmentId: department?.id ?? null,
        personId: m.person ? await resolve.person(department ?? unit, m.person) : null,
        cooperatingDepartmentIds: [...new Set(cooperating)],
        acceptanceCriteria: m.acceptanceCriteria ?? null,
        evidenceRequired: m.evidenceRequired,
        state: m.state,
        closedAt: m.state === "closed" ? (m.closedOn ? startOfShanghaiDay(m.closedOn) : now) : null,
        version: 1,
        // A measure imported as submitted or closed was submitted once, outside zhenggai.
        submissions: m.state === "submitted" || m.state === "closed" ? 1 : 0,
        originalDeadline: null,
      });
    }
    for (const o of p.outcomes) {
      outcomes.push({
        id: ids.next("out"),
        inspectionId,
        problemId: problem.id,
        measureId: null,
        kind: o.kind,
        quantity: o.quantity,
        sanctionType: o.sanctionType ?? null,
        note: o.note ?? null,
      });
    }
  }
  await tx.problems.insertMany(problems);
  await tx.measures.insertMany(measures);
  await tx.outcomes.insertMany(outcomes);
  return { problems, measures, outcomes };
}
