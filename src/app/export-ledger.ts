// Exports ledgers (one inspection, a round, or everything in scope) as a styled .xlsx, streamed page by page
// from the store into the workbook writer, so memory stays flat whatever the number of measures.

import type { Writable } from "node:stream";
import { addDays, type CalendarDate } from "../domain/calendar-date.ts";
import { DomainError } from "../domain/domain-error.ts";
import { INSPECTION_KIND_LABELS, REGIME_LABELS, type Inspection } from "../domain/inspection.ts";
import { countLedger, isDueSoon, isOverdue, type ProblemTally } from "../domain/ledger-statistics.ts";
import type { Org } from "../domain/org.ts";
import { deriveProblemStatus } from "../domain/problem-status.ts";
import { SCOPE_ALL, type Scope } from "../domain/scope.ts";
import {
  percentToRate,
  SUMMARY_FACTS,
  type SummaryValue,
  type XlsxMeasureRow,
  type XlsxOutcomeRow,
  type XlsxProblemRow,
} from "../documents/xlsx/ledger-workbook.ts";
import { formatOfficialDate } from "../documents/official-document/official-document.ts";
import { writeLedgerXlsx } from "../documents/xlsx/write-ledger-xlsx.ts";
import type { LedgerMeasureCursor, LedgerMeasureRow } from "../storage/store.ts";
import type { Deps } from "./deps.ts";
import {
  describeFilter,
  isFilterSet,
  measureMatches,
  type MeasureExportFilter,
} from "./measure-export-filter.ts";

export type LedgerSelection =
  { readonly inspectionId: string } | { readonly roundLabel: string } | { readonly all: true };

export interface ExportLedgerOptions {
  /** Open measures due within this many days are 临期 (amber). Default 15. */
  readonly dueSoonDays?: number;
  /** Rows per store read. Default 2,000. */
  readonly pageSize?: number;
  /** Only these measures, and the problems that hold one (the ledger page's filters). */
  readonly filter?: MeasureExportFilter;
}

export interface ExportedLedger {
  readonly asOf: CalendarDate;
  readonly inspections: number;
  readonly problems: number;
  readonly measures: number;
}

/** ISO UTC → the Asia/Shanghai calendar day (UTC+8, no daylight saving). */
const shanghaiDay = (iso: string): CalendarDate =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * 销号时间: closing is a review in zhenggai. A measure closed without one was already closed when its ledger was
 * imported: on the day the source stated (closedAt is then that day, before the import) or on an unknown day
 * (closedAt is the import time itself, which must not stand in for it).
 */
function closedDay(m: LedgerMeasureRow, inspection: Inspection): CalendarDate | null {
  if (m.lastApprovalAt !== null) return shanghaiDay(m.lastApprovalAt);
  return m.closedAt !== null && m.closedAt < inspection.createdAt ? shanghaiDay(m.closedAt) : null;
}

/** 备注: what the other columns cannot say — an extension's original deadline, the acceptance criteria. */
function measureNote(m: LedgerMeasureRow): string | null {
  const parts = [
    ...(m.originalDeadline !== null && m.originalDeadline !== m.deadline
      ? [`已延期，原定完成时限${formatOfficialDate(m.originalDeadline)}`]
      : []),
    ...(m.acceptanceCriteria?.trim() ? [`验收标准：${m.acceptanceCriteria.trim()}`] : []),
  ];
  return parts.length > 0 ? parts.join("；") : null;
}

async function selectInspections(
  deps: Deps,
  scope: Scope,
  selection: LedgerSelection,
): Promise<Inspection[]> {
  if ("inspectionId" in selection) {
    const inspection = await deps.store.inspections.get(scope, selection.inspectionId);
    if (!inspection) throw new DomainError("inspection_not_found", "未找到该巡察（或无权查看）");
    return [inspection];
  }
  const list = await deps.store.inspections.list(
    scope,
    "roundLabel" in selection ? { roundLabel: selection.roundLabel } : {},
  );
  const chosen = list.filter((i) => !i.isExample).reverse();
  if (chosen.length === 0)
    throw new DomainError(
      "nothing_to_export",
      "roundLabel" in selection ? `没有轮次为“${selection.roundLabel}”的巡察台账` : "没有可导出的巡察台账",
    );
  return chosen;
}

/** Streams the workbook into `output`; DomainError inspection_not_found / nothing_to_export when nothing is selected. */
export async function exportLedger(
  deps: Deps,
  scope: Scope,
  selection: LedgerSelection,
  output: Writable,
  options: ExportLedgerOptions = {},
): Promise<ExportedLedger> {
  const { store } = deps;
  const asOf = deps.clock.today();
  const dueSoonUntil = addDays(asOf, options.dueSoonDays ?? 15);
  const pageSize = options.pageSize ?? 2_000;
  const inspections = await selectInspections(deps, scope, selection);
  const single = inspections.length === 1 ? inspections[0] : undefined;
  const multiUnit = single === undefined;

  const units = new Map<string, Org>();
  for (const i of inspections) {
    if (units.has(i.targetOrgId)) continue;
    const unit = await store.orgs.get(SCOPE_ALL, i.targetOrgId);
    if (unit) units.set(unit.id, unit);
  }
  const unitOf = (i: Inspection): string => units.get(i.targetOrgId)?.name ?? "";
  const chosen = new Set(inspections.map((i) => i.id));
  const tallies: ProblemTally[] = (
    await store.statistics.problemTallies(scope, {
      on: asOf,
      includeExamples: true,
      ...(single ? { inspectionId: single.id } : {}),
    })
  ).filter((t) => chosen.has(t.inspectionId));
  const tallyOf = new Map(tallies.map((t) => [t.problemId, t]));

  const filter = isFilterSet(options.filter) ? options.filter : undefined;
  const problemsFoundByText = new Set<string>();
  const kept = (m: LedgerMeasureRow) =>
    filter === undefined || measureMatches(filter, m, asOf, problemsFoundByText);
  // A filtered export lists only the problems that keep a measure, and their outcomes: one pass over the measures
  // first (ids only), after the problems whose feedback text holds the searched words.
  let keptProblems: Set<string> | undefined;
  if (filter !== undefined) {
    const text = filter.text ?? "";
    if (text !== "") {
      for (const i of inspections) {
        for (const p of await store.problems.listByInspection(scope, i.id)) {
          if (p.feedbackText.includes(text)) problemsFoundByText.add(p.id);
        }
      }
    }
    keptProblems = new Set();
    for await (const { row } of measureRows()) if (kept(row)) keptProblems.add(row.problemId);
  }

  const outcomes: XlsxOutcomeRow[] = [];
  for (const i of inspections) {
    const start = outcomes.length;
    const [problems, list] = await Promise.all([
      store.problems.listByInspection(scope, i.id),
      store.outcomes.listByInspection(scope, i.id),
    ]);
    const problemOf = new Map(problems.map((p) => [p.id, p]));
    for (const o of list) {
      if (keptProblems !== undefined && (o.problemId === null || !keptProblems.has(o.problemId))) continue;
      const p = o.problemId ? problemOf.get(o.problemId) : undefined;
      outcomes.push({
        ...(multiUnit ? { unit: unitOf(i) } : {}),
        problemNo: p?.seq ?? null,
        problem: p?.title ?? null,
        kind: o.kind,
        quantity: o.quantity,
        sanctionType: o.sanctionType,
        note: o.note,
      });
    }
    // In problem order like the other lists (the store lists them as they were recorded); stable.
    const mine = outcomes.splice(start).sort((a, b) => (a.problemNo ?? Infinity) - (b.problemNo ?? Infinity));
    outcomes.push(...mine);
  }

  async function* problems(): AsyncGenerator<XlsxProblemRow> {
    for (const i of inspections) {
      for (let afterSeq = 0; ;) {
        const page = await store.ledgerRows.problemPage(scope, i.id, { afterSeq, limit: pageSize });
        for (const p of page) {
          if (keptProblems !== undefined && !keptProblems.has(p.id)) continue;
          yield {
            ...(multiUnit ? { unit: unitOf(i) } : {}),
            no: p.seq,
            aspect: p.aspectTitle,
            title: p.title,
            feedbackText: p.feedbackText,
            symptoms: p.symptoms,
            status: deriveProblemStatus(tallyOf.get(p.id) ?? { measures: 0, open: 0, closedLongTerm: 0 }),
            disclosure: p.disclosure,
            withholdingReason: p.withholdingReason,
          };
        }
        const last = page[page.length - 1];
        if (!last || page.length < pageSize) break;
        afterSeq = last.seq;
      }
    }
  }

  // Every measure row of the chosen inspections in ledger order, a page at a time.
  async function* measureRows(): AsyncGenerator<{ inspection: Inspection; row: LedgerMeasureRow }> {
    for (const i of inspections) {
      for (let after: LedgerMeasureCursor | null = null; ;) {
        const page = await store.ledgerRows.measurePage(scope, i.id, { after, limit: pageSize });
        for (const row of page) yield { inspection: i, row };
        const last = page[page.length - 1];
        if (!last || page.length < pageSize) break;
        after = { problemSeq: last.problemSeq, measureSeq: last.measureSeq };
      }
    }
  }

  let measureCount = 0;
  async function* measures(): AsyncGenerator<XlsxMeasureRow> {
    for await (const { inspection: i, row: m } of measureRows()) {
      if (!kept(m)) continue;
      measureCount += 1;
      const closed = m.state === "closed";
      yield {
        ...(multiUnit ? { unit: unitOf(i) } : {}),
        problemKey: m.problemId,
        no: m.problemSeq,
        aspect: m.aspectTitle,
        problem: m.problemTitle,
        text: m.text,
        kind: m.kind,
        leader: m.leader,
        department: m.department,
        person: m.person,
        cooperating: m.cooperatingDepartments,
        deadline: m.deadline,
        progress: m.latestProgress,
        state: m.state,
        flag: isOverdue(m, asOf) ? "overdue" : isDueSoon(m, asOf, dueSoonUntil) ? "due_soon" : null,
        evidenceCount: m.evidenceCount,
        closedOn: closed ? closedDay(m, i) : null,
        reviewer: closed ? m.lastApprover : null,
        note: measureNote(m),
      };
    }
  }

  const counts = countLedger(tallies);
  const regimes = new Set(inspections.map((i) => REGIME_LABELS[i.regime]));
  const regimeWord = regimes.size === 1 ? [...regimes][0] : "巡视巡察";
  const who = single ? unitOf(single) : "roundLabel" in selection ? selection.roundLabel : "";
  const facts: [string, SummaryValue][] = single
    ? [
        [SUMMARY_FACTS.unit, unitOf(single)],
        [SUMMARY_FACTS.team, single.team],
        [SUMMARY_FACTS.regime, REGIME_LABELS[single.regime]],
        [SUMMARY_FACTS.kind, INSPECTION_KIND_LABELS[single.kind]],
        ...(single.roundLabel ? [[SUMMARY_FACTS.roundLabel, single.roundLabel] as [string, string]] : []),
        ...(single.onsiteStart ? [[SUMMARY_FACTS.onsiteStart, single.onsiteStart] as [string, string]] : []),
        ...(single.onsiteEnd ? [[SUMMARY_FACTS.onsiteEnd, single.onsiteEnd] as [string, string]] : []),
        ...(single.feedbackDate
          ? [[SUMMARY_FACTS.feedbackDate, single.feedbackDate] as [string, string]]
          : []),
      ]
    : [
        ["被巡察单位数", units.size],
        ["巡察（巡视）数", inspections.length],
      ];
  const summary: [string, SummaryValue][] = [
    ...facts,
    [SUMMARY_FACTS.asOf, asOf],
    ["问题总数", counts.problems],
    ["已整改完成", counts.completed],
    ["正在推进", counts.inProgress],
    ["基本完成、持续深化", counts.longTerm],
    ["整改完成率", { rate: percentToRate(counts.completionRate) }],
    ["整改措施", counts.measures],
    ["已销号措施", counts.closedMeasures],
    ["逾期措施", counts.overdueMeasures],
    // The figures above are the whole ledger's; the lists hold only what the filter kept.
    ...(filter !== undefined
      ? ([
          ["筛选条件", describeFilter(filter)],
          ["本表所列问题", keptProblems?.size ?? 0],
        ] as [string, SummaryValue][])
      : []),
  ];

  // The unit reports its own ledger; a ledger over several units is compiled by their common oversight
  // office (巡察办) when they share one, else 填报单位 is left to be filled in by hand.
  const oversights = new Set(inspections.map((i) => i.oversightOrgId));
  const [oversightId] = oversights;
  const oversight =
    oversights.size === 1 && oversightId ? await store.orgs.get(SCOPE_ALL, oversightId) : undefined;
  const reportingUnit = single ? unitOf(single) : (oversight?.name ?? "");

  await writeLedgerXlsx(output, {
    title: `${who}${regimeWord}整改台账（截至${formatOfficialDate(asOf)}）`,
    asOf,
    reportingUnit,
    multiUnit,
    problems: problems(),
    measures: measures(),
    outcomes,
    summary,
  });
  return { asOf, inspections: inspections.length, problems: tallies.length, measures: measureCount };
}
