// kill -9 at ≥ 20 moments (just before or just after the n-th SQL statement, spread over the whole run, the
// last one right after the final COMMIT) during migrate (fresh
// and upgrade), import notice, import ledger and close-out, on SQLite and PostgreSQL. After each kill: the
// database opens and migrates, every ledger is whole or absent, state and audit trail agree, the chain verifies,
// and the interrupted command then runs to completion.

import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getInspectionLedger } from "../../src/app/get-inspection-ledger.ts";
import { main } from "../../src/cli/main.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { openStore } from "../../src/storage/kysely/kysely-store.ts";
import { MIGRATIONS } from "../../src/storage/kysely/migrations/index.ts";
import { openDatabase, type DatabaseTarget } from "../../src/storage/kysely/open-database.ts";
import type { Store } from "../../src/storage/store.ts";
import { runCliProcess, type CliRun } from "../support/cli-process.ts";
import { databaseUrlOf, freshDatabases } from "../support/fresh-databases.ts";
import { testDeps } from "../support/test-stores.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SEED = join(ROOT, "test/fixtures/notices/seed.txt");
const MOMENTS = 20;
/** Children run three at a time: two cores, and much of a child's life is spent loading modules. */
const PARALLEL = 3;

let work: string;
let children: { cli: string; closeOut: string };
let ledgerXlsx: string;

// The children are bundled once (a plain `node file.js` starts in a fraction of tsx's time); the bundle lives
// under node_modules so that its package imports resolve.
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "zhenggai-kill9-"));
  const outdir = join(ROOT, "node_modules/.cache/zhenggai-fault-children", String(process.pid));
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: {
      "cli-child": join(ROOT, "test/support/cli-child.ts"),
      "close-out-child": join(ROOT, "test/faults/close-out-child.ts"),
    },
    outdir,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Node 20 reads import attributes (the calendar's `with { type: "json" }`); esbuild would drop them for node20.
    supported: { "import-attributes": true },
    packages: "external",
    logLevel: "silent",
  });
  children = { cli: join(outdir, "cli-child.js"), closeOut: join(outdir, "close-out-child.js") };
  // An Excel ledger to import: the seed notice imported, then exported by the real commands.
  const source = join(work, "source");
  expect(await cli(["import", "notice", SEED], { ZHENGGAI_DATA: source })).toBe(0);
  const store = await openStore({ kind: "sqlite", file: join(source, "zhenggai.db") });
  const [inspection] = await store.inspections.list(SCOPE_ALL, {});
  await store.close();
  ledgerXlsx = join(work, "ledger.xlsx");
  expect(
    await cli(["export", "ledger", "--inspection", inspection!.id, "--out", ledgerXlsx], {
      ZHENGGAI_DATA: source,
    }),
  ).toBe(0);
}, 120_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(join(children.cli, ".."), { recursive: true, force: true });
});

/** The real CLI in this process, for preparing databases. */
async function cli(argv: string[], env: Record<string, string>): Promise<number> {
  let err = "";
  const code = await main(argv, {
    out: () => undefined,
    err: (t) => (err += t),
    env: { ZHENGGAI_EXAMPLE_DATA: "0", ...env },
  });
  if (code !== 0) throw new Error(`${argv.join(" ")} → ${code}: ${err}`);
  return code;
}

const envOf = (target: DatabaseTarget): Record<string, string> => ({ DATABASE_URL: databaseUrlOf(target) });

function runChild(script: string, args: string[], env: Record<string, string>): Promise<CliRun> {
  return runCliProcess(args, { script, env });
}

/** What a whole ledger looks like, per inspection, independent of ids. */
async function ledgerShapes(store: Store): Promise<string[]> {
  const deps = testDeps(store);
  const shapes: string[] = [];
  for (const inspection of await store.inspections.list(SCOPE_ALL, { includeExamples: true })) {
    const ledger = await getInspectionLedger(deps, SCOPE_ALL, inspection.id, "2030-01-01");
    shapes.push(
      JSON.stringify({
        aspects: ledger.aspects.length,
        problems: ledger.problems.map((p) => [p.title, p.status, p.measures.length, p.outcomes.length]),
        counts: ledger.counts,
        plan: [ledger.plan.meetings.length, ledger.plan.items.length, ledger.plan.leadingGroup !== undefined],
      }),
    );
  }
  return shapes.sort();
}

/** Every measure's state agrees with the newest audit event about it (a close-out is all or nothing). */
async function statesMatchTrail(store: Store): Promise<void> {
  for (const inspection of await store.inspections.list(SCOPE_ALL, { includeExamples: true })) {
    for (const measure of await store.measures.listByInspection(SCOPE_ALL, inspection.id)) {
      const events = (await store.audit.listForEntity("measure", measure.id)).filter((e) =>
        e.action.startsWith("measure."),
      );
      const last = events.at(-1)?.data as { to?: string } | undefined;
      if (last)
        expect({ measure: measure.id, state: measure.state }).toEqual({
          measure: measure.id,
          state: last.to,
        });
      const closes = events.filter((e) => e.action === "measure.close").length;
      const approvals = (await store.progress.listReviews(SCOPE_ALL, measure.id)).filter(
        (r) => r.decision === "approve",
      ).length;
      expect({ measure: measure.id, approvals }).toEqual({ measure: measure.id, approvals: closes });
    }
  }
}

async function appliedMigrations(target: DatabaseTarget): Promise<string[]> {
  const { db } = await openDatabase(target);
  try {
    const rows = await sql<{ name: string }>`select name from schema_migrations order by name`.execute(db);
    return rows.rows.map((r) => r.name);
  } finally {
    await db.destroy();
  }
}

/** Takes the database one migration back, data kept: the state a newer zhenggai upgrades from. */
async function undoLastMigration(target: DatabaseTarget): Promise<void> {
  const [name, migration] = Object.entries(MIGRATIONS).at(-1)!;
  const { db } = await openDatabase(target);
  try {
    await migration.down!(db as Kysely<unknown>);
    await sql`delete from schema_migrations where name = ${name}`.execute(db);
  } finally {
    await db.destroy();
  }
}

interface Scenario {
  readonly name: string;
  /** Brings a fresh database to the state the command starts from. */
  prepare(target: DatabaseTarget): Promise<void>;
  /** The child script and its arguments. */
  command(): { script: string; args: string[] };
  /**
   * "one": the command's change is one transaction, so after a kill the ledgers are as before or as after;
   * "steps": many small transactions (close-out), so each step is checked against the trail instead.
   */
  readonly transactions: "one" | "steps";
}

const migrated = async (target: DatabaseTarget): Promise<void> => {
  await cli(["db", "migrate"], envOf(target));
};
const withSeed = async (target: DatabaseTarget): Promise<void> => {
  await cli(["import", "notice", SEED], envOf(target));
};

const SCENARIOS: Scenario[] = [
  {
    name: "db migrate on a fresh database",
    prepare: () => Promise.resolve(),
    command: () => ({ script: children.cli, args: ["db", "migrate"] }),
    transactions: "one",
  },
  {
    name: "db migrate upgrading a database with a ledger",
    prepare: async (target) => {
      await withSeed(target);
      await undoLastMigration(target);
    },
    command: () => ({ script: children.cli, args: ["db", "migrate"] }),
    transactions: "one",
  },
  {
    name: "import notice",
    prepare: withSeed,
    command: () => ({
      script: children.cli,
      args: ["import", "notice", SEED, "--unit", "另一单位", "--allow-duplicate"],
    }),
    transactions: "one",
  },
  {
    name: "import ledger",
    prepare: migrated,
    command: () => ({ script: children.cli, args: ["import", "ledger", ledgerXlsx] }),
    transactions: "one",
  },
  {
    name: "close-out of every open measure",
    prepare: withSeed,
    command: () => ({ script: children.closeOut, args: [] }),
    transactions: "steps",
  },
];

/** `count` distinct statement numbers spread evenly over 1..total. */
const spread = (total: number, count: number): number[] =>
  [...new Set(Array.from({ length: count }, (_, i) => 1 + Math.floor((i * (total - 1)) / (count - 1))))].sort(
    (a, b) => a - b,
  );

async function inBatches<T>(
  items: readonly T[],
  size: number,
  run: (item: T) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

describe.each(freshDatabases())("kill -9 on $name", (database) => {
  it.each(SCENARIOS)(
    "$name: after a kill at any of 20 moments the database opens, ledgers are whole or absent, the trail verifies",
    async (scenario) => {
      // A complete run: how many statements there are to kill at, and what "whole" looks like before and after.
      const before = await shapesBefore(scenario);
      const reference = await database.open();
      let after: string[];
      let total: number;
      try {
        await scenario.prepare(reference.target);
        const { script, args } = scenario.command();
        const run = await runChild(script, args, { ...envOf(reference.target), ZG_COUNT_STATEMENTS: "1" });
        expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
        total = (JSON.parse(run.stdout.trim().split("\n").at(-1)!) as { statements: number }).statements;
        after = await shapesOf(reference.target);
      } finally {
        await reference.cleanup();
      }
      // Half the moments just before a statement, half just after one; the last right after the last statement.
      const moments = [
        ...spread(total, MOMENTS / 2).map((n) => ({ n, when: "before" as const })),
        ...spread(total, MOMENTS / 2).map((n) => ({ n: Math.max(1, n - 1), when: "after" as const })),
      ];
      moments[moments.length - 1] = { n: total, when: "after" };
      expect(moments.length).toBe(MOMENTS);

      const outcomes: Array<{ moment: string; n: number; state: "before" | "after" | "between" }> = [];
      await inBatches(moments, PARALLEL, async ({ n, when }) => {
        const moment = `${when} ${n}`;
        const { target, cleanup } = await database.open();
        try {
          await scenario.prepare(target);
          const { script, args } = scenario.command();
          const killed = await runChild(script, args, {
            ...envOf(target),
            [when === "before" ? "ZG_KILL_AT_STATEMENT" : "ZG_KILL_AFTER_STATEMENT"]: String(n),
          });
          expect({ moment, signal: killed.signal, stderr: killed.stderr }).toEqual({
            moment,
            signal: "SIGKILL",
            stderr: "",
          });

          // The database opens and migrates; every ledger is whole: all of the change or none of it.
          const store = await openStore(target);
          try {
            const shapes = await ledgerShapes(store);
            const state = sameShapes(shapes, before)
              ? "before"
              : sameShapes(shapes, after)
                ? "after"
                : "between";
            if (scenario.transactions === "one") {
              expect({ moment, state, shapes }).toEqual({
                moment,
                state: expect.stringMatching(/^(before|after)$/) as string,
                shapes,
              });
            }
            outcomes.push({ moment, n, state });
            await statesMatchTrail(store);
            expect({ moment, broken: await store.audit.verify() }).toEqual({ moment, broken: null });
          } finally {
            await store.close();
          }
          expect(await appliedMigrations(target)).toEqual(Object.keys(MIGRATIONS).sort());

          // The interrupted command can be run again and completes (checked at every fourth moment: each run
          // costs a process start).
          if (n % 4 !== 1 && n !== total) return;
          const again = await runChild(script, args, envOf(target));
          expect({ moment, code: again.code, stderr: again.stderr }).toEqual({ moment, code: 0, stderr: "" });
        } finally {
          await cleanup();
        }
      });
      // Killed before the first statement nothing has changed; killed after the last, everything is kept.
      outcomes.sort((a, b) => a.n - b.n);
      if (!sameShapes(before, after)) {
        expect(outcomes.find((o) => o.moment === "before 1")?.state).toBe("before");
        expect(outcomes.find((o) => o.moment === `after ${total}`)?.state).toBe("after");
      }
      process.stdout.write(
        `[kill -9] ${database.name} · ${scenario.name}: ${total} statements, moments ${outcomes
          .map((o) => `${o.moment}→${o.state}`)
          .join(" ")}\n`,
      );
    },
    600_000,
  );
});

function sameShapes(a: readonly string[], b: readonly string[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The ledgers as the scenario's starting point holds them (on a database of its own: opening one migrates it). */
async function shapesBefore(scenario: Scenario): Promise<string[]> {
  const { target, cleanup } = await freshDatabases()[0]!.open();
  try {
    await scenario.prepare(target);
    return await shapesOf(target);
  } finally {
    await cleanup();
  }
}

async function shapesOf(target: DatabaseTarget): Promise<string[]> {
  const store = await openStore(target);
  try {
    return await ledgerShapes(store);
  } finally {
    await store.close();
  }
}
