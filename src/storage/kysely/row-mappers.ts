// Rows ↔ domain objects. Enum columns are trusted: only this layer writes them, from validated domain values.

import type { Selectable } from "kysely";
import type { Inspection, InspectionKind, Regime } from "../../domain/inspection.ts";
import type { Measure, MeasureKind, MeasureState } from "../../domain/measure.ts";
import type { Org, OrgKind, Person } from "../../domain/org.ts";
import type { Outcome, OutcomeKind, SanctionType } from "../../domain/outcome.ts";
import type { Aspect, Disclosure, Problem, ProblemSource, WithholdingReason } from "../../domain/problem.ts";
import type {
  AspectsTable,
  InspectionsTable,
  MeasuresTable,
  OrgsTable,
  OutcomesTable,
  PeopleTable,
  ProblemsTable,
} from "./db-schema.ts";

export const orgFromRow = (r: Selectable<OrgsTable>): Org => ({
  id: r.id,
  parentId: r.parent_id,
  kind: r.kind as OrgKind,
  name: r.name,
  path: r.path,
});

export const personFromRow = (r: Selectable<PeopleTable>): Person => ({
  id: r.id,
  orgId: r.org_id,
  name: r.name,
  post: r.post,
});

export const inspectionToRow = (i: Inspection): Selectable<InspectionsTable> => ({
  id: i.id,
  regime: i.regime,
  kind: i.kind,
  round_label: i.roundLabel,
  team: i.team,
  oversight_org_id: i.oversightOrgId,
  target_org_id: i.targetOrgId,
  onsite_start: i.onsiteStart,
  onsite_end: i.onsiteEnd,
  feedback_date: i.feedbackDate,
  report_due: i.reportDue,
  concentrated_end: i.concentratedEnd,
  is_example: i.isExample ? 1 : 0,
  created_at: i.createdAt,
});

export const inspectionFromRow = (r: Selectable<InspectionsTable>): Inspection => ({
  id: r.id,
  regime: r.regime as Regime,
  kind: r.kind as InspectionKind,
  roundLabel: r.round_label,
  team: r.team,
  oversightOrgId: r.oversight_org_id,
  targetOrgId: r.target_org_id,
  onsiteStart: r.onsite_start,
  onsiteEnd: r.onsite_end,
  feedbackDate: r.feedback_date,
  reportDue: r.report_due,
  concentratedEnd: r.concentrated_end,
  isExample: Number(r.is_example) === 1,
  createdAt: r.created_at,
});

export const aspectFromRow = (r: Selectable<AspectsTable>): Aspect => ({
  id: r.id,
  inspectionId: r.inspection_id,
  seq: Number(r.seq),
  title: r.title,
});

export const problemToRow = (p: Problem): Selectable<ProblemsTable> => ({
  id: p.id,
  inspection_id: p.inspectionId,
  aspect_id: p.aspectId,
  seq: p.seq,
  title: p.title,
  feedback_text: p.feedbackText,
  symptoms: p.symptoms,
  source: p.source,
  disclosure: p.disclosure,
  withholding_reason: p.withholdingReason,
  is_common: p.isCommon ? 1 : 0,
});

export const problemFromRow = (r: Selectable<ProblemsTable>): Problem => ({
  id: r.id,
  inspectionId: r.inspection_id,
  aspectId: r.aspect_id,
  seq: Number(r.seq),
  title: r.title,
  feedbackText: r.feedback_text,
  symptoms: r.symptoms,
  source: r.source as ProblemSource,
  disclosure: r.disclosure as Disclosure,
  withholdingReason: r.withholding_reason as WithholdingReason | null,
  isCommon: Number(r.is_common) === 1,
});

export const measureToRow = (m: Measure): Selectable<MeasuresTable> => ({
  id: m.id,
  inspection_id: m.inspectionId,
  problem_id: m.problemId,
  seq: m.seq,
  text: m.text,
  kind: m.kind,
  deadline: m.deadline,
  lead_leader_id: m.leadLeaderId,
  department_id: m.departmentId,
  person_id: m.personId,
  acceptance_criteria: m.acceptanceCriteria,
  evidence_required: m.evidenceRequired ? 1 : 0,
  state: m.state,
  closed_at: m.closedAt,
  version: m.version,
  submissions: m.submissions,
  original_deadline: m.originalDeadline,
});

export const measureFromRow = (
  r: Selectable<MeasuresTable>,
  cooperatingDepartmentIds: readonly string[] = [],
): Measure => ({
  id: r.id,
  inspectionId: r.inspection_id,
  problemId: r.problem_id,
  seq: Number(r.seq),
  text: r.text,
  kind: r.kind as MeasureKind,
  deadline: r.deadline,
  leadLeaderId: r.lead_leader_id,
  departmentId: r.department_id,
  personId: r.person_id,
  cooperatingDepartmentIds,
  acceptanceCriteria: r.acceptance_criteria,
  evidenceRequired: Number(r.evidence_required) === 1,
  state: r.state as MeasureState,
  closedAt: r.closed_at,
  version: Number(r.version),
  submissions: Number(r.submissions),
  originalDeadline: r.original_deadline,
});

export const outcomeToRow = (o: Outcome): Selectable<OutcomesTable> => ({
  id: o.id,
  inspection_id: o.inspectionId,
  problem_id: o.problemId,
  measure_id: o.measureId,
  kind: o.kind,
  quantity: o.quantity,
  sanction_type: o.sanctionType,
  note: o.note,
});

export const outcomeFromRow = (r: Selectable<OutcomesTable>): Outcome => ({
  id: r.id,
  inspectionId: r.inspection_id,
  problemId: r.problem_id,
  measureId: r.measure_id,
  kind: r.kind as OutcomeKind,
  quantity: r.quantity,
  sanctionType: r.sanction_type as SanctionType | null,
  note: r.note,
});
