// Composition root: config → store → deps → HTTP server. The only place that picks concrete implementations.

import { readFile } from "node:fs/promises";
import type { FastifyInstance } from "fastify";
import { offerExampleLedger } from "./app/offer-example-ledger.ts";
import type { Deps } from "./app/deps.ts";
import { databaseTarget, describeTarget, type Config } from "./config.ts";
import { buildApp } from "./http/build-app.ts";
import { systemClock, randomIds } from "./runtime/system-ports.ts";
import { migrateDatabase, openStore } from "./storage/kysely/kysely-store.ts";

/** A real published notice (市文联党组, 2021), shipped as example data. */
const EXAMPLE_NOTICE = new URL("../assets/example-notice.txt", import.meta.url);

export interface RunningServer {
  readonly url: string;
  readonly app: FastifyInstance;
  close(): Promise<void>;
}

/** Opens the store (applying migrations) and serves the API; resolves once listening. */
export async function startServer(config: Config, log: (line: string) => void): Promise<RunningServer> {
  const target = databaseTarget(config);
  const store = await openStore(target);
  const deps: Deps = { store, clock: systemClock, ids: randomIds };
  if (config.exampleData) {
    const exampleId = await offerExampleLedger(deps, await readFile(EXAMPLE_NOTICE, "utf8"));
    if (exampleId) log(`数据库为空，已载入示例台账（示例）：${exampleId}`);
  }
  const app = buildApp(deps, { logger: config.logLevel === "silent" ? false : { level: config.logLevel } });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (e) {
    await store.close();
    throw e;
  }
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`;
  log(`zhenggai 已启动：${url}（数据库：${describeTarget(target)}）`);
  return {
    url,
    app,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/** Opens the configured store for one command, hands the use-case deps to `work`, and closes it again. */
export async function withDeps<T>(config: Config, work: (deps: Deps) => Promise<T>): Promise<T> {
  const store = await openStore(databaseTarget(config));
  try {
    return await work({ store, clock: systemClock, ids: randomIds });
  } finally {
    await store.close();
  }
}

/** Applies pending migrations to the configured database. */
export async function migrate(config: Config): Promise<{ target: string; applied: string[] }> {
  const target = databaseTarget(config);
  return { target: describeTarget(target), applied: await migrateDatabase(target) };
}
