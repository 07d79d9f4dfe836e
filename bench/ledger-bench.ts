// `npm run bench -- ledger [--keep] [--explain]`: loads the synthetic province-scale ledger through the Store
// into a fresh database (temp SQLite file, or a throw-away PostgreSQL schema when DATABASE_URL=postgres://…)
// and times the ledger's hot reads. Prints a Markdown table and writes bench/out/ledger-<dialect>.json.

import { isDeepStrictEqual } from "node:util";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import type { Kysely } from "kysely";
import type { Deps } from "../src/app/deps.ts";
import { getInspectionLedger } from "../src/app/get-inspection-ledger.ts";
import { summarizeInspections } from "../src/app/summarize-inspections.ts";
import { countLedger } from "../src/domain/ledger-statistics.ts";
import { SCOPE_ALL } from "../src/domain/scope.ts";
import type { Database } from "../src/storage/kysely/db-schema.ts";
import { openStore } from "../src/storage/kysely/kysely-store.ts";
import { openDatabase } from "../src/storage/kysely/open-database.ts";
import type { Store } from "../src/storage/store.ts";
import { postgresDatabase, run, sqliteDatabase } from "./bench-database.ts";
import { load } from "./ledger-load.ts";
import { LedgerTruth } from "./ledger-truth.ts";
import { breakdown, capturingStore } from "./query-capture.ts";
import { REFERENCE_DATE } from "./synthetic-ledger.ts";
import { check, timeRuns } from "./timing.ts";

/** timeRuns defaults: 20 timed runs after 2 warm-ups. */
const RUNS = 20;
const WARMUPS = 2;
const PAGE = { limit: 25, offset: 0 };

const TARGETS = { a: 5, b: 250, c: 10, d: 50, loadRowsPerSecond: 20_000 } as const;

const ms = (n: number) => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));
const int = (n: number) => Math.round(n).toLocaleString("en-US");
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export async function runLedgerBench(args: readonly string[]): Promise<number> {
  const keep = args.includes("--keep");
  const showPlans = args.includes("--explain");
  const url = process.env.DATABASE_URL;
  const bench =
    url !== undefined && /^postgres(ql)?:\/\//.test(url) ? await postgresDatabase(url) : sqliteDatabase();
  console.error(`ledger bench on ${bench.dialect}: ${bench.where}`);

  let store: Store | undefined;
  let diag: Kysely<Database> | undefined;
  try {
    store = await openStore(bench.target);
    diag = (await openDatabase(bench.target)).db;

    // Load.
    const truth = new LedgerTruth();
    const loaded = await load(store, truth);
    const rows = truth.totalRows;
    const loadRate = rows / (loaded.totalMs / 1000);
    console.error(
      `loaded ${int(rows)} rows in ${(loaded.totalMs / 1000).toFixed(1)} s (${int(loadRate)} rows/s)`,
    );
    for (const [table, expected] of Object.entries(truth.rows)) {
      const counted = Number((await run(diag, `select count(*) as n from ${table}`))[0]?.n);
      check(counted === expected, `${table} holds ${counted} rows, expected ${expected}`);
    }
    const settleStart = performance.now();
    await bench.settle(diag);
    const settleMs = performance.now() - settleStart;
    const sizeBytes = await bench.size(diag);
    const databaseVersion = await bench.version(diag);

    const deps: Deps = {
      store,
      clock: { now: () => `${REFERENCE_DATE}T08:00:00.000Z`, today: () => REFERENCE_DATE },
      ids: { next: (prefix) => `${prefix}-bench` },
    };
    const inspectionIds = [...truth.byInspection.keys()];
    const inspectionAt = (i: number) =>
      inspectionIds[Math.floor((i * inspectionIds.length) / (WARMUPS + RUNS))] as string;
    const departments = truth.busiestDepartments(WARMUPS + RUNS);
    const departmentAt = (i: number) => departments[i % departments.length] as (typeof departments)[number];
    const expectedTotal = truth.total();
    check(
      expectedTotal.completed + expectedTotal.inProgress + expectedTotal.longTerm === 24_000,
      "generated problems add up to 24,000",
    );

    // Other processes on the machine skew the figures: record the 1-minute load average around the timings.
    const loadBefore = os.loadavg()[0] ?? 0;
    // (a) statistics of one inspection.
    const a = await timeRuns(
      async (i) =>
        countLedger(
          await store!.statistics.problemTallies(SCOPE_ALL, {
            inspectionId: inspectionAt(i),
            on: REFERENCE_DATE,
          }),
        ),
      (counts, i) =>
        check(
          isDeepStrictEqual(counts, truth.byInspection.get(inspectionAt(i))),
          `(a) counts of ${inspectionAt(i)}: ${JSON.stringify(counts)}`,
        ),
    );
    const aLedger = await timeRuns(
      (i) => getInspectionLedger(deps, SCOPE_ALL, inspectionAt(i), REFERENCE_DATE),
      (ledger, i) => {
        check(
          isDeepStrictEqual(ledger.counts, truth.byInspection.get(inspectionAt(i))),
          `(a') ledger counts of ${inspectionAt(i)}`,
        );
        check(
          ledger.problems.reduce((s, p) => s + p.measures.length, 0) === ledger.counts.measures,
          "(a') measures listed = measures counted",
        );
      },
    );
    // (b) statistics over every unit.
    const b = await timeRuns(
      () => summarizeInspections(deps, SCOPE_ALL, {}, REFERENCE_DATE),
      (overview) => {
        const t = overview.total;
        check(
          t.completed + t.inProgress + t.longTerm === 24_000,
          `(b) completed + inProgress + longTerm = ${t.completed + t.inProgress + t.longTerm}, expected 24,000`,
        );
        check(t.measures === 100_000, `(b) measures = ${t.measures}`);
        check(
          isDeepStrictEqual(t, expectedTotal),
          `(b) totals ${JSON.stringify(t)} ≠ ${JSON.stringify(expectedTotal)}`,
        );
        check(overview.inspections === 2_000, `(b) ${overview.inspections} inspections listed`);
        check(
          isDeepStrictEqual(overview.outcomeTotals, truth.outcomeTotals()),
          `(b) outcome totals ${JSON.stringify(overview.outcomeTotals)}`,
        );
      },
    );
    // (c) a page of a department's in-progress overdue measures, by deadline.
    const c = await timeRuns(
      (i) =>
        store!.measures.page(
          SCOPE_ALL,
          { departmentId: departmentAt(i).id, states: ["in_progress"], overdueOn: REFERENCE_DATE },
          PAGE,
        ),
      (page, i) => {
        const d = departmentAt(i);
        check(
          page.length === Math.min(PAGE.limit, d.inProgressOverdue),
          `(c) page of ${d.id} has ${page.length} rows, expected ${d.inProgressOverdue}`,
        );
        check(
          page.every(
            (m) =>
              m.departmentId === d.id &&
              m.state === "in_progress" &&
              m.deadline !== null &&
              m.deadline < REFERENCE_DATE,
          ),
          "(c) page rows match the filter",
        );
        check(
          page.every((m, k) => k === 0 || (page[k - 1]!.deadline as string) <= (m.deadline as string)),
          "(c) page ordered by deadline",
        );
      },
    );
    // (d) overdue count on the reference date.
    const d = await timeRuns(
      () => store!.measures.countOverdue(SCOPE_ALL, REFERENCE_DATE),
      (n) =>
        check(
          n === truth.overdue && n === expectedTotal.overdueMeasures,
          `(d) ${n} overdue, expected ${truth.overdue}`,
        ),
    );

    const loadAfter = os.loadavg()[0] ?? 0;

    // Per-SQL breakdown with plans, to explain a missed target.
    const capture = capturingStore(diag, store.dialect);
    const captureDeps: Deps = { ...deps, store: capture.store };
    await capture.store.statistics.problemTallies(SCOPE_ALL, {
      inspectionId: inspectionAt(0),
      on: REFERENCE_DATE,
    });
    const aQueries = await breakdown(bench, diag, capture.take());
    await getInspectionLedger(captureDeps, SCOPE_ALL, inspectionAt(0), REFERENCE_DATE);
    const aLedgerQueries = await breakdown(bench, diag, capture.take());
    await summarizeInspections(captureDeps, SCOPE_ALL, {}, REFERENCE_DATE);
    const bQueries = await breakdown(bench, diag, capture.take());
    await capture.store.measures.page(
      SCOPE_ALL,
      { departmentId: departmentAt(0).id, states: ["in_progress"], overdueOn: REFERENCE_DATE },
      PAGE,
    );
    const cQueries = await breakdown(bench, diag, capture.take());
    await capture.store.measures.countOverdue(SCOPE_ALL, REFERENCE_DATE);
    const dQueries = await breakdown(bench, diag, capture.take());

    const cpus = os.cpus();
    const machine = {
      cpu: cpus[0]?.model.trim() ?? "unknown",
      cores: cpus.length,
      memoryGiB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
      node: process.version,
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
      database: databaseVersion,
      loadAverage1m: {
        beforeTimings: Number(loadBefore.toFixed(2)),
        afterTimings: Number(loadAfter.toFixed(2)),
      },
    };
    const peakRssMiB = Number((process.resourceUsage().maxRSS / 1024).toFixed(0));
    const lines = [
      {
        key: "a",
        label: "(a) statistics of one inspection (problemTallies + countLedger)",
        timing: a,
        target: TARGETS.a,
        queries: aQueries,
      },
      {
        key: "a_ledger",
        label: "(a′) full ledger of one inspection (getInspectionLedger)",
        timing: aLedger,
        target: undefined,
        queries: aLedgerQueries,
      },
      {
        key: "b",
        label: "(b) statistics over all 2,000 units (summarizeInspections)",
        timing: b,
        target: TARGETS.b,
        queries: bQueries,
      },
      {
        key: "c",
        label: "(c) page of 25 measures: department + in_progress + overdue, by deadline",
        timing: c,
        target: TARGETS.c,
        queries: cQueries,
      },
      {
        key: "d",
        label: "(d) overdue count on a date (countOverdue)",
        timing: d,
        target: TARGETS.d,
        queries: dQueries,
      },
    ];
    const loadMet = loadRate >= TARGETS.loadRowsPerSecond;
    const result = {
      benchmark: "ledger",
      date: new Date().toISOString(),
      dialect: bench.dialect,
      machine,
      referenceDate: REFERENCE_DATE,
      rows: truth.rows,
      totalRows: rows,
      load: {
        ms: Math.round(loaded.totalMs),
        generateMs: Math.round(loaded.generateMs),
        clientCpuMs: Math.round(loaded.clientCpuMs),
        writeMsByTable: Object.fromEntries(
          Object.entries(loaded.writeMs).map(([t, n]) => [t, Math.round(n)]),
        ),
        rowsPerSecond: Math.round(loadRate),
        target: TARGETS.loadRowsPerSecond,
        met: loadMet,
        settleMs: Math.round(settleMs),
      },
      sizeBytes,
      peakRssMiB,
      ledger: { ...expectedTotal, overdueOnReferenceDate: truth.overdue },
      timings: Object.fromEntries(
        lines.map((l) => [
          l.key,
          {
            ...l.timing,
            targetMs: l.target ?? null,
            met: l.target === undefined ? null : l.timing.medianMs <= l.target,
            queries: l.queries,
          },
        ]),
      ),
    };

    const out = [
      `### Ledger benchmark — ${machine.database}`,
      "",
      `${machine.cpu} × ${machine.cores}, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}; ${result.date.slice(0, 10)}; ` +
        `1-min load average ${loadBefore.toFixed(2)} before / ${loadAfter.toFixed(2)} after the timings`,
      "",
      `Loaded ${int(rows)} rows (${Object.entries(truth.rows)
        .map(([t, n]) => `${t} ${int(n)}`)
        .join(", ")}) in ${(loaded.totalMs / 1000).toFixed(1)} s ` +
        `(of which generating ${(loaded.generateMs / 1000).toFixed(1)} s; CPU of this Node process ${(loaded.clientCpuMs / 1000).toFixed(1)} s)${bench.dialect === "postgres" ? `; ANALYZE afterwards ${(settleMs / 1000).toFixed(1)} s` : ""}. ` +
        `Write time by table: ${Object.entries(loaded.writeMs)
          .map(([t, n]) => `${t} ${(n / 1000).toFixed(1)} s`)
          .join(", ")}. ` +
        `Database size ${mib(sizeBytes)}. Peak RSS ${peakRssMiB} MiB. ` +
        `Ledger on ${REFERENCE_DATE}: ${int(expectedTotal.completed)} completed + ${int(expectedTotal.inProgress)} in progress + ${int(expectedTotal.longTerm)} long-term = ${int(expectedTotal.problems)} problems, ${int(truth.overdue)} overdue measures.`,
      "",
      `| measure (${RUNS} runs after ${WARMUPS} warm-up) | target | median | p90 | min | met? |`,
      "|---|---:|---:|---:|---:|:---:|",
      `| load rate | ≥ ${int(TARGETS.loadRowsPerSecond)} rows/s | ${int(loadRate)} rows/s | | | ${loadMet ? "met" : "**missed**"} |`,
      ...lines.map(
        (l) =>
          `| ${l.label} | ${l.target === undefined ? "—" : `≤ ${l.target} ms`} | ${ms(l.timing.medianMs)} ms | ${ms(l.timing.p90Ms)} ms | ${ms(l.timing.minMs)} ms | ` +
          `${l.target === undefined ? "" : l.timing.medianMs <= l.target ? "met" : "**missed**"} |`,
      ),
      "",
      "SQL statements behind each line (median of 5 direct executions, for diagnosis):",
      "",
      ...lines.flatMap((l) =>
        l.queries.map(
          (q) =>
            `- ${l.key}: ${ms(q.medianMs)} ms — \`${q.sql.length > 140 ? `${q.sql.slice(0, 140)}…` : q.sql}\``,
        ),
      ),
    ];
    if (showPlans) {
      for (const l of lines)
        for (const q of l.queries) out.push("", `#### ${l.key}: ${q.sql}`, "```", ...q.plan, "```");
    }
    console.log(out.join("\n"));

    const outDir = new URL("./out/", import.meta.url);
    mkdirSync(outDir, { recursive: true });
    const outFile = new URL(`ledger-${bench.dialect}.json`, outDir);
    writeFileSync(outFile, `${JSON.stringify(result, null, 2)}\n`);
    console.error(`wrote ${outFile.pathname}`);
    return 0;
  } finally {
    await store?.close();
    await diag?.destroy();
    if (keep) console.error(`kept the database: ${bench.where}`);
    else await bench.drop();
  }
}
