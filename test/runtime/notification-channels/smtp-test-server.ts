// A real SMTP server for the email tests (smtp-server on 127.0.0.1, port 0, no TLS): it stores every message it
// accepts with its envelope; options add authentication or refusals.

import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";

export interface Delivered {
  readonly rcptTo: string[];
  readonly mailFrom: string;
  readonly raw: string;
}

/** A plain SMTP server on 127.0.0.1 that stores what it receives; `options` adds auth or refusals. */
export async function startSmtp(options: Partial<SMTPServerOptions> = {}) {
  const delivered: Delivered[] = [];
  let connections = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        delivered.push({
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          mailFrom: session.envelope.mailFrom === false ? "" : session.envelope.mailFrom.address,
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    delivered,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
