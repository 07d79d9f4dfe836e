// Loads the synthetic ledger through the Store: rows are buffered per table and written with insertMany in
// one transaction per round, timing each table.

import type { Repositories, Store } from "../src/storage/store.ts";
import type { LedgerTruth } from "./ledger-truth.ts";
import { generateLedger, PROVINCE_SHAPE, type LedgerShape, type UnitLedger } from "./synthetic-ledger.ts";

/** Rows buffered before they are written (one insertMany per table). */
const BATCH_ROWS = 5_000;
/**
 * Measures buffered at most: measureRepository.insertMany sizes its statements for 15 columns while a row has 17
 * since migration 0008, so 2,000 measures in one call exceed SQLite's 32,766 variables. The province shape never
 * buffers more than ~500; the 20,000-unit shape of the API bench would.
 */
const BATCH_MEASURES = 1_500;

class Buffers {
  private units: UnitLedger[] = [];
  rows = 0;
  measures = 0;

  add(unit: UnitLedger): void {
    this.units.push(unit);
    this.measures += unit.measures.length;
    this.rows +=
      unit.orgs.length +
      unit.people.length +
      1 +
      unit.aspects.length +
      unit.problems.length +
      unit.measures.length +
      unit.reports.length +
      unit.outcomes.length;
  }

  /** Writes the buffered units table by table, parents first; adds each table's write time to `ms`. */
  async flush(tx: Repositories, ms: Record<string, number>): Promise<void> {
    const units = this.units;
    this.units = [];
    this.rows = 0;
    this.measures = 0;
    const timed = async (table: string, write: () => Promise<void>) => {
      const start = performance.now();
      await write();
      ms[table] = (ms[table] ?? 0) + performance.now() - start;
    };
    // The store has no batch insert for inspections: one statement per row (2,000 rows).
    await timed("orgs", async () => {
      await tx.orgs.insertMany(units.flatMap((u) => u.orgs));
    });
    await timed("people", async () => {
      await tx.people.insertMany(units.flatMap((u) => u.people));
    });
    await timed("inspections", async () => {
      for (const u of units) await tx.inspections.insert(u.inspection);
    });
    await timed("aspects", () => tx.aspects.insertMany(units.flatMap((u) => u.aspects)));
    await timed("problems", () => tx.problems.insertMany(units.flatMap((u) => u.problems)));
    await timed("measures+cooperators", () => tx.measures.insertMany(units.flatMap((u) => u.measures)));
    await timed("progress_reports", () => tx.progress.insertReports(units.flatMap((u) => u.reports)));
    await timed("outcomes", () => tx.outcomes.insertMany(units.flatMap((u) => u.outcomes)));
  }
}

/** Streams the generator into the store: one transaction per round, writes every BATCH_ROWS rows. */
export async function load(
  store: Store,
  truth: LedgerTruth,
  shape: LedgerShape = PROVINCE_SHAPE,
): Promise<{ totalMs: number; generateMs: number; clientCpuMs: number; writeMs: Record<string, number> }> {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const writeMs: Record<string, number> = {};
  let generateMs = 0;
  const units = generateLedger(undefined, shape);
  const nextUnit = () => {
    const t = performance.now();
    const next = units.next();
    if (!next.done) truth.add(next.value);
    generateMs += performance.now() - t;
    return next;
  };
  let next = nextUnit();
  while (!next.done) {
    const round = next.value.round;
    await store.transaction(async (tx) => {
      const buffers = new Buffers();
      while (!next.done && next.value.round === round) {
        buffers.add(next.value);
        if (buffers.rows >= BATCH_ROWS || buffers.measures >= BATCH_MEASURES)
          await buffers.flush(tx, writeMs);
        next = nextUnit();
      }
      await buffers.flush(tx, writeMs);
    });
  }
  const cpu = process.cpuUsage(cpuStart);
  return {
    totalMs: performance.now() - start,
    generateMs,
    clientCpuMs: (cpu.user + cpu.system) / 1000,
    writeMs,
  };
}
