// Renders the public version (社会公开) of an inspection's notice as it will be published: generateNotice twice (never
// the internal version) — .docx and self-contained HTML — each file kept content-addressed behind the files port before
// its generation is recorded, with the title the HTML printed and the contact block. Publishing directly and submitting
// for approval both call it; neither writes anything else here.

import type { Caller } from "../domain/account.ts";
import { requireAction } from "../domain/permissions.ts";
import { SCOPE_ALL } from "../domain/scope.ts";
import { resolveNoticeLayout, type NoticeLayoutOptions } from "../shared/notice-layout-options.ts";
import type { PublicNotice } from "../storage/store.ts";
import type { Actor } from "./deps.ts";
import type { EvidenceDeps, StoredContent } from "./evidence-files.ts";
import { generateNotice, type NoticeDeps } from "./generate-notice.ts";
import { inspectionAccess, type InspectionAccess } from "./measure-access.ts";

/** What publishing needs: notice generation and the files port. */
export type PublicNoticeDeps = NoticeDeps & EvidenceDeps;

/** The choices of a public notice: 编排, 成文日期 and this document's 版头/版记 over the unit's settings. */
export interface PublicNoticeChoices {
  readonly inspectionId: string;
  readonly layout?: "status" | "aspect";
  /** 成文日期; today when absent. */
  readonly issuedOn?: string;
  readonly official?: NoticeLayoutOptions;
}

/** The rendered notice: what a published notice (or an approval request) keeps of it. */
export type RenderedPublicNotice = Pick<
  PublicNotice,
  "inspectionId" | "unitId" | "unitName" | "title" | "issuedOn" | "layout" | "contact" | "docx" | "html"
> & {
  /** How many problems the public version leaves out (the audit event says so). */
  readonly withheld: number;
};

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };

/** The title the HTML writer printed in <title> (write-html.ts escapes exactly these five characters). */
const htmlTitle = (html: Uint8Array): string =>
  (/<title>([^<]*)<\/title>/.exec(new TextDecoder().decode(html))?.[1] ?? "").replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_m, name: string) => ENTITIES[name] ?? "",
  );

/** A generous cap for one rendered notice (a 5,000-measure ledger's .docx is a few MB). */
const NOTICE_FILE_LIMIT = 64 * 1024 * 1024;

/**
 * Who may publish or submit a public notice: the same rule as generating it (notice.generate, and ledger.export for
 * the ledger's content it shows). Outside the caller's scope inspection_not_found, else 403.
 */
export async function publishingAccess(
  deps: PublicNoticeDeps,
  caller: Caller,
  inspectionId: string,
): Promise<InspectionAccess> {
  const access = await inspectionAccess(deps.store, caller, inspectionId);
  requireAction(access.roles, "ledger.export");
  requireAction(access.roles, "notice.generate");
  return access;
}

/** Renders both files from the ledger now; `access` from publishingAccess. */
export async function renderPublicNotice(
  deps: PublicNoticeDeps,
  actor: Actor,
  access: InspectionAccess,
  choices: PublicNoticeChoices,
): Promise<RenderedPublicNotice> {
  const unit = await deps.store.orgs.get(SCOPE_ALL, access.inspection.targetOrgId);
  const issuedOn = choices.issuedOn ?? deps.clock.today();
  const request = {
    inspectionId: choices.inspectionId,
    version: "public" as const,
    layout: choices.layout ?? "status",
    issuedOn,
    ...(choices.official ? { official: choices.official } : {}),
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
  const narrative = await deps.store.plans.getNarrative(access.scope, choices.inspectionId);
  const layout = resolveNoticeLayout(
    deps.noticeSettings,
    { id: access.inspection.targetOrgId, name: unit?.name ?? "" },
    choices.official ?? {},
  );
  const contact = (layout.publicContact ?? narrative?.contact ?? "").trim();
  if (stored.docx === undefined || stored.html === undefined) throw new Error("notice files were not stored");
  return {
    inspectionId: choices.inspectionId,
    unitId: access.inspection.targetOrgId,
    unitName: unit?.name ?? "",
    title,
    issuedOn,
    layout: request.layout,
    contact: contact === "" ? null : contact,
    docx: { ...stored.docx, publicationId: docx.publicationId },
    html: { ...stored.html, publicationId: html.publicationId },
    withheld: docx.withheld.length,
  };
}
