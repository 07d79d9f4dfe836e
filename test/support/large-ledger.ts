// A 60-problem ledger for timing and rendering: 5 aspects, 5 measures each, closed, in progress with deadlines,
// some long-term. Shared by bench/notice-bench.ts and test/rendering.

import type { LedgerInput } from "../../src/shared/ledger-input.ts";

/** 60 problems in 5 aspects, 5 measures each: closed, in progress with deadlines, some long-term. */
export function largeLedger(): LedgerInput {
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
