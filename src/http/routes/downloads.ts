// Documents out: GET …/ledger.xlsx (streamed as it is written) and POST …/notice (internal or public version, as
// .docx, Markdown or HTML; a POST because generating one records a publication), always as attachments. Outside the
// caller's scope 404; a role without the right 403.

import type { FastifyReply } from "fastify";
import { downloadLedgerXlsx, downloadNotice, type DownloadName } from "../../app/download-documents.ts";
import type { NoticeDeps } from "../../app/generate-notice.ts";
import {
  API_ROUTES as API,
  NOTICE_MEDIA_TYPES,
  noticeRequestSchema,
  XLSX_MEDIA_TYPE,
} from "../../shared/api-routes.ts";
import { parseInput } from "../../shared/validation.ts";
import { callerOf } from "../auth.ts";
import type { ContractRouter } from "../contract-route.ts";

/**
 * `attachment` with an ASCII `filename` for old clients (anything but letters, digits, `.`, `_` and `-` becomes `_`)
 * and the real name as RFC 5987 `filename*` (UTF-8, percent-encoded), which current browsers prefer.
 */
export function contentDisposition(name: string, asciiName: string): string {
  const ascii = asciiName.replace(/[^A-Za-z0-9._-]/g, "_");
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Answers a generated file as an attachment under its Chinese name (and an ASCII one), never sniffed. */
export function sendAttachment(
  reply: FastifyReply,
  file: DownloadName & { readonly content: Uint8Array },
  mediaType: string,
): FastifyReply {
  return reply
    .header("content-type", mediaType)
    .header("content-disposition", contentDisposition(file.name, file.asciiName))
    .header("x-content-type-options", "nosniff")
    .send(Buffer.from(file.content));
}

export function downloadRoutes(route: ContractRouter, deps: NoticeDeps): void {
  route(API.downloadLedgerXlsx, async ({ request, reply, params: { id }, query }) => {
    const filter = {
      ...(query.state ? { states: query.state } : {}),
      ...(query.kind ? { kinds: query.kind } : {}),
      ...(query.departmentId ? { departmentId: query.departmentId } : {}),
      ...(query.personId ? { personId: query.personId } : {}),
      ...(query.overdue === "true" ? { overdueOnly: true } : {}),
      ...(query.q?.trim() ? { text: query.q.trim() } : {}),
    };
    // Written while it is sent: a failure after the first bytes can only cut the download short, so it is logged.
    const download = await downloadLedgerXlsx(deps, callerOf(request), id, filter, (e) =>
      request.log.error({ err: e }, "ledger export failed while streaming"),
    );
    return reply
      .header("content-type", XLSX_MEDIA_TYPE)
      .header("content-disposition", contentDisposition(download.name, download.asciiName))
      .header("x-content-type-options", "nosniff")
      .send(download.content);
  });

  route(API.generateNotice, async ({ request, reply, params: { id } }) => {
    const wanted = parseInput(noticeRequestSchema, request.body ?? {}, "通报选项");
    const download = await downloadNotice(deps, callerOf(request), id, wanted);
    return sendAttachment(
      reply.header("x-publication-id", download.publicationId),
      download,
      NOTICE_MEDIA_TYPES[wanted.format],
    );
  });
}
