// Publishes the public version (社会公开) of an inspection's notice: generated now through generateNotice (never the
// internal version), its .docx and self-contained HTML kept content-addressed behind the files port, and a
// public_notices row with the title, unit, 成文日期 and contact block; audited. Withdrawing is withdraw-public-notice.ts.

import type { Caller } from "../domain/account.ts";
import { requireAction } from "../domain/permissions.ts";
import { SCOPE_ALL } from "../domain/scope.ts";
import { resolveNoticeLayout, type NoticeLayoutOptions } from "../shared/notice-layout-options.ts";
import type { PublicNotice } from "../storage/store.ts";
import { auditByActor } from "./audit-by.ts";
import { actorOf } from "./confirm-import.ts";
import type { EvidenceDeps, StoredContent } from "./evidence-files.ts";
import { generateNotice, type NoticeDeps } from "./generate-notice.ts";
import { inspectionAccess } from "./measure-access.ts";

/** What publishing needs: notice generation and the files port. */
export type PublicNoticeDeps = NoticeDeps & EvidenceDeps;

export interface PublishPublicNoticeOptions {
  readonly inspectionId: string;
  readonly layout?: "status" | "aspect";
  /** 成文日期; today when absent. */
  readonly issuedOn?: string;
  readonly official?: NoticeLayoutOptions;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };

/** The title the HTML writer printed in <title> (write-html.ts escapes exactly these five characters). */
const htmlTitle = (html: Uint8Array): string =>
  (/<title>([^<]*)<\/title>/.exec(new TextDecoder().decode(html))?.[1] ?? "").replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_m, name: string) => ENTITIES[name] ?? "",
  );

/** A generous cap for one rendered notice (a 5,000-measure ledger's .docx is a few MB). */
const NOTICE_FILE_LIMIT = 64 * 1024 * 1024;

/** Same rule as generating the notice: notice.generate, and ledger.export for the ledger's content it shows. */
export async function publishPublicNotice(
  deps: PublicNoticeDeps,
  caller: Caller,
  options: PublishPublicNoticeOptions,
): Promise<PublicNotice> {
  const access = await inspectionAccess(deps.store, caller, options.inspectionId);
  requireAction(access.roles, "ledger.export");
  requireAction(access.roles, "notice.generate");
  const unit = await deps.store.orgs.get(SCOPE_ALL, access.inspection.targetOrgId);
  const actor = actorOf(caller);
  const issuedOn = options.issuedOn ?? deps.clock.today();
  const request = {
    inspectionId: options.inspectionId,
    version: "public" as const,
    layout: options.layout ?? "status",
    issuedOn,
    ...(options.official ? { official: options.official } : {}),
  };
  // Each file is stored before its generation is recorded: a failure leaves no record of a file that is not there.
  const stored: { docx?: StoredContent; html?: StoredContent } = {};
  let title = "";
  const docx = await generateNotice(deps, actor, access.scope, { ...request, format: "docx" }, async (c) => {
    stored.docx = await deps.files.put([c], NOTICE_FILE_LIMIT);
  });
  const html = await generateNotice(deps, actor, access.scope, { ...request, format: "html" }, async (c) => {
    stored.html = await deps.files.put([c], NOTICE_FILE_LIMIT);
    title = htmlTitle(c);
  });
  // The contact block as the notice's settings and fields give it (the same order as the generator's, which prints it
  // after "欢迎广大干部群众对…进行监督。"): this document's publicContact, the unit's settings, the narrative's contact.
  const narrative = await deps.store.plans.getNarrative(access.scope, options.inspectionId);
  const layout = resolveNoticeLayout(
    deps.noticeSettings,
    { id: access.inspection.targetOrgId, name: unit?.name ?? "" },
    options.official ?? {},
  );
  const contact = (layout.publicContact ?? narrative?.contact ?? "").trim();
  if (stored.docx === undefined || stored.html === undefined) throw new Error("notice files were not stored");
  const notice: PublicNotice = {
    id: deps.ids.next("pn"),
    inspectionId: options.inspectionId,
    unitId: access.inspection.targetOrgId,
    unitName: unit?.name ?? "",
    title,
    issuedOn,
    layout: request.layout,
    contact: contact === "" ? null : contact,
    docx: { ...stored.docx, publicationId: docx.publicationId },
    html: { ...stored.html, publicationId: html.publicationId },
    publishedBy: actor.id,
    publishedByName: actor.name,
    publishedAt: deps.clock.now(),
    withdrawal: null,
    approval: null,
  };
  await deps.store.transaction(async (tx) => {
    await tx.publicNotices.insert(notice);
    await tx.audit.append({
      at: notice.publishedAt,
      ...auditByActor(actor),
      action: "public_notice.publish",
      entity: "inspection",
      entityId: options.inspectionId,
      data: {
        publicNoticeId: notice.id,
        title: notice.title,
        issuedOn,
        docxSha256: notice.docx.sha256,
        htmlSha256: notice.html.sha256,
        withheld: docx.withheld.length,
      },
    });
  });
  return notice;
}
