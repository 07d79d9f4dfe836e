// Evidence downloads: GET /api/v1/evidence/:id/content streams the stored bytes to a signed-in caller who sees the
// measure, always as an attachment of the sniffed media type, never rendered inline.

import type { FastifyInstance, onSendHookHandler } from "fastify";
import { z } from "zod";
import type { EvidenceDeps } from "../../app/evidence-files.ts";
import { openEvidence } from "../../app/open-evidence.ts";
import { parseInput } from "../../shared/validation.ts";
import { callerOf } from "../auth.ts";

const contentParams = z.object({ id: z.string().min(1).max(100) });

// Runs after the app's security headers (route hooks follow app hooks), which set a plain no-store on the API.
const privateNoStore: onSendHookHandler = (_request, reply, payload, done) => {
  void reply.header("cache-control", "private, no-store");
  done(null, payload);
};

export function evidenceRoutes(app: FastifyInstance, deps: EvidenceDeps): void {
  app.get("/api/v1/evidence/:id/content", { onSend: privateNoStore }, async (request, reply) => {
    const { id } = parseInput(contentParams, request.params, "路径参数");
    const { evidence, content, size } = await openEvidence(deps, callerOf(request), { evidenceId: id });
    if (evidence.size !== size) {
      request.log.error({ evidenceId: id, recorded: evidence.size, stored: size }, "evidence size differs");
    }
    return reply
      .header("content-type", evidence.mediaType)
      .header("content-length", String(size))
      .header("content-disposition", attachmentDisposition(evidence.name))
      .header("x-content-type-options", "nosniff")
      .send(content);
  });
}

/**
 * `attachment` with an ASCII fallback (non-ASCII and quoting characters as `_`) and the exact name as RFC 5987
 * `filename*` (UTF-8, percent-encoded), which every current browser prefers.
 */
export function attachmentDisposition(name: string): string {
  const fallback = [...name].map((c) => (/^[\x20-\x7e]$/.test(c) && !/["\\%;]/.test(c) ? c : "_")).join("");
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
