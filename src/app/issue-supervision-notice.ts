// Issues a supervision notice (督办通知) for an inspection: the measures overdue or at red level today, with their
// responsibility and lateness, and a written reply due N working days after issue. The inspection office or an admin
// issues it (never the unit to itself); the issue is recorded in the audit trail (who, which measures, number, reply date).

import { createHash } from "node:crypto";
import { isAdmin, type Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import { requireAction } from "../domain/permissions.ts";
import { SCOPE_ALL } from "../domain/scope.ts";
import type { HolidayDataWarning } from "../domain/working-days.ts";
import { renderOfficialDocument } from "../documents/official-document/render-official-document.ts";
import {
  buildSupervisionNotice,
  type SupervisionItem,
} from "../documents/supervision/build-supervision-notice.ts";
import type { NoticeLayoutOptions } from "../shared/notice-layout-options.ts";
import {
  supervisionNoticeRequestSchema,
  type SupervisionNoticeRequest,
} from "../shared/supervision-notice-input.ts";
import { parseInput } from "../shared/validation.ts";
import { auditBy } from "./audit-by.ts";
import { safeName, type DownloadName } from "./download-documents.ts";
import type { NoticeDeps } from "./generate-notice.ts";
import { inspectionAccess } from "./measure-access.ts";
import { getWarnedLedger } from "./measure-warnings.ts";
import type { CalendarDeps } from "./working-calendar.ts";

/** The ports: the calendar (reply date, warning ladder), the PDF converter and the 版头 settings file. */
export type SupervisionNoticeDeps = CalendarDeps & Pick<NoticeDeps, "pdf" | "noticeSettings">;

export interface IssueSupervisionNoticeOptions {
  readonly inspectionId: string;
  readonly request: SupervisionNoticeRequest;
  /** Receives the file before the issue is recorded (the CLI writes it); when it throws, nothing is recorded. */
  readonly deliver?: (content: Uint8Array) => Promise<void>;
}

export interface IssuedSupervisionNotice extends DownloadName {
  readonly content: Uint8Array;
  readonly format: "docx" | "pdf" | "md";
  readonly docNumber: string | null;
  /** 书面回复时限 (Asia/Shanghai date). */
  readonly replyBy: string;
  /** The measures chased, in the notice's order. */
  readonly measureIds: readonly string[];
  /** Set when the reply date was counted across a year without holiday data (the date is then a guess). */
  readonly holidayData: HolidayDataWarning | null;
}

/**
 * The issuing office's 版头 settings: the settings file's entry for the oversight office (by id, else name); of the
 * file's defaults only the grid and the 版记 page rule, since the other defaults are the inspected units' own.
 */
function officeLayout(
  deps: SupervisionNoticeDeps,
  office: { id: string; name: string } | undefined,
): NoticeLayoutOptions {
  const file = deps.noticeSettings;
  const own = office ? (file?.units[office.id] ?? file?.units[office.name] ?? {}) : {};
  const defaults = file?.default ?? {};
  return {
    ...(defaults.grid ? { grid: defaults.grid } : {}),
    ...(defaults.colophonOnEvenPage !== undefined ? { colophonOnEvenPage: defaults.colophonOnEvenPage } : {}),
    ...own,
  };
}

/**
 * A unit never supervises itself: an account that belongs to the inspected unit (or one of its departments) is refused
 * even when it also holds an oversight grant (a misconfiguration the role table alone would let through).
 */
async function refuseOwnUnit(deps: SupervisionNoticeDeps, caller: Caller, unitId: string): Promise<void> {
  if (isAdmin(caller) || caller.user.orgId === null) return;
  const [own, unit] = await Promise.all([
    deps.store.orgs.get(SCOPE_ALL, caller.user.orgId),
    deps.store.orgs.get(SCOPE_ALL, unitId),
  ]);
  if (own && unit && own.path.startsWith(unit.path)) {
    throw new DomainError("forbidden", "被巡察单位不能给本单位下发督办通知");
  }
}

export async function issueSupervisionNotice(
  deps: SupervisionNoticeDeps,
  caller: Caller,
  options: IssueSupervisionNoticeOptions,
): Promise<IssuedSupervisionNotice> {
  const r = parseInput(supervisionNoticeRequestSchema, options.request, "督办通知选项");
  const access = await inspectionAccess(deps.store, caller, options.inspectionId);
  requireAction(access.roles, "supervision_notice.issue");
  await refuseOwnUnit(deps, caller, access.inspection.targetOrgId);
  const today = deps.clock.today();
  const ledger = await getWarnedLedger(deps, access.scope, access.inspection.id, today);
  const chased = ledger.problems.flatMap((p) =>
    p.measures.flatMap((m) => {
      const w = m.warning;
      return w !== undefined && (w.level === "overdue" || w.level === "red") ? [{ p, m, w }] : [];
    }),
  );
  if (chased.length === 0) {
    throw new DomainError(
      "nothing_to_supervise",
      "该巡察目前没有逾期或到期未完成的整改措施，无需下发督办通知",
    );
  }
  const departmentIds = [...new Set(chased.flatMap(({ m }) => (m.departmentId ? [m.departmentId] : [])))];
  const [departments, office, calendar] = await Promise.all([
    Promise.all(departmentIds.map((id) => deps.store.orgs.get(SCOPE_ALL, id))),
    ledger.inspection.oversightOrgId === null
      ? Promise.resolve(undefined)
      : deps.store.orgs.get(SCOPE_ALL, ledger.inspection.oversightOrgId),
    deps.calendar.current(deps.store),
  ]);
  const departmentName = new Map(departments.flatMap((d) => (d ? [[d.id, d.name] as const] : [])));
  const personName = new Map(ledger.people.map((p) => [p.id, p.name]));
  const items: SupervisionItem[] = chased.map(({ p, m, w }) => ({
    problemId: p.id,
    problemSeq: p.seq,
    problemTitle: p.title,
    measureId: m.id,
    measureSeq: m.seq,
    measureText: m.text,
    department: (m.departmentId && departmentName.get(m.departmentId)) || null,
    person: (m.personId && personName.get(m.personId)) || null,
    deadline: w.judgedAgainst,
    originalDeadline: w.originalDeadline,
    level: w.level === "overdue" ? "overdue" : "red",
    daysOverdue: w.daysOverdue,
    daysLeft: w.daysLeft,
    basis: w.basis,
  }));
  const reply = calendar.addWorkingDays(today, r.replyWithinWorkingDays);
  const layout = officeLayout(deps, office);
  const official: NoticeLayoutOptions = { ...layout, ...(r.docNumber ? { docNumber: r.docNumber } : {}) };
  const issuer = official.issuer ?? office?.name ?? ledger.inspection.team.trim();
  const document = buildSupervisionNotice({
    regime: ledger.inspection.regime,
    team: ledger.inspection.team.trim(),
    feedbackDate: ledger.inspection.feedbackDate,
    unitName: ledger.unit.name,
    issuer,
    replyTo: office?.name ?? issuer,
    asOf: today,
    issuedOn: today,
    replyBy: reply.value,
    replyWithinWorkingDays: r.replyWithinWorkingDays,
    items,
    official,
  });
  const content = await renderOfficialDocument(document, r.format, official.grid, deps.pdf);
  const docNumber = official.docNumber ?? null;
  await options.deliver?.(content);
  await deps.store.transaction((tx) =>
    tx.audit.append({
      at: deps.clock.now(),
      ...auditBy(caller),
      action: "supervision_notice.issue",
      entity: "inspection",
      entityId: access.inspection.id,
      data: {
        docNumber,
        issuedOn: today,
        replyBy: reply.value,
        replyWithinWorkingDays: r.replyWithinWorkingDays,
        format: r.format,
        sha256: createHash("sha256").update(content).digest("hex"),
        measures: items.map((i) => ({
          measureId: i.measureId,
          level: i.level,
          deadline: i.deadline,
          daysOverdue: i.daysOverdue,
        })),
      },
    }),
  );
  return {
    content,
    format: r.format,
    docNumber,
    replyBy: reply.value,
    measureIds: items.map((i) => i.measureId),
    holidayData: reply.warning,
    name: `${safeName(ledger.unit.name)}督办通知-${today}.${r.format}`,
    asciiName: `supervision-notice-${access.inspection.id}-${today}.${r.format}`,
  };
}
