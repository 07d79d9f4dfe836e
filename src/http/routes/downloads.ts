// Documents out: GET …/ledger.xlsx (streamed as it is written) and GET …/notice (internal or public version, as
// .docx, Markdown or HTML), always as attachments. Outside the caller's scope 404; a role without the right 403.

import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Deps } from "../../app/deps.ts";
import { downloadLedgerXlsx, downloadNotice } from "../../app/download-documents.ts";
import { parseInput } from "../../shared/validation.ts";
import { callerOf } from "../auth.ts";

const idParams = z.object({ id: z.string().min(1).max(100) });
const noticeQuery = z.object({
  version: z.enum(["internal", "public"]).default("internal"),
  layout: z.enum(["status", "aspect"]).default("status"),
  format: z.enum(["docx", "md", "html"]).default("docx"),
});

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const NOTICE_TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  md: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
} as const;

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

export function downloadRoutes(app: FastifyInstance, deps: Deps): void {
  app.get("/api/v1/inspections/:id/ledger.xlsx", async (request, reply) => {
    const { id } = parseInput(idParams, request.params, "路径参数");
    // Written while it is sent: a failure after the first bytes can only cut the download short, so it is logged.
    const download = await downloadLedgerXlsx(deps, callerOf(request), id, (e) =>
      request.log.error({ err: e }, "ledger export failed while streaming"),
    );
    return reply
      .header("content-type", XLSX_TYPE)
      .header("content-disposition", contentDisposition(download.name, download.asciiName))
      .header("x-content-type-options", "nosniff")
      .send(download.content);
  });

  app.get("/api/v1/inspections/:id/notice", async (request, reply) => {
    const { id } = parseInput(idParams, request.params, "路径参数");
    const query = parseInput(noticeQuery, request.query, "查询参数");
    const download = await downloadNotice(deps, callerOf(request), id, query);
    return reply
      .header("content-type", NOTICE_TYPES[query.format])
      .header("content-disposition", contentDisposition(download.name, download.asciiName))
      .header("x-content-type-options", "nosniff")
      .header("x-publication-id", download.publicationId)
      .send(Buffer.from(download.content));
  });
}
