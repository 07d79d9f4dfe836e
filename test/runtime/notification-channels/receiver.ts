// A local HTTP receiver for the robot and webhook tests (node:http on port 0): records every request and answers
// what the test says — a vendor's success or error, a status, or nothing for a while (to hit the time limit).

import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach } from "vitest";

export interface Received {
  readonly path: string;
  /** The raw query string, as sent (still URL-encoded). */
  readonly rawQuery: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly json: unknown;
}

export interface Answer {
  readonly status?: number;
  readonly json?: unknown;
  readonly text?: string;
  /** Wait this long before answering (a slow receiver). */
  readonly delayMs?: number;
}

export interface Receiver {
  /** http://127.0.0.1:<port> */
  readonly origin: string;
  readonly received: Received[];
  close(): Promise<void>;
}

const running = new Set<Receiver>();

/** Registers, in the calling test file, the closing of every receiver a test started. */
export function closeReceiversAfterEach(): void {
  afterEach(async () => {
    await Promise.all([...running].map((r) => r.close()));
    running.clear();
  });
}

/** A receiver on 127.0.0.1, port 0, answering each request with `answer(request)`. */
export async function startReceiver(answer: (request: Received) => Answer): Promise<Receiver> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const [path = "", rawQuery = ""] = (req.url ?? "").split("?", 2);
      let json: unknown;
      try {
        json = JSON.parse(body) as unknown;
      } catch {
        json = undefined;
      }
      const request = {
        path,
        rawQuery,
        query: new URLSearchParams(rawQuery),
        headers: req.headers,
        body,
        json,
      };
      received.push(request);
      const a = answer(request);
      const reply = () => {
        res.writeHead(a.status ?? 200, { "content-type": "application/json; charset=utf-8" });
        res.end(a.text ?? JSON.stringify(a.json ?? {}));
      };
      if (a.delayMs === undefined) reply();
      else setTimeout(reply, a.delayMs).unref();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const receiver: Receiver = {
    origin: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  running.add(receiver);
  return receiver;
}

/** An address on 127.0.0.1 where nothing listens (a port just freed). */
export async function deadOrigin(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/**
 * The channel options of a test: a generous time limit (the machine is shared and busy), and a short one only when
 * the receiver is told to be slow, so that a slow answer is the only way to reach it.
 */
export const optionsFor = (answer: Answer): { allowHttp: true; timeoutMs: number } => ({
  allowHttp: true,
  timeoutMs: answer.delayMs === undefined ? 10_000 : 300,
});

/** The message the tests send: Chinese subject and text, a link. */
export const MESSAGE = {
  dedupeKey: "warning:msr_1:red:2026-12-04:usr_3",
  subject: "【督办预警】整改措施即将逾期",
  text: "问题：财务管理不规范\n措施：完善报销制度（剩余 3 天）",
  link: "https://zg.example.cn/ledger/ins_1?measure=msr_1",
} as const;
