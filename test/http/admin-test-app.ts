// The HTTP test app with the administration and API token routes registered (as the composition root will), over
// a fresh database with a small org tree, and raw SQL access to check what is stored.

import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Kysely } from "kysely";
import { buildApp } from "../../src/http/build-app.ts";
import type { Database } from "../../src/storage/kysely/db-schema.ts";
import { openDatabase } from "../../src/storage/kysely/open-database.ts";
import type { TestDatabase } from "../support/test-stores.ts";
import { sessionTestDeps, type TestApp } from "./http-test-app.ts";

export interface AdminTestApp extends TestApp {
  /** Runs `work` against the database directly (a separate connection). */
  withDb<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T>;
}

/**
 * ovs 市委巡察办 ─ unitA 市文联党组 ─ depA1 办公室 ─ depA1x 档案室
 *               └ unitB 市科协党组
 */
export async function openAdminApp(database: TestDatabase): Promise<AdminTestApp> {
  const opened = await database.open();
  const deps = sessionTestDeps(opened.store);
  const app = buildApp(deps, { checkAnswers: true });
  await app.ready();
  await deps.store.orgs.insertMany([
    { id: "ovs", parentId: null, kind: "oversight", name: "市委巡察办", path: "/ovs/" },
    { id: "unitA", parentId: "ovs", kind: "unit", name: "市文联党组", path: "/ovs/unitA/" },
    { id: "depA1", parentId: "unitA", kind: "department", name: "办公室", path: "/ovs/unitA/depA1/" },
    { id: "depA1x", parentId: "depA1", kind: "department", name: "档案室", path: "/ovs/unitA/depA1/depA1x/" },
    { id: "unitB", parentId: "ovs", kind: "unit", name: "市科协党组", path: "/ovs/unitB/" },
  ]);
  return {
    app,
    deps,
    clock: deps.clock,
    async withDb(work) {
      const { db } = await openDatabase(opened.target);
      try {
        return await work(db);
      } finally {
        await db.destroy();
      }
    },
    async close() {
      await app.close();
      await opened.cleanup();
    },
  };
}

/** The error code of a JSON error answer. */
export const errorCode = (res: LightMyRequestResponse): string =>
  res.json<{ error: { code: string } }>().error.code;

/** inject with a JSON body and headers. */
export const send = (
  app: FastifyInstance,
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD",
  url: string,
  headers: Record<string, string>,
  payload?: unknown,
) =>
  app.inject({
    method,
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
