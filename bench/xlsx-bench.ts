// `npm run bench -- xlsx [--measures N] [--runs R]`: exports a 100,000-measure ledger to .xlsx with the
// streaming writer and imports it back into a fresh database, timing both (medians of R runs) and sampling
// the process's RSS every 50 ms. Targets (issue 4): export ≤ 20 s, import ≤ 30 s, peak RSS ≤ 500 MB.

import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import { createLedger } from "../src/app/create-ledger.ts";
import { SYSTEM_ACTOR, type Deps } from "../src/app/deps.ts";
import { exportLedger } from "../src/app/export-ledger.ts";
import { importLedger } from "../src/app/import-ledger.ts";
import { SCOPE_ALL } from "../src/domain/scope.ts";
import { readLedgerXlsx } from "../src/documents/xlsx/read-ledger-xlsx.ts";
import type { LedgerInput } from "../src/shared/ledger-input.ts";
import { openStore } from "../src/storage/kysely/kysely-store.ts";
import type { Store } from "../src/storage/store.ts";
import { check, summarise } from "./timing.ts";

const TARGETS = { exportSeconds: 20, importSeconds: 30, rssMiB: 500 } as const;
const ASPECTS = ["贯彻落实党的路线方针政策方面", "落实全面从严治党战略部署方面", "落实新时代党的组织路线方面", "巡视巡察整改方面"];
const DEPARTMENTS = ["办公室", "组织人事处", "财务审计处", "机关党委", "政策法规处", "规划发展处", "综合业务处", "监督检查处"];
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
    inspection: { regime: "xunshi", team: "省委第一巡视组", roundLabel: "基准轮次", feedbackDate: "2021-03-04" },
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
          deadline: kind === "long_term" ? null : `2021-${String(4 + Math.floor(random() * 9)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`,
          leader: `领导${1 + (d % 4)}`,
          department: DEPARTMENTS[d] as string,
          person: `干部${d}${Math.floor(random() * 5)}`,
          state: STATES[Math.floor(random() * STATES.length)] as (typeof STATES)[number],
        };
      }),
    })),
  };
}

/** Runs `work` while sampling RSS every 50 ms; returns its result, seconds taken and the peak RSS in MiB. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; peakMiB: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const start = performance.now();
  try {
    const result = await work();
    const seconds = (performance.now() - start) / 1000;
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, seconds, peakMiB: Math.round(peak / 1024 / 1024) };
  } finally {
    clearInterval(timer);
  }
}

const deps = (store: Store, today = "2021-06-30"): Deps => {
  let n = 0;
  return { store, clock: { now: () => `${today}T08:00:00.000Z`, today: () => today }, ids: { next: (p) => `${p}${(++n).toString(36).padStart(8, "0")}` } };
};

const option = (args: readonly string[], name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};

export async function runXlsxBench(args: readonly string[] = []): Promise<number> {
  const measures = option(args, "--measures", 100_000);
  const runs = option(args, "--runs", 3);
  const dir = mkdtempSync(join(os.tmpdir(), "zhenggai-xlsx-bench-"));
  try {
    const source = await openStore({ kind: "sqlite", file: join(dir, "source.db") });
    const setup = await measured(() => createLedger(deps(source), SYSTEM_ACTOR, bigLedger(measures)));
    check(setup.result.measures === measures, `ledger has ${measures} measures`);
    const file = join(dir, "ledger.xlsx");
    const exports: { seconds: number; peakMiB: number }[] = [];
    for (let i = 0; i < runs; i++) {
      const run = await measured(async () => {
        const out = createWriteStream(file);
        const r = await exportLedger(deps(source), SCOPE_ALL, { inspectionId: setup.result.inspectionId }, out, { pageSize: 2_000 });
        await finished(out);
        return r;
      });
      check(run.result.measures === measures, "export wrote every measure");
      exports.push(run);
    }
    await source.close();
    const bytes = statSync(file).size;

    const imports: { seconds: number; peakMiB: number }[] = [];
    for (let i = 0; i < runs; i++) {
      const target = await openStore({ kind: "sqlite", file: join(dir, `target${i}.db`) });
      const run = await measured(() => importLedger(deps(target), SYSTEM_ACTOR, SCOPE_ALL, (reference) => readLedgerXlsx(file, { reference })));
      check(run.result.stored && run.result.errors.length === 0, "import stored without errors");
      check((await target.measures.page(SCOPE_ALL, {}, { limit: 1, offset: measures - 1 })).length === 1, "every measure imported");
      await target.close();
      imports.push(run);
    }
    const exportMedian = summarise(exports.map((r) => r.seconds * 1000)).medianMs / 1000;
    const importMedian = summarise(imports.map((r) => r.seconds * 1000)).medianMs / 1000;
    const exportPeak = Math.max(...exports.map((r) => r.peakMiB));
    const importPeak = Math.max(...imports.map((r) => r.peakMiB));
    const ok = exportMedian <= TARGETS.exportSeconds && importMedian <= TARGETS.importSeconds && Math.max(exportPeak, importPeak) <= TARGETS.rssMiB;
    console.log(`xlsx benchmark: ${measures.toLocaleString("en-US")} measures in one inspection, SQLite, ${runs} runs each, ${os.cpus().length} CPUs, Node ${process.version}`);
    console.log(`| step | median | runs (s) | peak RSS | target |\n|---|---|---|---|---|`);
    console.log(`| setup (createLedger, not timed against a target) | ${setup.seconds.toFixed(1)} s | — | ${setup.peakMiB} MiB | — |`);
    console.log(`| export → .xlsx (${(bytes / 1024 / 1024).toFixed(1)} MiB) | ${exportMedian.toFixed(1)} s | ${exports.map((r) => r.seconds.toFixed(1)).join(", ")} | ${exportPeak} MiB | ≤ ${TARGETS.exportSeconds} s |`);
    console.log(`| import .xlsx → new ledger | ${importMedian.toFixed(1)} s | ${imports.map((r) => r.seconds.toFixed(1)).join(", ")} | ${importPeak} MiB | ≤ ${TARGETS.importSeconds} s |`);
    console.log(`peak RSS target ≤ ${TARGETS.rssMiB} MiB (sampled every 50 ms; the process also holds the setup's heap): ${ok ? "all targets met" : "TARGET MISSED"}`);
    return ok ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
