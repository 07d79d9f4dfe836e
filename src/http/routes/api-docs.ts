// The API's own description: the OpenAPI document generated from the route contracts (built once, on first request),
// and the offline reference page that shows it.

import { API_ROUTES as API } from "../../shared/api-routes.ts";
import { openApiDocument } from "../../shared/openapi.ts";
import { API_REFERENCE_HTML, API_REFERENCE_SCRIPT } from "../api-reference-page.ts";
import type { ContractRouter } from "../contract-route.ts";

export function apiDocsRoutes(route: ContractRouter, version: string): void {
  let document: Record<string, unknown> | undefined;
  route(API.apiDocument, () => (document ??= openApiDocument(version)));

  route(API.apiReferencePage, ({ reply }) =>
    reply.header("content-type", "text/html; charset=utf-8").send(API_REFERENCE_HTML),
  );

  route(API.apiReferenceScript, ({ reply }) =>
    reply.header("content-type", "text/javascript; charset=utf-8").send(API_REFERENCE_SCRIPT),
  );
}
