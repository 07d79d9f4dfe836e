// Generates a notice (通报) from the ledger at this moment, and records the publication with its redactions and
// the audit chain checkpoint it prints.

import { createHash } from "node:crypto";
import { z } from "zod";
import { DomainError } from "../domain/domain-error.ts";
import { WITHHOLDING_REASON_LABELS, type WithholdingReason } from "../domain/problem.ts";
import type { Scope } from "../domain/scope.ts";
import { buildNoticeDocument } from "../documents/notice/build-notice-document.ts";
import {
  noticeLayoutOptionsSchema,
  resolveNoticeLayout,
  type NoticeSettingsFile,
} from "../shared/notice-layout-options.ts";
import {
  renderOfficialDocument,
  type PdfConverter,
} from "../documents/official-document/render-official-document.ts";
import { calendarDateSchema, parseInput } from "../shared/validation.ts";
import type { AuditCheckpoint } from "../storage/store.ts";
import { auditByActor } from "./audit-by.ts";
import type { Actor, Deps } from "./deps.ts";
import { getInspectionLedger } from "./get-inspection-ledger.ts";

const requestSchema = z.object({
  inspectionId: z.string().min(1),
  version: z.enum(["internal", "public"]),
  layout: z.enum(["status", "aspect"]).default("status"),
  format: z.enum(["docx", "md", "html", "pdf"]),
  /** 成文日期; today when absent. */
  issuedOn: calendarDateSchema.optional(),
  issuer: z.string().trim().min(1).max(200).optional(),
  contact: z.string().trim().max(2000).optional(),
  /** This document's 版头/版记/grid, over the unit's settings (NoticeDeps.noticeSettings). */
  official: noticeLayoutOptionsSchema.optional(),
});

export type { PdfConverter };

/** What notice generation needs beyond the common ports; both are deployment settings, never client input. */
export interface NoticeDeps extends Deps {
  /** Absent: `format: "pdf"` is refused with pdf_converter_missing. */
  readonly pdf?: PdfConverter;
  /** Per-unit 版头/版记 settings (ZHENGGAI_NOTICE_SETTINGS). */
  readonly noticeSettings?: NoticeSettingsFile;
}

/** Why a 党内 problem, or one from a 问题线索, is not in the public version, as the redaction record says it. */
const INTERNAL_ONLY = "仅限党内通报";
const CLUE_DETAILS = "问题线索，细节不予公开";

export type GenerateNoticeRequest = z.input<typeof requestSchema>;

export interface GeneratedNotice {
  readonly content: Uint8Array;
  readonly publicationId: string;
  /** The audit chain checkpoint printed in the notice (its 附注) and recorded with the publication. */
  readonly checkpoint: AuditCheckpoint;
  readonly withheld: ReadonlyArray<{ problemId: string; title: string; reason: string }>;
}

/**
 * Every number in the text is computed from the ledger now. The public version shows only 社会公开 problems;
 * it is refused, with the list, while any 不公开 problem lacks one of the five reasons.
 */
export async function generateNotice(
  deps: NoticeDeps,
  actor: Actor,
  scope: Scope,
  request: GenerateNoticeRequest,
  /** Receives the file before the publication is recorded; when it throws, nothing is recorded. */
  deliver: (content: Uint8Array) => Promise<void> = () => Promise.resolve(),
): Promise<GeneratedNotice> {
  const r = parseInput(requestSchema, request, "生成通报参数");
  const issuedOn = r.issuedOn ?? deps.clock.today();
  const ledger = await getInspectionLedger(deps, scope, r.inspectionId, issuedOn);
  const narrative = await deps.store.plans.getNarrative(scope, r.inspectionId);
  // The checkpoint must be printed, so it is the chain's newest event before the publication's own event, which
  // follows it and records it together with the file's sha-256: the document and the chain vouch for each other.
  const checkpoint = await deps.store.audit.head();
  const official = resolveNoticeLayout(deps.noticeSettings, ledger.unit, r.official ?? {});
  const { document, withheld } = buildNoticeDocument(ledger, {
    checkpoint,
    official,
    version: r.version,
    layout: r.layout,
    issuedOn,
    ...(narrative ? { narrative } : {}),
    ...(r.issuer ? { issuer: r.issuer } : {}),
    ...(r.contact ? { contact: r.contact } : {}),
  });
  const missing = withheld.filter((w) => w.disclosure === "withheld" && w.reason === null);
  if (r.version === "public" && missing.length > 0) {
    throw new DomainError(
      "withholding_reason_missing",
      `以下不公开的问题缺少不公开理由，不能生成公开版：${missing.map((w) => `“${w.title}”`).join("、")}`,
      missing.map((w) => ({
        path: `problems.${w.problemId}.withholdingReason`,
        code: "required",
        message: `“${w.title}”须注明不公开理由`,
      })),
    );
  }
  const content = await renderOfficialDocument(document, r.format, official.grid, deps.pdf);
  const redactions = withheld.map((w) => ({
    problemId: w.problemId,
    title: w.title,
    reason:
      w.disclosure === "internal"
        ? INTERNAL_ONLY
        : w.disclosure === "clue"
          ? CLUE_DETAILS
          : WITHHOLDING_REASON_LABELS[w.reason as WithholdingReason],
  }));
  await deliver(content);
  const publicationId = deps.ids.next("pub");
  const now = deps.clock.now();
  const sha256 = createHash("sha256").update(content).digest("hex");
  await deps.store.transaction(async (tx) => {
    await tx.publications.insert({
      id: publicationId,
      inspectionId: r.inspectionId,
      version: r.version,
      layout: r.layout,
      format: r.format,
      sha256,
      withheld: redactions,
      approvedBy: actor.id,
      createdAt: now,
      checkpoint,
    });
    await tx.audit.append({
      at: now,
      ...auditByActor(actor),
      action: "notice.generate",
      entity: "inspection",
      entityId: r.inspectionId,
      data: {
        publicationId,
        version: r.version,
        format: r.format,
        withheld: redactions.length,
        sha256,
        checkpoint,
      },
    });
  });
  return { content, publicationId, checkpoint, withheld: redactions };
}
