// `npm run bench -- xlsx [--measures N] [--runs R]`: exports a 100,000-measure ledger to .xlsx with the
// streaming writer and imports it back into a fresh database, timing both (medians of R runs) and sampling
// each step's peak RSS (every step runs in a fresh process: bench/xlsx-step.ts). Targets (issue 4): export ≤ 20 s, import ≤ 30 s, peak RSS ≤ 500 MB.

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createLedger } from "../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../src/app/deps.ts";
import type { LedgerInput } from "../src/shared/ledger-input.ts";
import { openStore } from "../src/storage/kysely/kysely-store.ts";
import { DEPARTMENTS as ALL_DEPARTMENTS } from "./synthetic-text.ts";
import { benchDeps } from "./xlsx-step.ts";
import { check, peakRssMiB, summarise } from "./timing.ts";

const TARGETS = { exportSeconds: 20, importSeconds: 30, rssMiB: 500 } as const;
const ASPECTS = [
  "贯彻落实党的路线方针政策方面",
  "落实全面从严治党战略部署方面",
  "落实新时代党的组织路线方面",
  "巡视巡察整改方面",
];
const DEPARTMENTS = ALL_DEPARTMENTS.slice(0, 8);
const STATES = ["draft", "in_progress", "submitted", "closed"] as const;

/** A tiny seeded PRNG (LCG), uniform in [0, 1): the same ledger on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (Math.imul(a, 1_664_525) + 1_013_904_223) >>> 0;
    return a / 4_294_967_296;
  };
}

/** One inspection with `measures` measures, 20 per problem (≤ 5,000 problems as the import schema allows). */
function bigLedger(measures: number): LedgerInput {
  const random = seeded(4);
  const perProblem = 20;
  const problems = Math.ceil(measures / perProblem);
  return {
    unitName: "省基准测试单位",
    inspection: {
      regime: "xunshi",
      team: "省委第一巡视组",
      roundLabel: "基准轮次",
      feedbackDate: "2021-03-04",
    },
    aspects: ASPECTS,
    problems: Array.from({ length: problems }, (_, p) => ({
      title: `问题${p + 1}：执行财务管理制度不够严格，公务接待管理不规范`,
      aspect: ASPECTS[p % ASPECTS.length] as string,
      feedbackText: `反馈指出：第${p + 1}项问题，部分项目资金拨付滞后，使用效益不高；公务接待超标准、超范围问题时有发生。`,
      measures: Array.from({ length: Math.min(perProblem, measures - p * perProblem) }, (_, m) => {
        const d = Math.floor(random() * DEPARTMENTS.length);
        const kind = random() < 0.1 ? "long_term" : random() < 0.2 ? "immediate" : "time_limited";
        return {
          text: `措施${p + 1}-${m + 1}：完善财务报销审批流程，建立台账逐项销号，组织专题培训并开展“回头看”。`,
          kind,
          deadline:
            kind === "long_term"
              ? null
              : `2021-${String(4 + Math.floor(random() * 9)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`,
          leader: `领导${1 + (d % 4)}`,
          department: DEPARTMENTS[d] as string,
          person: `干部${d}${Math.floor(random() * 5)}`,
          state: STATES[Math.floor(random() * STATES.length)] as (typeof STATES)[number],
        };
      }),
    })),
  };
}

/** Runs one step in a fresh Node process (bench/xlsx-step.ts) and reads its time, peak RSS and row count. */
function inChild(...args: string[]): { seconds: number; peakMiB: number; measures: number } {
  const step = fileURLToPath(new URL("./xlsx-step.ts", import.meta.url));
  const out = execFileSync(process.execPath, ["--import", "tsx", step, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  const lines = out
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, number>);
  return Object.assign({ seconds: NaN, peakMiB: NaN, measures: NaN }, ...lines) as {
    seconds: number;
    peakMiB: number;
    measures: number;
  };
}

const option = (args: readonly string[], name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};

export async function runXlsxBench(args: readonly string[] = []): Promise<number> {
  const measures = option(args, "--measures", 100_000);
  const runs = option(args, "--runs", 3);
  const dir = mkdtempSync(join(os.tmpdir(), "zhenggai-xlsx-bench-"));
  try {
    const sourceDb = join(dir, "source.db");
    const source = await openStore({ kind: "sqlite", file: sourceDb });
    const setupStart = performance.now();
    const created = await createLedger(benchDeps(source), SYSTEM_ACTOR, bigLedger(measures));
    const setup = { seconds: (performance.now() - setupStart) / 1000, peakMiB: peakRssMiB() };
    await source.close();
    check(created.measures === measures, `ledger has ${measures} measures`);
    const file = join(dir, "ledger.xlsx");
    const exports: { seconds: number; peakMiB: number }[] = [];
    for (let i = 0; i < runs; i++) {
      rmSync(file, { force: true });
      const run = inChild("export", sourceDb, file, created.inspectionId);
      check(run.measures === measures, "export wrote every measure");
      exports.push(run);
    }
    const bytes = statSync(file).size;

    const imports: { seconds: number; peakMiB: number }[] = [];
    for (let i = 0; i < runs; i++) {
      const run = inChild("import", join(dir, `target${i}.db`), file);
      check(run.measures === measures, "every measure imported");
      imports.push(run);
    }
    const exportMedian = summarise(exports.map((r) => r.seconds * 1000)).medianMs / 1000;
    const importMedian = summarise(imports.map((r) => r.seconds * 1000)).medianMs / 1000;
    const exportPeak = Math.max(...exports.map((r) => r.peakMiB));
    const importPeak = Math.max(...imports.map((r) => r.peakMiB));
    const ok =
      exportMedian <= TARGETS.exportSeconds &&
      importMedian <= TARGETS.importSeconds &&
      Math.max(exportPeak, importPeak) <= TARGETS.rssMiB;
    console.log(
      `xlsx benchmark: ${measures.toLocaleString("en-US")} measures in one inspection, SQLite, ${runs} runs each, ${os.cpus().length} CPUs, Node ${process.version}`,
    );
    console.log(`| step | median | runs (s) | peak RSS | target |\n|---|---|---|---|---|`);
    console.log(
      `| setup (createLedger, not timed against a target) | ${setup.seconds.toFixed(1)} s | — | ${setup.peakMiB} MiB | — |`,
    );
    console.log(
      `| export → .xlsx (${(bytes / 1024 / 1024).toFixed(1)} MiB) | ${exportMedian.toFixed(1)} s | ${exports.map((r) => r.seconds.toFixed(1)).join(", ")} | ${exportPeak} MiB | ≤ ${TARGETS.exportSeconds} s |`,
    );
    console.log(
      `| import .xlsx → new ledger | ${importMedian.toFixed(1)} s | ${imports.map((r) => r.seconds.toFixed(1)).join(", ")} | ${importPeak} MiB | ≤ ${TARGETS.importSeconds} s |`,
    );
    console.log(
      `peak RSS target ≤ ${TARGETS.rssMiB} MiB (maxRSS of a fresh process per step): ${ok ? "all targets met" : "TARGET MISSED"}`,
    );
    return ok ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
