// Public notices (公开通报): publish and withdraw (signed in), the unit's list, and the public read without sign-in —
// list (by unit, by words), the units with notices, detail, and the files (.docx as an attachment; the HTML inline
// under a CSP that allows no script, no request and no form, framable only by this app's own page). Withdrawn and
// unknown notices answer the same 404.
// Paths and schemas: shared/public-notice-routes.ts.

import type { FastifyReply, FastifyRequest, onSendHookHandler } from "fastify";
import type { OpenedContent } from "../../app/evidence-files.ts";
import { publishPublicNotice, type PublicNoticeDeps } from "../../app/publish-public-notice.ts";
import {
  getPublicNotice,
  listInspectionPublicNotices,
  listPublicNotices,
  openPublicNoticeFile,
} from "../../app/read-public-notices.ts";
import { listPublicUnits } from "../../app/list-public-units.ts";
import { withdrawPublicNotice } from "../../app/withdraw-public-notice.ts";
import { publishPublicNoticeSchema, withdrawPublicNoticeSchema } from "../../shared/public-notice-models.ts";
import {
  DOCX_MEDIA_TYPE,
  HTML_MEDIA_TYPE,
  PUBLIC_NOTICE_ROUTES as API,
} from "../../shared/public-notice-routes.ts";
import { parseInput } from "../../shared/validation.ts";
import { callerOf } from "../auth.ts";
import type { ContractRouter } from "../contract-route.ts";
import { contentDisposition } from "./downloads.ts";

/** The generated HTML has inline styles only: nothing else may load or run, and only this origin may frame it. */
export const NOTICE_HTML_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
  "sandbox",
].join("; ");

// Route hooks follow the app's security headers: these replace the API's no-store and the page-wide CSP/DENY.
// Short max-age: a withdrawn notice must leave shared caches soon. The ETag (the file's sha-256) makes revisits cheap.
const PUBLIC_CACHE = "public, max-age=60";
const publicFile: onSendHookHandler = (_request, reply, payload, done) => {
  if (reply.statusCode === 200 || reply.statusCode === 304) void reply.header("cache-control", PUBLIC_CACHE);
  done(null, payload);
};
const publicHtml: onSendHookHandler = (_request, reply, payload, done) => {
  if (reply.statusCode === 200 || reply.statusCode === 304) {
    void reply.header("cache-control", PUBLIC_CACHE);
    void reply.header("content-security-policy", NOTICE_HTML_CSP);
    void reply.header("x-frame-options", "SAMEORIGIN");
  }
  done(null, payload);
};

type PublicNotice = Awaited<ReturnType<typeof getPublicNotice>>;

const files = (n: PublicNotice) => ({
  docx: { size: n.docx.size, path: `/api/v1/public/notices/${encodeURIComponent(n.id)}/file.docx` },
  html: { size: n.html.size, path: `/api/v1/public/notices/${encodeURIComponent(n.id)}/file.html` },
});
const summary = (n: PublicNotice) => ({
  id: n.id,
  unitId: n.unitId,
  unitName: n.unitName,
  title: n.title,
  issuedOn: n.issuedOn,
  publishedAt: n.publishedAt,
});
const publicView = (n: PublicNotice) => ({ ...summary(n), contact: n.contact, files: files(n) });
const unitView = (n: PublicNotice) => ({
  ...publicView(n),
  inspectionId: n.inspectionId,
  layout: n.layout,
  publishedByName: n.publishedByName,
  approvedByName: n.approval?.byName ?? null,
  withdrawal: n.withdrawal === null ? null : { at: n.withdrawal.at, reason: n.withdrawal.reason },
});

/**
 * Answers a rendered notice's file: ETag (its sha-256) and 304 on a matching If-None-Match, never sniffed, the .docx as
 * an attachment under `names`, the HTML inline. Shared with the approval preview (public-notice-requests.ts).
 */
export function sendNoticeFile(
  request: FastifyRequest,
  reply: FastifyReply,
  file: { readonly sha256: string } & OpenedContent,
  format: "docx" | "html",
  names: { readonly name: string; readonly asciiName: string },
): FastifyReply {
  const etag = `"${file.sha256}"`;
  void reply.header("etag", etag).header("x-content-type-options", "nosniff");
  if (request.headers["if-none-match"] === etag) {
    file.content.destroy();
    return reply.status(304).send();
  }
  return reply
    .header("content-type", format === "docx" ? DOCX_MEDIA_TYPE : HTML_MEDIA_TYPE)
    .header("content-length", String(file.size))
    .header(
      "content-disposition",
      format === "docx" ? contentDisposition(names.name, names.asciiName) : "inline",
    )
    .send(file.content);
}

async function sendFile(
  deps: PublicNoticeDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  pid: string,
  format: "docx" | "html",
): Promise<FastifyReply> {
  const opened = await openPublicNoticeFile(deps, { publicNoticeId: pid, format });
  return sendNoticeFile(request, reply, opened, format, {
    name: `${opened.notice.title || `${opened.notice.unitName}整改情况通报（公开版）`}.docx`,
    asciiName: `public-notice-${pid}.docx`,
  });
}

export function publicNoticeRoutes(route: ContractRouter, deps: PublicNoticeDeps): void {
  route(API.publishPublicNotice, async ({ request, params: { id } }) => {
    const wanted = parseInput(publishPublicNoticeSchema, request.body ?? {}, "发布选项");
    return unitView(await publishPublicNotice(deps, callerOf(request), { inspectionId: id, ...wanted }));
  });
  route(API.listInspectionPublicNotices, async ({ request, params: { id } }) => ({
    items: (await listInspectionPublicNotices(deps, callerOf(request), { inspectionId: id })).map(unitView),
  }));
  route(API.withdrawPublicNotice, async ({ request, params: { id, pid } }) => {
    const { reason } = parseInput(withdrawPublicNoticeSchema, request.body ?? {}, "撤回理由");
    return unitView(
      await withdrawPublicNotice(deps, callerOf(request), { inspectionId: id, publicNoticeId: pid, reason }),
    );
  });
  route(API.listPublicNotices, async ({ query }) => {
    const page = await listPublicNotices(deps, query);
    return { items: page.items.map(summary), nextCursor: page.nextCursor };
  });
  route(API.listPublicUnits, async ({ query }) => listPublicUnits(deps, query));
  route(API.getPublicNotice, async ({ params: { pid } }) =>
    publicView(await getPublicNotice(deps, { publicNoticeId: pid })),
  );
  route(
    API.downloadPublicNoticeHtml,
    ({ request, reply, params: { pid } }) => sendFile(deps, request, reply, pid, "html"),
    { onSend: publicHtml },
  );
  route(
    API.downloadPublicNoticeDocx,
    ({ request, reply, params: { pid } }) => sendFile(deps, request, reply, pid, "docx"),
    { onSend: publicFile },
  );
}
