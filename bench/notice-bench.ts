// `npm run bench -- notice`: seed import (parse alone, and parse + store), .docx generation of the seed ledger and of
// a 60-problem / 300-measure inspection, peak RSS. Temp SQLite file. Writes bench/out/notice-sqlite.json.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { createLedger } from "../src/app/create-ledger.ts";
import { SYSTEM_ACTOR, type Deps } from "../src/app/deps.ts";
import { generateNotice } from "../src/app/generate-notice.ts";
import { importNotice } from "../src/app/import-notice.ts";
import { parseNotice } from "../src/documents/notice/parse-notice.ts";
import { SCOPE_ALL } from "../src/domain/scope.ts";
import { randomIds, systemClock } from "../src/runtime/system-ports.ts";
import type { LedgerInput } from "../src/shared/ledger-input.ts";
import { openStore } from "../src/storage/kysely/kysely-store.ts";
import { check, peakRssMiB, timeRuns, type Timing } from "./timing.ts";

const SEED = readFileSync(new URL("../assets/example-notice.txt", import.meta.url), "utf8");
const TARGETS = { importMs: 5, seedDocxMs: 100, largeDocxMs: 500 } as const;

/** 60 problems in 5 aspects, 5 measures each: closed, in progress with deadlines, some long-term. */
function largeLedger(): LedgerInput {
  const aspects = ["政治建设", "全面从严治党", "党的建设", "选人用人", "巡察整改"];
  return {
    unitName: "某市某局党组",
    inspection: {
      regime: "xuncha",
      team: "市委第一巡察组",
      onsiteStart: "2023-03-01",
      onsiteEnd: "2023-04-30",
      feedbackDate: "2023-06-15",
    },
    aspects,
    problems: Array.from({ length: 60 }, (_, p) => ({
      title: `第${p + 1}个问题：制度执行不够严格，监督管理存在薄弱环节`,
      aspect: aspects[p % aspects.length] as string,
      measures: Array.from({ length: 5 }, (_, m) => ({
        text: `针对第${p + 1}个问题的第${m + 1}条措施：完善相关制度，明确责任分工，开展专项检查并建立长效机制，确保问题整改到位、不反弹。`,
        kind: m === 4 ? ("long_term" as const) : ("time_limited" as const),
        deadline: m === 4 ? null : `2023-${String(7 + (m % 5)).padStart(2, "0")}-30`,
        state: p % 4 === 0 && m >= 3 ? ("in_progress" as const) : ("closed" as const),
        department: `第${(p % 8) + 1}科室`,
        leader: "王五",
      })),
    })),
    plan: { leader: "王五", items: [{ text: "持续巩固整改成果，建立健全长效机制。" }] },
  };
}

export async function runNoticeBench(): Promise<number> {
  const dir = mkdtempSync(join(os.tmpdir(), "zhenggai-bench-notice-"));
  const store = await openStore({ kind: "sqlite", file: join(dir, "bench.db") });
  const deps: Deps = { store, clock: systemClock, ids: randomIds };
  try {
    const parse = await timeRuns(
      () => parseNotice(SEED),
      (d) => check(d.problems.length === 11, "seed parses into 11 problems"),
      { runs: 200, warmups: 50 },
    );
    const importTiming = await timeRuns(
      () => importNotice(deps, SYSTEM_ACTOR, parseNotice(SEED)),
      (r) => check(r.created?.problems === 11, "seed imports 11 problems"),
      { runs: 50, warmups: 10 },
    );
    const seedId = (await importNotice(deps, SYSTEM_ACTOR, parseNotice(SEED))).created!.inspectionId;
    const seedDocx = await timeRuns(
      () =>
        generateNotice(deps, SYSTEM_ACTOR, SCOPE_ALL, {
          inspectionId: seedId,
          version: "internal",
          format: "docx",
        }),
      (r) => check(r.content.byteLength > 5_000, "seed docx written"),
    );
    const large = await createLedger(deps, SYSTEM_ACTOR, largeLedger());
    check(large.problems === 60 && large.measures === 300, "large ledger has 60 problems and 300 measures");
    const largeDocx = await timeRuns(
      () =>
        generateNotice(deps, SYSTEM_ACTOR, SCOPE_ALL, {
          inspectionId: large.inspectionId,
          version: "internal",
          format: "docx",
        }),
      (r) => check(r.content.byteLength > 8_000, "large docx written"),
      { runs: 10, warmups: 2 },
    );
    const rows: [string, Timing, number | null][] = [
      ["parse the seed (parseNotice)", parse, TARGETS.importMs],
      ["import the seed (parse + one transaction into SQLite)", importTiming, null],
      [
        "generate .docx of the seed ledger (read ledger + build + write + record)",
        seedDocx,
        TARGETS.seedDocxMs,
      ],
      ["generate .docx of 60 problems / 300 measures", largeDocx, TARGETS.largeDocxMs],
    ];
    const fmt = (ms: number) => ms.toFixed(2);
    console.log(
      `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, load ${os.loadavg()[0]?.toFixed(2)}`,
    );
    console.log(
      "| measure | runs | target ms | median ms | p90 | min | met? |\n|---|--:|--:|--:|--:|--:|:-:|",
    );
    for (const [name, t, target] of rows) {
      console.log(
        `| ${name} | ${t.runs} | ${target ?? "—"} | ${fmt(t.medianMs)} | ${fmt(t.p90Ms)} | ${fmt(t.minMs)} | ${target === null ? "" : t.medianMs <= target ? "met" : "missed"} |`,
      );
    }
    console.log(`Peak RSS: ${peakRssMiB()} MiB`);
    mkdirSync(new URL("./out/", import.meta.url), { recursive: true });
    writeFileSync(
      new URL("./out/notice-sqlite.json", import.meta.url),
      JSON.stringify({ rows, peakRssMiB: peakRssMiB() }, null, 2),
    );
    return 0;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
