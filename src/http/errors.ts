// Maps errors to HTTP status and the one error body shape { error: { code, message, fields? } }.
// Internal causes go to the log only: no framework text, stack or request content reaches a response.

import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { isDomainError } from "../domain/domain-error.ts";
import { StorageConflictError, StorageUnavailableError } from "../storage/storage-errors.ts";
import { describeFrameworkError } from "./framework-errors.ts";

const STATUS_BY_CODE: Record<string, number> = {
  invalid_input: 400,
  inspection_not_found: 404,
  measure_not_found: 404,
  unit_not_found: 404,
  measure_changed: 409,
  // Accounts and sessions (docs/accounts.md).
  unauthenticated: 401,
  sign_in_failed: 401,
  sign_in_locked: 429,
  csrf_token_invalid: 403,
  forbidden: 403,
  user_not_found: 404,
  org_not_found: 404,
  grant_not_found: 404,
  login_taken: 409,
  grant_exists: 409,
  last_admin: 409,
  user_changed: 409,
  password_too_weak: 400,
  password_incorrect: 400,
  // Administration over HTTP and API tokens (docs/accounts.md); precondition_required (428) is listed below.
  org_name_taken: 409,
  org_parent_invalid: 400,
  person_not_found: 404,
  person_name_taken: 409,
  token_invalid: 401,
  token_read_only: 403,
  token_not_found: 404,
  session_required: 403,
  // The review cycle (docs/review-cycle.md).
  not_reviewer: 403,
  invalid_review_chain: 400,
  precondition_required: 428,
  evidence_required: 409,
  measure_closed: 409,
  extension_not_later: 400,
  extension_pending: 409,
  extension_not_found: 404,
  extension_decided: 409,
  // The server cannot safely write: the audit chain is broken (refuse mode) or keyed with a key it lacks.
  audit_chain_broken: 503,
  audit_key_required: 503,
  // Documents in and out over HTTP (docs/http.md).
  unsupported_file_type: 415,
  file_too_large: 413,
  pending_import_not_found: 404,
  import_already_confirmed: 409,
  import_not_confirmable: 409,
  import_unit_mismatch: 409,
  too_many_pending_imports: 429,
};

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    fields?: readonly { path: string; code: string; message: string }[];
  };
}

export function handleError(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  if (isDomainError(error)) {
    const status = STATUS_BY_CODE[error.code] ?? (error.code.startsWith("measure_") ? 409 : 400);
    const body: ErrorBody = {
      error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) },
    };
    return reply.status(status).send(body);
  }
  if (error instanceof StorageUnavailableError) {
    request.log.error({ err: error }, "storage unavailable");
    return reply
      .status(503)
      .send({ error: { code: error.code, message: error.message } } satisfies ErrorBody);
  }
  if (error instanceof StorageConflictError) {
    request.log.warn({ err: error }, "write collided with a concurrent one");
    return reply
      .status(409)
      .send({ error: { code: error.code, message: error.message } } satisfies ErrorBody);
  }
  const status = (error as FastifyError).statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    // The client's fault, so not an error of ours; the log keeps Fastify's wording for whoever investigates.
    request.log.info({ err: error }, "request refused");
    const refusal = describeFrameworkError(
      (error as FastifyError).code,
      status,
      error instanceof SyntaxError,
    );
    return reply
      .status(refusal.status)
      .send({ error: { code: refusal.code, message: refusal.message } } satisfies ErrorBody);
  }
  request.log.error({ err: error }, "unhandled error");
  return reply
    .status(500)
    .send({ error: { code: "internal_error", message: "服务器内部错误，请稍后重试" } } satisfies ErrorBody);
}
