// An HTTP app over a fresh SQLite store for one test, plus a raw-socket client for what inject would normalise.

import { connect } from "node:net";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../src/app/deps.ts";
import { buildApp, type AppOptions } from "../../src/http/build-app.ts";
import { testDatabases, testDeps } from "../support/test-stores.ts";

export interface TestApp {
  readonly app: FastifyInstance;
  readonly deps: Deps;
  close(): Promise<void>;
}

/** buildApp over an empty migrated SQLite database; close() releases both. */
export async function openTestApp(options: AppOptions = {}): Promise<TestApp> {
  const opened = await testDatabases[0]!.open();
  const deps = testDeps(opened.store);
  const app = buildApp(deps, options);
  return {
    app,
    deps,
    async close() {
      await app.close();
      await opened.cleanup();
    },
  };
}

export interface RawResponse {
  readonly status: number;
  /** Header names lower-cased; a repeated header keeps its last value. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Sends `request` byte for byte to a listening server and reads until the server closes the connection. */
export function sendRaw(port: number, request: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: "127.0.0.1" });
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      try {
        resolve(parseRawResponse(Buffer.concat(chunks).toString("utf8")));
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
    socket.end(request);
  });
}

function parseRawResponse(text: string): RawResponse {
  const headerEnd = text.indexOf("\r\n\r\n");
  if (headerEnd < 0) throw new Error(`no complete response: ${JSON.stringify(text)}`);
  const [statusLine = "", ...lines] = text.slice(0, headerEnd).split("\r\n");
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status, headers, body: text.slice(headerEnd + 4) };
}
