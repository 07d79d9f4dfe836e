// Answers bytes Node cannot parse as an HTTP request (clientError) with a Chinese JSON error and our headers.
// There is no request yet: no route, hook, host check or logger context applies.

import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { FastifyBaseLogger } from "fastify";
import type { ErrorBody } from "./errors.ts";
import { describeClientError } from "./framework-errors.ts";
import { SECURITY_HEADERS } from "./security-headers.ts";

/** The `clientErrorHandler` server option; `log` is read when an error arrives (the app exists by then). */
export function createClientErrorHandler(log: () => FastifyBaseLogger) {
  return (error: Error & { code?: string }, socket: Socket): void => {
    // A reset or already-closed connection has nobody left to answer.
    if (error.code === "ECONNRESET" || socket.destroyed) return;
    log().debug({ err: error }, "unparsable request");
    const refusal = describeClientError(error.code);
    const body = JSON.stringify({
      error: { code: refusal.code, message: refusal.message },
    } satisfies ErrorBody);
    const headers = {
      ...SECURITY_HEADERS,
      "cache-control": "no-store",
      "content-type": "application/json; charset=utf-8",
      "content-length": String(Buffer.byteLength(body)),
      connection: "close",
    };
    if (socket.writable) {
      socket.write(
        `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status] ?? ""}\r\n` +
          Object.entries(headers)
            .map(([name, value]) => `${name}: ${value}\r\n`)
            .join("") +
          `\r\n${body}`,
      );
    }
    // As Node's and Fastify's own handlers do: the parser state is lost, so the connection cannot continue.
    socket.destroy(error);
  };
}
