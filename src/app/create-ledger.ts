// Creates a whole ledger (inspection, aspects, problems, measures, outcomes, plan) in one transaction.

import { computeInspectionDeadlines, type Inspection } from "../domain/inspection.ts";
import type { Measure } from "../domain/measure.ts";
import type { Outcome } from "../domain/outcome.ts";
import type { Aspect, Problem } from "../domain/problem.ts";
import { ledgerInputSchema } from "../shared/ledger-input.ts";
import { parseInput } from "../shared/validation.ts";
import type { Actor, Deps } from "./deps.ts";
import { orgResolver } from "./resolve-orgs.ts";

export interface CreatedLedger {
  readonly inspectionId: string;
  readonly unitId: string;
  readonly problems: number;
  readonly measures: number;
}

/**
 * Validates `input` (see ledgerInputSchema) and stores it. Departments and people are matched by
 * name under the unit and created when new. Nothing is stored when any part fails.
 */
export async function createLedger(deps: Deps, actor: Actor, input: unknown): Promise<CreatedLedger> {
  const ledger = parseInput(ledgerInputSchema, input, "台账数据");
  const { ids, clock } = deps;
  const now = clock.now();

  return deps.store.transaction(async (tx) => {
    const resolve = orgResolver(tx, ids);
    const oversight = ledger.oversightName ? await resolve.org(null, "oversight", ledger.oversightName) : null;
    const unit = await resolve.org(oversight, "unit", ledger.unitName);

    const inspection: Inspection = {
      id: ids.next("ins"),
      regime: ledger.inspection.regime,
      kind: ledger.inspection.kind,
      roundLabel: ledger.inspection.roundLabel ?? null,
      team: ledger.inspection.team,
      oversightOrgId: oversight?.id ?? null,
      targetOrgId: unit.id,
      onsiteStart: ledger.inspection.onsiteStart ?? null,
      onsiteEnd: ledger.inspection.onsiteEnd ?? null,
      feedbackDate: ledger.inspection.feedbackDate ?? null,
      ...computeInspectionDeadlines(ledger.inspection.feedbackDate ?? null),
      isExample: ledger.inspection.isExample,
      createdAt: now,
    };
    await tx.inspections.insert(inspection);

    const aspects: Aspect[] = ledger.aspects.map((title, i) => ({ id: ids.next("asp"), inspectionId: inspection.id, seq: i + 1, title }));
    const aspectIdByTitle = new Map(aspects.map((a) => [a.title, a.id]));
    await tx.aspects.insertMany(aspects);

    const problems: Problem[] = [];
    const measures: Measure[] = [];
    const outcomes: Outcome[] = [];
    for (const [pi, p] of ledger.problems.entries()) {
      const problem: Problem = {
        id: ids.next("prb"),
        inspectionId: inspection.id,
        aspectId: p.aspect ? (aspectIdByTitle.get(p.aspect) ?? null) : null,
        seq: pi + 1,
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
        const cooperating = await Promise.all(m.cooperatingDepartments.map(async (d) => (await resolve.org(unit, "department", d)).id));
        measures.push({
          id: ids.next("msr"),
          inspectionId: inspection.id,
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
          closedAt: m.state === "closed" ? now : null,
          version: 1,
        });
      }
      for (const o of p.outcomes) {
        outcomes.push({
          id: ids.next("out"),
          inspectionId: inspection.id,
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

    const plan = ledger.plan;
    if (plan.leader) await tx.plans.setLeadingGroup({ inspectionId: inspection.id, leader: plan.leader, members: plan.members });
    await tx.plans.insertMeetings(plan.meetings.map((m) => ({ id: ids.next("mtg"), inspectionId: inspection.id, heldOn: m.heldOn ?? null, title: m.title })));
    await tx.plans.insertItems(plan.items.map((item, i) => ({ id: ids.next("pln"), inspectionId: inspection.id, seq: i + 1, text: item.text, deadline: item.deadline ?? null })));

    await tx.audit.append({
      at: now,
      actor: actor.id,
      action: "ledger.create",
      entity: "inspection",
      entityId: inspection.id,
      data: { unit: unit.name, problems: problems.length, measures: measures.length, outcomes: outcomes.length },
    });
    return { inspectionId: inspection.id, unitId: unit.id, problems: problems.length, measures: measures.length };
  });
}
