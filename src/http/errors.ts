// Maps errors to HTTP status and the one error body shape { error: { code, message, fields? } }, through the one
// error registry (src/shared/error-registry.ts). Internal causes go to the log only: no framework text, stack or
// request content reaches a response. A code missing from the registry is a bug: answered 500, logged as an error.

import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { isDomainError } from "../domain/domain-error.ts";
import { ERROR_REGISTRY, errorEntry, type ErrorCode } from "../shared/error-registry.ts";
import { StorageConflictError, StorageUnavailableError } from "../storage/storage-errors.ts";
import { describeFrameworkError } from "./framework-errors.ts";

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    fields?: readonly { path: string; code: string; message: string }[];
  };
}

const INTERNAL_ERROR: ErrorBody = {
  error: { code: "internal_error", message: ERROR_REGISTRY.internal_error.message },
};

function unregistered(
  error: Error,
  code: string,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  request.log.error(
    { err: error, code },
    `error code "${code}" is not in src/shared/error-registry.ts: answered 500; register it with its status`,
  );
  return reply.status(500).send(INTERNAL_ERROR);
}

export function handleError(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  if (isDomainError(error)) {
    const entry = errorEntry(error.code);
    if (entry === undefined) return unregistered(error, error.code, request, reply);
    const body: ErrorBody = {
      error: {
        code: error.code as ErrorCode,
        message: error.message === "" ? entry.message : error.message,
        ...(error.fields ? { fields: error.fields } : {}),
      },
    };
    return reply.status(entry.status).send(body);
  }
  if (error instanceof StorageUnavailableError) {
    request.log.error({ err: error }, "storage unavailable");
    return reply
      .status(ERROR_REGISTRY[error.code].status)
      .send({ error: { code: error.code, message: error.message } } satisfies ErrorBody);
  }
  if (error instanceof StorageConflictError) {
    request.log.warn({ err: error }, "write collided with a concurrent one");
    return reply
      .status(ERROR_REGISTRY[error.code].status)
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
  return reply.status(500).send(INTERNAL_ERROR);
}
