// `npm run bench -- supervision [--runs N]`: warning states (督办预警) for the 100,000-measure bench ledger, in
// memory, beside baselines measured in the same run: a plain pass over the measures reading the same fields, and the
// ledger's existing overdue flag (isOverdue). Also the calendar's build (chinese-days + overrides), 按期完成率, and one
// 5,000-measure inspection through the use cases on a temp SQLite file: the ledger read without warnings (baseline),
// with them, and the warning board; the 督办通知 .docx (supervision-notice-bench.ts). Writes bench/out/supervision.json.

import chineseDaysData from "chinese-days/dist/chinese-days.json" with { type: "json" };
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { createLedger } from "../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../src/app/deps.ts";
import { getInspectionLedger } from "../src/app/get-inspection-ledger.ts";
import { getInspectionWarnings, getWarnedLedger } from "../src/app/measure-warnings.ts";
import { SYSTEM_CALLER } from "../src/domain/account.ts";
import { SCOPE_ALL } from "../src/domain/scope.ts";
import { chineseDaysCalendar } from "../src/main.ts";
import { openStore } from "../src/storage/kysely/kysely-store.ts";
import { testDeps } from "../test/support/test-stores.ts";
import { benchWebLedger } from "./web-bench.ts";
import { benchSupervisionDocx } from "./supervision-notice-bench.ts";
import { countCompletion, DEFAULT_WARNING_THRESHOLDS } from "../src/domain/deadline-warning.ts";
import { isOverdue } from "../src/domain/ledger-statistics.ts";
import type { Measure } from "../src/domain/measure.ts";
import { warningBoard, warningsOf } from "../src/domain/warning-board.ts";
import { holidayRulesFromChineseDays, workingDayCalendar, type DayRule } from "../src/domain/working-days.ts";
import { generateLedger, REFERENCE_DATE } from "./synthetic-ledger.ts";
import { check, peakRssMiB, timeInterleaved, timeRuns, type Timing } from "./timing.ts";

/** Issue 12: warning states for the 100,000-measure bench ledger within 2 s. */
const TARGET_MS = 2_000;

export async function runSupervisionBench(args: readonly string[]): Promise<number> {
  const runsFlag = args.indexOf("--runs");
  const runs = runsFlag >= 0 ? Number(args[runsFlag + 1]) : 15;
  const measures: Measure[] = [];
  for (const unit of generateLedger()) measures.push(...unit.measures);
  check(measures.length === 100_000, "the bench ledger has 100,000 measures");

  const holidays = holidayRulesFromChineseDays(chineseDaysData);
  // A year's notice entered by hand, as an administrator would before the package has it.
  const overrides: DayRule[] = ["2027-01-01", "2027-02-05", "2027-02-08", "2027-02-09"].map((day) => ({
    day,
    kind: "holiday",
    name: "节假日调整",
  }));
  const buildCalendar = await timeRuns(
    () => workingDayCalendar({ holidays, overrides }),
    (c) => check(!c.isWorkingDay("2024-10-01"), "国庆 is a day off"),
    { runs: 50, warmups: 5 },
  );
  const calendar = workingDayCalendar({ holidays, overrides });
  const calendarDays = { today: REFERENCE_DATE, thresholds: DEFAULT_WARNING_THRESHOLDS, calendar };
  const workingDays = {
    ...calendarDays,
    thresholds: { ...DEFAULT_WARNING_THRESHOLDS, basis: "working" as const },
  };

  let expectedOverdue = 0;
  const timings: Record<string, Timing> = {
    // Baseline 1: one pass reading the fields the ladder reads, counting open dated measures.
    plainPass: await timeRuns(
      () => {
        let n = 0;
        for (const m of measures)
          if (m.state !== "closed" && m.state !== "submitted" && m.deadline !== null) n++;
        return n;
      },
      (n) => check(n > 0, "some measures are open with a deadline"),
      { runs, warmups: 3 },
    ),
    // Baseline 2: the ledger's overdue flag, as the ledger answer computed it before warnings.
    isOverdue: await timeRuns(
      () => measures.map((m) => isOverdue(m, REFERENCE_DATE)),
      (flags) => {
        // The ladder leaves submitted measures (待审核) off, as the reviewer holds them.
        expectedOverdue = flags.filter((f, i) => f && measures[i]!.state !== "submitted").length;
        check(flags.length === 100_000, "a flag per measure");
      },
      { runs, warmups: 3 },
    ),
    warningsCalendarDays: await timeRuns(
      () => warningsOf(measures, calendarDays),
      (w) => check(w.length === 100_000, "a warning per measure"),
      { runs, warmups: 3 },
    ),
    warningsWorkingDays: await timeRuns(
      () => warningsOf(measures, workingDays),
      (w) => check(w.length === 100_000, "a warning per measure"),
      { runs, warmups: 3 },
    ),
    boardWorkingDays: await timeRuns(
      () => warningBoard(measures, workingDays),
      (b) => check(b.counts.overdue === expectedOverdue, "the board's overdue count is the ledger's"),
      { runs, warmups: 3 },
    ),
    completion: await timeRuns(
      () => countCompletion(measures),
      (c) => check(c.measures === 100_000, "counted every measure"),
      { runs, warmups: 3 },
    ),
  };
  const inspection = await oneInspection(runs);
  const supervisionDocx = await benchSupervisionDocx(runs);
  const board = warningBoard(measures, workingDays);
  const slowest = timings.boardWorkingDays!;
  const result = {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? "", node: process.version },
    measures: measures.length,
    asOf: REFERENCE_DATE,
    calendarBuildMs: buildCalendar.medianMs,
    timings,
    ratios: {
      warningsCalendarVsPlain: timings.warningsCalendarDays!.medianMs / timings.plainPass!.medianMs,
      warningsWorkingVsIsOverdue: timings.warningsWorkingDays!.medianMs / timings.isOverdue!.medianMs,
    },
    counts: board.counts,
    inspection5000: inspection,
    supervisionDocx,
    peakRssMiB: peakRssMiB(),
    targetMs: TARGET_MS,
    withinTarget: slowest.medianMs <= TARGET_MS && supervisionDocx.withinTarget,
  };
  mkdirSync(new URL("./out/", import.meta.url), { recursive: true });
  writeFileSync(new URL("./out/supervision.json", import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  const row = (name: string, t: Timing) =>
    `${name.padEnd(24)} median ${t.medianMs.toFixed(2).padStart(8)} ms  p90 ${t.p90Ms.toFixed(2).padStart(8)} ms  (${t.runs} runs)`;
  console.log(
    `warning states for ${measures.length} measures on ${REFERENCE_DATE} (${os.cpus()[0]?.model ?? ""})`,
  );
  console.log(row("calendar build", buildCalendar));
  for (const [name, t] of Object.entries(timings)) console.log(row(name, t));
  console.log("one inspection of 5,000 measures through the use cases (SQLite):");
  for (const [name, t] of Object.entries(inspection.timings)) console.log(row(name, t));
  console.log(`ledger JSON ${inspection.ledgerBytes} bytes without warnings, ${inspection.warnedBytes} with`);
  console.log(
    "督办通知 .docx through issueSupervisionNotice (SQLite), beside the .docx writer's fixed cost:",
  );
  for (const [name, t] of Object.entries(supervisionDocx.timings)) console.log(row(name, t));
  console.log(
    `items ${JSON.stringify(supervisionDocx.items)}, bytes ${JSON.stringify(supervisionDocx.bytes)}; ` +
      `target ≤ ${supervisionDocx.targetMs} ms (typical): ${supervisionDocx.withinTarget ? "met" : "MISSED"}`,
  );
  console.log(`counts ${JSON.stringify(board.counts)}; peak RSS ${result.peakRssMiB} MiB`);
  console.log(`target ≤ ${TARGET_MS} ms: ${result.withinTarget ? "met" : "MISSED"}`);
  return result.withinTarget ? 0 : 1;
}

/** One inspection of 5,000 measures (the web bench's ledger) on a temp SQLite file, read through the use cases. */
async function oneInspection(runs: number) {
  const dir = mkdtempSync(join(os.tmpdir(), "zhenggai-bench-supervision-"));
  const store = await openStore({ kind: "sqlite", file: join(dir, "bench.db") });
  try {
    const deps = { ...testDeps(store, "2021-06-30"), calendar: chineseDaysCalendar() };
    const { inspectionId } = await createLedger(deps, SYSTEM_ACTOR, benchWebLedger(5_000));
    const measureCount = (l: { problems: ReadonlyArray<{ measures: readonly unknown[] }> }) =>
      l.problems.reduce((n, p) => n + p.measures.length, 0);
    const reads = {
      ledgerWithoutWarnings: async () => {
        const l = await getInspectionLedger(deps, SCOPE_ALL, inspectionId);
        check(measureCount(l) === 5_000, "5,000 measures read");
      },
      ledgerWithWarnings: async () => {
        const l = await getWarnedLedger(deps, SCOPE_ALL, inspectionId);
        check(measureCount(l) === 5_000, "5,000 measures read");
      },
      warningBoard: async () => {
        const b = await getInspectionWarnings(deps, SYSTEM_CALLER, { inspectionId });
        check(b.completion.measures === 5_000, "the board covers 5,000 measures");
      },
    };
    // Interleaved, so that the three see the same machine load and garbage collector.
    const timings = await timeInterleaved(reads, { runs });
    const ledgerBytes = Buffer.byteLength(
      JSON.stringify(await getInspectionLedger(deps, SCOPE_ALL, inspectionId)),
    );
    const warnedBytes = Buffer.byteLength(
      JSON.stringify(await getWarnedLedger(deps, SCOPE_ALL, inspectionId)),
    );
    return { timings, ledgerBytes, warnedBytes };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
