// Diagnosis for the ledger benchmark: which SQL statements a use case runs, their timings and plans.

import { type CompiledQuery, type Kysely, type KyselyPlugin, type RootOperationNode } from "kysely";
import type { Database } from "../src/storage/kysely/db-schema.ts";
import { kyselyStore } from "../src/storage/kysely/kysely-store.ts";
import type { Store } from "../src/storage/store.ts";
import type { BenchDatabase } from "./bench-database.ts";
import { summarise } from "./timing.ts";

export interface QueryTiming {
  readonly sql: string;
  readonly medianMs: number;
  readonly plan: string[];
}

/** A store whose queries are recorded (to time and EXPLAIN them one by one). */
export function capturingStore(
  db: Kysely<Database>,
  dialect: Store["dialect"],
): { store: Store; take: () => CompiledQuery[] } {
  // transformQuery also sees subqueries as they are built; only nodes whose result comes back were executed.
  const seen = new WeakMap<object, RootOperationNode>();
  let nodes: RootOperationNode[] = [];
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      seen.set(args.queryId, args.node);
      return args.node;
    },
    transformResult(args) {
      const node = seen.get(args.queryId);
      if (node) nodes.push(node);
      return Promise.resolve(args.result);
    },
  };
  return {
    store: kyselyStore(db.withPlugin(plugin), dialect),
    take() {
      const compiled = nodes.map((node) => db.getExecutor().compileQuery(node, { queryId: "bench" }));
      nodes = [];
      return compiled;
    },
  };
}

export async function breakdown(
  bench: BenchDatabase,
  db: Kysely<Database>,
  queries: CompiledQuery[],
): Promise<QueryTiming[]> {
  const out: QueryTiming[] = [];
  for (const query of queries) {
    const durations: number[] = [];
    for (let i = 0; i < 7; i++) {
      const start = performance.now();
      await db.executeQuery(query);
      durations.push(performance.now() - start);
    }
    out.push({
      sql: query.sql.replace(/\s+/g, " "),
      medianMs: summarise(durations.slice(2)).medianMs,
      plan: await bench.explain(db, query),
    });
  }
  return out;
}
