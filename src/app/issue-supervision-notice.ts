// Issues a supervision notice (督办通知) for an inspection: the measures overdue or at red level today, with their
// responsibility and lateness, and a written reply due N working days after issue. The inspection office or an admin
// issues it (never the unit to itself). The notice is numbered by the system (one series per issuing office and year)
// and recorded in the supervision register and the audit trail in the transaction that gives the number.

import { createHash } from "node:crypto";
import type { Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import { requireAction } from "../domain/permissions.ts";
import { SCOPE_ALL } from "../domain/scope.ts";
import { docNumberPrefix, supervisionDocNumber, type ChasedMeasure } from "../domain/supervision-ladder.ts";
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
import { refuseOwnUnit } from "./supervision-access.ts";
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
  /** The register's record of this notice. */
  readonly actionId: string;
  readonly content: Uint8Array;
  readonly format: "docx" | "pdf" | "md";
  readonly docNumber: string;
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

/** The 机关代字 of the system's numbers: the settings' own 发文字号's, else the issuer's name and 督 (市委巡察办督). */
const numberPrefix = (layout: NoticeLayoutOptions, issuer: string): string =>
  (layout.docNumber ? docNumberPrefix(layout.docNumber) : null) ?? `${issuer}督`;

export async function issueSupervisionNotice(
  deps: SupervisionNoticeDeps,
  caller: Caller,
  options: IssueSupervisionNoticeOptions,
): Promise<IssuedSupervisionNotice> {
  const r = parseInput(supervisionNoticeRequestSchema, options.request, "督办通知选项");
  const access = await inspectionAccess(deps.store, caller, options.inspectionId);
  requireAction(access.roles, "supervision_notice.issue");
  await refuseOwnUnit(
    deps.store,
    caller,
    access.inspection.targetOrgId,
    "被巡察单位不能给本单位下发督办通知",
  );
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
    defaulted: w.defaulted,
    originalDeadline: w.originalDeadline,
    level: w.level === "overdue" ? "overdue" : "red",
    daysOverdue: w.daysOverdue,
    daysLeft: w.daysLeft,
    basis: w.basis,
  }));
  const reply = calendar.addWorkingDays(today, r.replyWithinWorkingDays);
  const layout = officeLayout(deps, office);
  const issuer = layout.issuer ?? office?.name ?? ledger.inspection.team.trim();
  const year = Number(today.slice(0, 4));
  const series = { series: office ? office.id : `team:${ledger.inspection.team.trim()}`, year };
  const chasedMeasures: ChasedMeasure[] = items.map((i) => ({
    measureId: i.measureId,
    level: i.level,
    deadline: i.deadline,
    daysOverdue: i.daysOverdue,
  }));
  const actionId = deps.ids.next("sva");
  // Numbered, written, delivered and recorded in one transaction: a number is never given twice, and a file that could
  // not be written or delivered leaves no record (the transaction is held while the file renders: tens of ms for .docx).
  const { content, docNumber } = await deps.store.transaction(async (tx) => {
    let number: { series: string; year: number; seq: number } | null = null;
    let docNumber: string;
    if (r.docNumber) {
      docNumber = r.docNumber;
      if (await tx.supervisionActions.docNumberTaken(docNumber)) {
        throw new DomainError(
          "supervision_number_taken",
          `发文字号“${docNumber}”已被另一份督办通知使用，请改用其他字号，或不填由系统编号`,
        );
      }
    } else {
      // A number typed earlier by hand may already hold the next one of the series: it is skipped.
      do {
        const seq = await tx.supervisionActions.nextNumber(series);
        number = { ...series, seq };
        docNumber = supervisionDocNumber(numberPrefix(layout, issuer), year, seq);
      } while (await tx.supervisionActions.docNumberTaken(docNumber));
    }
    const official: NoticeLayoutOptions = { ...layout, docNumber };
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
    const sha256 = createHash("sha256").update(content).digest("hex");
    await options.deliver?.(content);
    const at = deps.clock.now();
    await tx.supervisionActions.insert(
      {
        id: actionId,
        inspectionId: access.inspection.id,
        kind: "notice",
        docNumber,
        issuedOn: today,
        replyBy: reply.value,
        issuingOrgId: office?.id ?? null,
        issuer,
        actorId: caller.user.id,
        createdAt: at,
        sha256,
        measures: chasedMeasures,
        details: null,
        reply: null,
      },
      number,
    );
    await tx.audit.append({
      at,
      ...auditBy(caller),
      action: "supervision_notice.issue",
      entity: "inspection",
      entityId: access.inspection.id,
      data: {
        actionId,
        docNumber,
        issuedOn: today,
        replyBy: reply.value,
        replyWithinWorkingDays: r.replyWithinWorkingDays,
        format: r.format,
        sha256,
        measures: chasedMeasures,
      },
    });
    return { content, docNumber };
  });
  return {
    actionId,
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
