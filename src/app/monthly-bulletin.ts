// Generates the monthly progress bulletin (月度整改进展通报) of one inspection's unit or of every unit of a round the
// caller sees, as .docx/PDF (the notices' official-document writer) or .xlsx. Ledger figures are as of the month's
// end; the progress reports of the month's periods are judged on the day the bulletin is made (they fall due after
// the month ends). Needs notice.generate over every inspection it covers; recorded in the audit trail.

import { createHash } from "node:crypto";
import type { Caller } from "../domain/account.ts";
import type { CalendarDate } from "../domain/calendar-date.ts";
import { DomainError } from "../domain/domain-error.ts";
import type { Inspection } from "../domain/inspection.ts";
import { requireAction } from "../domain/permissions.ts";
import { monthFigures, monthSpan } from "../domain/reporting-cycle-month.ts";
import { SCOPE_ALL, type Scope } from "../domain/scope.ts";
import type {
  BulletinContent,
  BulletinDepartmentReporting,
  BulletinMeasure,
  BulletinReporting,
  BulletinUnit,
} from "../documents/bulletin/bulletin-content.ts";
import { buildBulletinDocument } from "../documents/bulletin/build-bulletin-document.ts";
import { writeBulletinXlsx } from "../documents/bulletin/write-bulletin-xlsx.ts";
import { defaultIssuer } from "../documents/notice/build-notice-document.ts";
import { renderOfficialDocument } from "../documents/official-document/render-official-document.ts";
import { resolveNoticeLayout } from "../shared/notice-layout-options.ts";
import {
  bulletinRequestSchema,
  roundBulletinRequestSchema,
  type BulletinFormat,
  type BulletinRequest,
  type RoundBulletinRequest,
} from "../shared/reporting-bulletin-input.ts";
import { parseInput } from "../shared/validation.ts";
import type { Repositories } from "../storage/store.ts";
import { callerScope } from "./account-access.ts";
import { auditBy } from "./audit-by.ts";
import { safeName, type DownloadName } from "./download-documents.ts";
import type { NoticeDeps } from "./generate-notice.ts";
import { inspectionAccess } from "./measure-access.ts";
import { chosenPeriod, inspectionPeriods, type CycleMeasureItem } from "./reporting-cycle.ts";
import type { CalendarDeps } from "./working-calendar.ts";

/** The ports: the calendar (reporting periods), the PDF converter and the 版头 settings file. */
export type BulletinDeps = CalendarDeps & Pick<NoticeDeps, "pdf" | "noticeSettings">;

export type MonthlyBulletinOptions = (
  | { readonly inspectionId: string; readonly request: BulletinRequest }
  | { readonly inspectionId?: undefined; readonly request: RoundBulletinRequest }
) & {
  /** Receives the file before the bulletin is recorded (the CLI writes it); when it throws, nothing is recorded. */
  readonly deliver?: (content: Uint8Array) => Promise<void>;
};

export interface MonthlyBulletin extends DownloadName {
  readonly content: Uint8Array;
  readonly format: BulletinFormat;
  readonly month: string;
  readonly inspectionIds: readonly string[];
}

/** One unit's content: figures as of the month's end, the month's reporting periods judged on `judgedOn`. */
async function unitContent(
  deps: CalendarDeps,
  tx: Repositories,
  scope: Scope,
  inspection: Inspection,
  month: string,
  judgedOn: CalendarDate,
): Promise<BulletinUnit> {
  const { start, end } = monthSpan(month);
  const [unit, measures, problems] = await Promise.all([
    tx.orgs.get(SCOPE_ALL, inspection.targetOrgId),
    tx.measures.listByInspection(scope, inspection.id),
    tx.problems.listByInspection(scope, inspection.id),
  ]);
  const { periods } = await inspectionPeriods(deps, tx, inspection, end > judgedOn ? end : judgedOn);
  const ofMonth = periods.filter((p) => p.end >= start && p.end <= end);
  const standings = await Promise.all(
    ofMonth.map((p) => chosenPeriod(tx, scope, inspection.id, p, judgedOn)),
  );
  const departmentIds = [...new Set(measures.flatMap((m) => (m.departmentId ? [m.departmentId] : [])))];
  const orgs = await Promise.all(departmentIds.map((id) => tx.orgs.get(SCOPE_ALL, id)));
  const departmentName = new Map(orgs.flatMap((o) => (o ? [[o.id, o.name] as const] : [])));
  const problemById = new Map(problems.map((p) => [p.id, p]));
  const measureById = new Map(measures.map((m) => [m.id, m]));
  const named = (id: string): BulletinMeasure => {
    const m = measureById.get(id)!;
    const p = problemById.get(m.problemId);
    return {
      problemSeq: p?.seq ?? 0,
      problemTitle: p?.title ?? "",
      seq: m.seq,
      text: m.text,
      department: (m.departmentId && departmentName.get(m.departmentId)) || null,
      deadline: m.deadline,
      originalDeadline: m.originalDeadline !== m.deadline ? m.originalDeadline : null,
    };
  };
  const figures = monthFigures(measures, month);
  const byLedgerOrder = (a: BulletinMeasure, b: BulletinMeasure) =>
    a.problemSeq - b.problemSeq || a.seq - b.seq;
  return {
    inspectionId: inspection.id,
    unitName: unit?.name ?? "",
    regime: inspection.regime,
    team: inspection.team,
    feedbackDate: inspection.feedbackDate,
    completion: figures.completion,
    closedThisMonth: figures.closedThisMonth.map(named).sort(byLedgerOrder),
    overdue: figures.overdue.map((o) => ({ ...named(o.id), daysOverdue: o.daysOverdue })),
    reporting: inspection.feedbackDate === null ? null : mergeStandings(standings, judgedOn, named),
  };
}

/** The periods of a month as one standing: counts summed over the periods, departments merged by name. */
function mergeStandings(
  standings: ReadonlyArray<Awaited<ReturnType<typeof chosenPeriod>>>,
  judgedOn: CalendarDate,
  named: (id: string) => BulletinMeasure,
): BulletinReporting {
  const departments = new Map<string, BulletinDepartmentReporting>();
  const list = (items: readonly CycleMeasureItem[]) => items.map((i) => named(i.measureId));
  for (const s of standings) {
    for (const d of s.departments) {
      const was = departments.get(d.name);
      departments.set(d.name, {
        department: d.name,
        required: (was?.required ?? 0) + d.required,
        onTime: (was?.onTime ?? 0) + d.onTime,
        late: (was?.late ?? 0) + d.late,
        missing: (was?.missing ?? 0) + d.missing,
        lateMeasures: [...(was?.lateMeasures ?? []), ...list(d.lateMeasures)],
        missingMeasures: [...(was?.missingMeasures ?? []), ...list(d.missingMeasures)],
      });
    }
  }
  const sum = (f: (s: (typeof standings)[number]) => number) => standings.reduce((n, s) => n + f(s), 0);
  const last = standings[standings.length - 1];
  return {
    periodLabels: standings.map((s) => s.period.label),
    judgedOn,
    due: last?.period.due ?? null,
    required: sum((s) => s.required),
    onTime: sum((s) => s.onTime),
    late: sum((s) => s.late),
    missing: sum((s) => s.missing),
    departments: [...departments.values()]
      .filter((d) => d.late + d.missing > 0)
      .sort((a, b) => b.missing - a.missing || b.late - a.late),
  };
}

/** The inspections covered, each allowed for notice.generate; the scope the caller reads them in. */
async function coveredInspections(
  deps: BulletinDeps,
  caller: Caller,
  options: MonthlyBulletinOptions,
): Promise<{ scope: Scope; inspections: Inspection[]; round: string | null }> {
  if (options.inspectionId !== undefined) {
    const access = await inspectionAccess(deps.store, caller, options.inspectionId);
    requireAction(access.roles, "notice.generate");
    return { scope: access.scope, inspections: [access.inspection], round: null };
  }
  const round = (options.request as { round: string }).round.trim();
  const scope = await callerScope(deps.store, caller);
  // Example ledgers (示例) are never counted, in a round as in every total.
  const listed = await deps.store.inspections.list(scope, { roundLabel: round, includeExamples: false });
  if (listed.length === 0) {
    throw new DomainError("inspection_not_found", `未找到轮次“${round}”的巡察（或无权查看）`);
  }
  for (const inspection of listed) {
    requireAction((await inspectionAccess(deps.store, caller, inspection.id)).roles, "notice.generate");
  }
  return { scope, inspections: listed, round };
}

export async function generateMonthlyBulletin(
  deps: BulletinDeps,
  caller: Caller,
  options: MonthlyBulletinOptions,
): Promise<MonthlyBulletin> {
  const r =
    options.inspectionId !== undefined
      ? parseInput(bulletinRequestSchema, options.request, "月度通报选项")
      : parseInput(roundBulletinRequestSchema, options.request, "月度通报选项");
  const today = deps.clock.today();
  if (r.month > today.slice(0, 7)) {
    throw new DomainError("invalid_input", `月份 ${r.month} 尚未开始，不能通报`, [
      { path: "month", code: "invalid_value", message: "月份不能晚于本月" },
    ]);
  }
  const { scope, inspections, round } = await coveredInspections(deps, caller, options);
  const { end } = monthSpan(r.month);
  const content: BulletinContent = await deps.store.snapshot(async (tx) => ({
    month: r.month,
    asOf: end < today ? end : today,
    round,
    units: await Promise.all(inspections.map((i) => unitContent(deps, tx, scope, i, r.month, today))),
  }));
  const first = inspections[0]!;
  const office =
    first.oversightOrgId === null ? undefined : await deps.store.orgs.get(SCOPE_ALL, first.oversightOrgId);
  const unit = await deps.store.orgs.get(SCOPE_ALL, first.targetOrgId);
  // The oversight office issues it when one is recorded; else (one unit) the unit's own 版头 settings and name.
  const issuerOrg = office ?? unit ?? { id: first.targetOrgId, name: content.units[0]?.unitName ?? "" };
  const official = resolveNoticeLayout(
    deps.noticeSettings,
    issuerOrg,
    r.docNumber ? { docNumber: r.docNumber } : {},
  );
  const issuer = official.issuer ?? (office ? office.name : defaultIssuer(issuerOrg.name));
  const file =
    r.format === "xlsx"
      ? await writeBulletinXlsx(content)
      : await renderOfficialDocument(
          buildBulletinDocument(content, { issuer, issuedOn: today, official }),
          r.format,
          official.grid,
          deps.pdf,
        );
  await options.deliver?.(file);
  await deps.store.transaction((tx) =>
    tx.audit.append({
      at: deps.clock.now(),
      ...auditBy(caller),
      action: "bulletin.generate",
      entity: round === null ? "inspection" : "round",
      entityId: round ?? first.id,
      data: {
        month: r.month,
        format: r.format,
        inspections: inspections.map((i) => i.id),
        sha256: createHash("sha256").update(file).digest("hex"),
      },
    }),
  );
  const subject = round ?? content.units[0]?.unitName ?? "";
  return {
    content: file,
    format: r.format,
    month: r.month,
    inspectionIds: inspections.map((i) => i.id),
    name: `${safeName(subject)}整改进展通报-${r.month}.${r.format}`,
    asciiName: `progress-bulletin-${round === null ? first.id : "round"}-${r.month}.${r.format}`,
  };
}
