// `npm run bench -- audit-head [--seconds N] [--writers N]`: what the single audit chain head costs concurrent writers.
// In one process, N writers (default 50) report progress through the store for N seconds, once as the app does it
// (report + audit append in one transaction) and once without the append (report alone), interleaved; on PostgreSQL
// (BENCH_DATABASE_URL) a sampler counts the sessions waiting on a row or transaction lock meanwhile, which is where
// writers queue behind the head row. SQLite serialises every write on its one connection, with or without the head.

import type { Kysely } from "kysely";
import { createLedger } from "../src/app/create-ledger.ts";
import type { Deps } from "../src/app/deps.ts";
import { reportProgress } from "../src/app/report-progress.ts";
import { SYSTEM_ACTOR } from "../src/app/deps.ts";
import { SYSTEM_CALLER } from "../src/domain/account.ts";
import { SCOPE_ALL } from "../src/domain/scope.ts";
import { systemClock } from "../src/runtime/system-ports.ts";
import type { Database } from "../src/storage/kysely/db-schema.ts";
import { openStore } from "../src/storage/kysely/kysely-store.ts";
import { openDatabase } from "../src/storage/kysely/open-database.ts";
import type { Store } from "../src/storage/store.ts";
import { postgresDatabase, run, sqliteDatabase, type BenchDatabase } from "./bench-database.ts";
import { median } from "./api-load.ts";

const MEASURES = 500;

interface Round {
  readonly label: string;
  readonly writes: number;
  readonly seconds: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly errors: number;
  /** PostgreSQL: mean sessions waiting on a lock per sample (null on SQLite). */
  readonly lockWaiters: number | null;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0
    ? NaN
    : (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN);
}

/** One ledger with MEASURES open measures to report on. */
async function seed(store: Store, deps: Deps): Promise<string[]> {
  const { inspectionId } = await createLedger(deps, SYSTEM_ACTOR, {
    unitName: "基准测试单位",
    oversightName: "基准测试巡察办",
    inspection: { regime: "xuncha", kind: "regular", team: "基准测试巡察组", feedbackDate: "2021-03-04" },
    aspects: ["全面从严治党"],
    problems: [
      {
        title: "基准测试问题",
        aspect: "全面从严治党",
        measures: Array.from({ length: MEASURES }, (_, i) => ({
          text: `基准测试措施 ${i + 1}`,
          kind: "time_limited" as const,
          deadline: "2030-12-31",
          department: "办公室",
          state: "in_progress" as const,
        })),
      },
    ],
  });
  return (await store.measures.listByInspection(SCOPE_ALL, inspectionId)).map((m) => m.id);
}

/** Sessions of this database waiting on a lock (the head row, or a transaction holding it), sampled every 20 ms. */
function lockSampler(db: Kysely<Database> | null) {
  const samples: number[] = [];
  let running = db !== null;
  const loop = (async () => {
    while (running && db) {
      const rows = await run(
        db,
        "select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
      );
      samples.push(Number(rows[0]?.n ?? 0));
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return samples.length === 0 ? null : samples.reduce((s, n) => s + n, 0) / samples.length;
  };
}

async function round(
  label: string,
  write: (measureId: string, period: string) => Promise<unknown>,
  options: {
    writers: number;
    seconds: number;
    measures: readonly string[];
    year: number;
    sampler: Kysely<Database> | null;
  },
): Promise<Round> {
  const latencies: number[] = [];
  let errors = 0;
  let n = 0;
  const stopAt = performance.now() + options.seconds * 1000;
  const stopSampling = lockSampler(options.sampler);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: options.writers }, async () => {
      while (performance.now() < stopAt) {
        const i = n++;
        const measureId = options.measures[i % options.measures.length] as string;
        const month = (Math.floor(i / options.measures.length) % 12) + 1;
        const start = performance.now();
        try {
          await write(measureId, `${options.year}-${String(month).padStart(2, "0")}`);
          latencies.push(performance.now() - start);
        } catch (e) {
          errors += 1;
          if (errors <= 3) console.error(`  ${label}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const lockWaiters = await stopSampling();
  latencies.sort((a, b) => a - b);
  return {
    label,
    writes: latencies.length,
    seconds,
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
    errors,
    lockWaiters,
  };
}

export async function runAuditHeadBench(args: readonly string[]): Promise<number> {
  const value = (flag: string, fallback: number) => {
    const i = args.indexOf(flag);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const seconds = value("--seconds", 4);
  const writers = value("--writers", 50);
  const reps = value("--reps", 3);
  const pgUrl = process.env.BENCH_DATABASE_URL;
  const databases: BenchDatabase[] = [sqliteDatabase()];
  if (pgUrl !== undefined && /^postgres(ql)?:\/\//.test(pgUrl)) databases.push(await postgresDatabase(pgUrl));
  const lines = [
    `## Audit chain head under ${writers} concurrent writers (${seconds} s per round, ${reps} rounds each, interleaved; medians)`,
    "",
    "| database | transaction | writes/s | p50 ms | p95 ms | errors | sessions waiting on a lock (mean) |",
    "|---|---|--:|--:|--:|--:|--:|",
  ];
  for (const database of databases) {
    const store = await openStore(database.target);
    const sampler = database.dialect === "postgres" ? (await openDatabase(database.target)).db : null;
    try {
      const deps: Deps = { store, clock: systemClock, ids: { next: (p) => `${p}${crypto.randomUUID()}` } };
      const measures = await seed(store, deps);
      const withAudit = (measureId: string, period: string) =>
        reportProgress(deps, SYSTEM_CALLER, measureId, { period, text: "基准测试进展" });
      // The same use case with the append left out (a store whose audit.append touches nothing): the difference is
      // what the chain head costs.
      const unaudited: Store = {
        ...store,
        transaction: (work) =>
          store.transaction((tx) =>
            work({
              ...tx,
              audit: {
                ...tx.audit,
                append: (entry) =>
                  Promise.resolve({ ...entry, seq: 0, prevHash: "", hash: "", alg: "sha256" }),
              },
            }),
          ),
      };
      const withoutAudit = (measureId: string, period: string) =>
        reportProgress({ ...deps, store: unaudited }, SYSTEM_CALLER, measureId, {
          period,
          text: "基准测试进展",
        });
      const rounds: Record<string, Round[]> = { with: [], without: [] };
      let year = 2040;
      for (let r = 0; r < reps; r++) {
        const common = { writers, seconds, measures, sampler };
        rounds.with?.push(await round("report + audit append", withAudit, { ...common, year: year++ }));
        rounds.without?.push(await round("report alone", withoutAudit, { ...common, year: year++ }));
      }
      for (const [key, label] of [
        ["with", "report + audit append (as the app does)"],
        ["without", "report alone, no audit append"],
      ] as const) {
        const rs = rounds[key] ?? [];
        const m = (f: (r: Round) => number) => median(rs.map(f));
        const waiting = rs.map((r) => r.lockWaiters).filter((w): w is number => w !== null);
        lines.push(
          `| ${database.dialect} | ${label} | ${Math.round(m((r) => r.writes / r.seconds))} | ${m((r) => r.p50Ms).toFixed(1)} | ${m(
            (r) => r.p95Ms,
          ).toFixed(
            1,
          )} | ${rs.reduce((s, r) => s + r.errors, 0)} | ${waiting.length ? median(waiting).toFixed(1) : "—"} |`,
        );
      }
      const counter = (await openDatabase(database.target)).db;
      const stored = Number((await run(counter, "select count(*) as n from progress_reports"))[0]?.n);
      await counter.destroy();
      const written = Object.values(rounds)
        .flat()
        .reduce((s, r) => s + r.writes, 0);
      lines.push(
        `| ${database.dialect} | reports stored afterwards / acknowledged | ${stored} / ${written} | | | | |`,
      );
    } finally {
      await sampler?.destroy();
      await store.close();
      await database.drop();
    }
  }
  console.log(lines.join("\n"));
  return 0;
}
