// Databases for `npm run bench -- api`: the synthetic ledger at 2,000 units (the province shape of the ledger bench)
// or 20,000 units (same problems and measures per unit, fewer progress reports and outcomes, to load in under a
// minute). SQLite files are kept in bench/out/ and reused by later runs (--fresh rebuilds them); PostgreSQL gets a
// throw-away schema per run.

import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openStore } from "../src/storage/kysely/kysely-store.ts";
import { openDatabase } from "../src/storage/kysely/open-database.ts";
import { postgresDatabase, run } from "./bench-database.ts";
import { load } from "./ledger-load.ts";
import { LedgerTruth } from "./ledger-truth.ts";
import { PROVINCE_SHAPE, type LedgerShape } from "./synthetic-ledger.ts";

export const OUT_DIR = fileURLToPath(new URL("./out/", import.meta.url));

export type Units = 2_000 | 20_000;

const SHAPES: Record<Units, LedgerShape> = {
  2_000: PROVINCE_SHAPE,
  20_000: { ...PROVINCE_SHAPE, unitsPerRound: 1_000, reportsPerInspection: 10, outcomesPerInspection: 5 },
};

export interface ApiDataset {
  readonly dialect: "sqlite" | "postgres";
  readonly units: Units;
  /** DATABASE_URL for the real server: file:… or postgres://… */
  readonly databaseUrl: string;
  /** The SQLite file (the raw baseline reads it); undefined on PostgreSQL. */
  readonly sqliteFile: string | undefined;
  /** Every 40th inspection id, in id order: the ledgers the load rotates through. */
  readonly sampleInspectionIds: readonly string[];
  /** Open measures, for progress reports. */
  readonly openMeasureIds: readonly string[];
  readonly loadSeconds: number | null;
  countReports(): Promise<number>;
  drop(): Promise<void>;
}

async function sample(target: Parameters<typeof openDatabase>[0]) {
  const { db } = await openDatabase(target);
  try {
    const ids = (await run(db, "select id from inspections order by id")).map((r) => String(r.id));
    const measures = (
      await run(
        db,
        "select id from measures where state in ('in_progress', 'returned') order by id limit 4000",
      )
    ).map((r) => String(r.id));
    return { ids: ids.filter((_, i) => i % 40 === 0), measures };
  } finally {
    await db.destroy();
  }
}

async function countReports(target: Parameters<typeof openDatabase>[0]): Promise<number> {
  const { db } = await openDatabase(target);
  try {
    return Number((await run(db, "select count(*) as n from progress_reports"))[0]?.n);
  } finally {
    await db.destroy();
  }
}

async function fill(target: Parameters<typeof openDatabase>[0], units: Units): Promise<number> {
  const t0 = performance.now();
  const store = await openStore(target);
  try {
    await load(store, new LedgerTruth(), SHAPES[units]);
  } finally {
    await store.close();
  }
  return (performance.now() - t0) / 1000;
}

export async function sqliteDataset(units: Units, fresh: boolean): Promise<ApiDataset> {
  mkdirSync(OUT_DIR, { recursive: true });
  const file = join(OUT_DIR, `api-${units}.db`);
  let loadSeconds: number | null = null;
  if (fresh || !existsSync(file)) {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
    console.error(`loading ${units} units into ${file} …`);
    loadSeconds = await fill({ kind: "sqlite", file }, units);
  }
  const target = { kind: "sqlite", file } as const;
  const { ids, measures } = await sample(target);
  return {
    dialect: "sqlite",
    units,
    databaseUrl: `file:${file}`,
    sqliteFile: file,
    sampleInspectionIds: ids,
    openMeasureIds: measures,
    loadSeconds,
    countReports: () => countReports(target),
    drop: () => Promise.resolve(),
  };
}

export async function postgresDataset(baseUrl: string, units: Units): Promise<ApiDataset> {
  const bench = await postgresDatabase(baseUrl);
  console.error(`loading ${units} units into ${bench.where} …`);
  const loadSeconds = await fill(bench.target, units);
  const { db } = await openDatabase(bench.target);
  await bench.settle(db);
  await db.destroy();
  const { ids, measures } = await sample(bench.target);
  return {
    dialect: "postgres",
    units,
    databaseUrl: bench.target.kind === "postgres" ? bench.target.url : "",
    sqliteFile: undefined,
    sampleInspectionIds: ids,
    openMeasureIds: measures,
    loadSeconds,
    countReports: () => countReports(bench.target),
    drop: () => bench.drop(),
  };
}
