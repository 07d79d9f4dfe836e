// Evidence downloads: GET /api/v1/evidence/:id/content streams the stored bytes to a signed-in caller who sees the
// measure, always as an attachment of the sniffed media type, never rendered inline.

import type { onSendHookHandler } from "fastify";
import type { EvidenceDeps } from "../../app/evidence-files.ts";
import { openEvidence } from "../../app/open-evidence.ts";
import { API_ROUTES as API } from "../../shared/api-routes.ts";
import { callerOf } from "../auth.ts";
import type { ContractRouter } from "../contract-route.ts";

// Runs after the app's security headers (route hooks follow app hooks), which set a plain no-store on the API.
const privateNoStore: onSendHookHandler = (_request, reply, payload, done) => {
  void reply.header("cache-control", "private, no-store");
  done(null, payload);
};

export function evidenceRoutes(route: ContractRouter, deps: EvidenceDeps): void {
  route(
    API.downloadEvidence,
    async ({ request, reply, params: { id } }) => {
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
    },
    { onSend: privateNoStore },
  );
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
