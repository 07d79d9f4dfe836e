// The 督办通知 .docx (issue 12: ≤ 100 ms), part of `npm run bench -- supervision`: issueSupervisionNotice end to end on a
// temp SQLite file (scoped ledger read with warnings, names, working-day reply date, build, .docx, audit event) for an
// inspection with 12 late measures among 40, and for the web bench's 5,000-measure inspection; beside it, measured in
// the same interleaved loop, the .docx writer alone on a one-paragraph official document (the writer's fixed cost).

import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { createLedger } from "../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../src/app/deps.ts";
import { issueSupervisionNotice } from "../src/app/issue-supervision-notice.ts";
import { SYSTEM_CALLER } from "../src/domain/account.ts";
import { writeDocx } from "../src/documents/official-document/write-docx.ts";
import { chineseDaysCalendar } from "../src/main.ts";
import type { LedgerInput } from "../src/shared/ledger-input.ts";
import { openStore } from "../src/storage/kysely/kysely-store.ts";
import { testDeps } from "../test/support/test-stores.ts";
import { check, timeInterleaved, type Timing } from "./timing.ts";
import { benchWebLedger } from "./web-bench.ts";

/** Issue 12: a 督办单 .docx within 100 ms. */
export const SUPERVISION_DOCX_TARGET_MS = 100;

/** 10 problems of 4 measures on 30 June 2021: 3 of each problem's measures overdue or due that day (12 late of 40). */
function typicalLedger(): LedgerInput {
  const deadlines = ["2021-04-30", "2021-05-31", "2021-06-30", "2021-12-31"];
  return {
    unitName: "市文联党组",
    oversightName: "市委巡察办",
    inspection: { regime: "xuncha", kind: "regular", team: "市委第八巡察组", feedbackDate: "2021-03-04" },
    problems: Array.from({ length: 10 }, (_, p) => ({
      title: `反馈问题第${p + 1}项：执行财务管理制度不够严格，公务接待和办公用房管理不规范`,
      measures: deadlines.map((deadline, m) => ({
        text: `针对反馈问题第${p + 1}项，制定专项整改方案，逐项明确整改目标、整改措施和完成时限，第${m + 1}项任务按月报送进展`,
        kind: "time_limited" as const,
        deadline,
        department: ["办公室", "财务科", "组织人事处", "宣传处"][m],
        person: ["张三", "李明", "赵六", "王五"][m],
        state: p < 4 || m === 3 ? ("in_progress" as const) : ("closed" as const),
      })),
    })),
  };
}

export interface SupervisionDocxResult {
  readonly timings: Record<"writerBaseline" | "typical" | "inspection5000", Timing>;
  readonly items: { readonly typical: number; readonly inspection5000: number };
  readonly bytes: { readonly typical: number; readonly inspection5000: number };
  readonly targetMs: number;
  readonly withinTarget: boolean;
}

export async function benchSupervisionDocx(runs: number): Promise<SupervisionDocxResult> {
  const dir = mkdtempSync(join(os.tmpdir(), "zhenggai-bench-supervision-notice-"));
  const store = await openStore({ kind: "sqlite", file: join(dir, "bench.db") });
  try {
    const deps = { ...testDeps(store, "2021-06-30"), calendar: chineseDaysCalendar() };
    const typical = (await createLedger(deps, SYSTEM_ACTOR, typicalLedger())).inspectionId;
    const large = (await createLedger(deps, SYSTEM_ACTOR, benchWebLedger(5_000))).inspectionId;
    const issue = (inspectionId: string) =>
      issueSupervisionNotice(deps, SYSTEM_CALLER, {
        inspectionId,
        request: { format: "docx", docNumber: "市巡办〔2021〕7号" },
      });
    const items = { typical: 0, inspection5000: 0 };
    const bytes = { typical: 0, inspection5000: 0 };
    const reads = {
      writerBaseline: async () => {
        const docx = await writeDocx({
          title: "关于督促加快整改进度的督办通知",
          blocks: [{ type: "paragraph", text: "请于5个工作日内书面回复。" }],
          variant: "internal",
        });
        check(docx.length > 0, "a .docx was written");
      },
      typical: async () => {
        const issued = await issue(typical);
        check(issued.measureIds.length === 12, "12 late measures chased");
        items.typical = issued.measureIds.length;
        bytes.typical = issued.content.length;
      },
      inspection5000: async () => {
        const issued = await issue(large);
        check(issued.measureIds.length > 0, "some late measures chased");
        items.inspection5000 = issued.measureIds.length;
        bytes.inspection5000 = issued.content.length;
      },
    };
    // Interleaved, so that all three see the same machine load and garbage collector.
    const timings = await timeInterleaved(reads, { runs });
    return {
      timings,
      items,
      bytes,
      targetMs: SUPERVISION_DOCX_TARGET_MS,
      withinTarget: timings.typical.medianMs <= SUPERVISION_DOCX_TARGET_MS,
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
