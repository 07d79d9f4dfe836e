// Builders of ledger inputs with sensible defaults; tests state only what matters to them.

import type { LedgerInput } from "../../src/shared/ledger-input.ts";

type ProblemInput = LedgerInput["problems"][number];
type MeasureInput = NonNullable<ProblemInput["measures"]>[number];

export const makeMeasure = (overrides: Partial<MeasureInput> = {}): MeasureInput => ({
  text: "完善财务报销制度并组织专题培训",
  kind: "time_limited",
  deadline: "2021-06-30",
  leader: "杨建",
  department: "办公室",
  person: "张三",
  state: "in_progress",
  ...overrides,
});

export const makeProblem = (overrides: Partial<ProblemInput> = {}): ProblemInput => ({
  title: "执行财务管理制度不够严格",
  aspect: "全面从严治党",
  measures: [makeMeasure()],
  ...overrides,
});

export const makeLedger = (overrides: Partial<LedgerInput> = {}): LedgerInput => ({
  unitName: "市文联党组",
  oversightName: "市委巡察办",
  inspection: {
    regime: "xuncha",
    kind: "regular",
    team: "市委第八巡察组",
    roundLabel: "十四届市委第八轮",
    onsiteStart: "2020-11-12",
    onsiteEnd: "2021-01-12",
    feedbackDate: "2021-03-04",
  },
  aspects: ["全面从严治党", "党的建设"],
  problems: [
    makeProblem({
      title: "四风问题依然存在",
      measures: [makeMeasure({ state: "closed" }), makeMeasure({ state: "closed", text: "开展志愿服务" })],
    }),
    makeProblem({
      title: "党建工作质量不高",
      aspect: "党的建设",
      measures: [makeMeasure({ state: "closed", kind: "long_term", deadline: null })],
    }),
    makeProblem({
      title: "执行财务管理制度不够严格",
      measures: [makeMeasure({ deadline: "2021-05-31" }), makeMeasure({ state: "closed" })],
    }),
  ],
  plan: {
    leader: "杨建",
    members: ["李四"],
    meetings: [{ heldOn: "2021-03-10", title: "专题党组会议" }],
    items: [{ text: "持续巩固整改成果" }],
  },
  ...overrides,
});
