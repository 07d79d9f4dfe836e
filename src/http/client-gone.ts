// Tells a route that its client has gone (connection closed before the answer was sent), so it starts no further work.
// Node cannot take back a query already sent; see docs/benchmarks.md, "HTTP API".

import type { FastifyReply, FastifyRequest } from "fastify";

/** The reason an aborted signal carries; routes recognise it and send nothing. */
export class ClientGoneError extends Error {
  override readonly name = "ClientGoneError";
  constructor() {
    super("client closed the connection before the answer was sent");
  }
}

/** Aborted as soon as the connection closes while the answer is still unsent (checked now and on `close`). */
export function clientGoneSignal(request: FastifyRequest, reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  const gone = () => {
    if (!reply.raw.writableFinished) controller.abort(new ClientGoneError());
  };
  if (request.raw.destroyed || reply.raw.closed) gone();
  else reply.raw.once("close", gone);
  return controller.signal;
}

/**
 * Runs a route's work with a client-gone signal; when the client went away meanwhile, the reply is hijacked and the
 * connection's remains destroyed instead of answering (and logging an error) to nobody.
 */
export async function unlessClientGone<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T | FastifyReply> {
  const signal = clientGoneSignal(request, reply);
  try {
    return await work(signal);
  } catch (e) {
    if (!signal.aborted) throw e;
    request.log.info({ url: request.url }, "client gone: work stopped, no answer sent");
    reply.hijack();
    reply.raw.destroy();
    return reply;
  }
}
