// A clerk-made ledger of any size for timing: problems of four measures each, merged problem cells, a
// two-row header, a 截至 line and text deadlines without a year — the slow paths of the reader.

import { GROUPED_COLUMNS } from "../fixtures/ledgers/ledger-specs.ts";
import type { LedgerSpec, MeasureSpec } from "../fixtures/ledgers/render-ledger.ts";

export function largeLedgerSpec(rows: number): LedgerSpec {
  const perProblem = 4;
  const problems = Array.from({ length: Math.ceil(rows / perProblem) }, (_, p) => ({
    no: p + 1,
    cell: `第${p + 1}个问题：制度执行不严、监督管理不到位`,
    title: `第${p + 1}个问题：制度执行不严、监督管理不到位`,
    aspect: null,
    measures: Array.from({ length: Math.min(perProblem, rows - p * perProblem) }, (_, k): MeasureSpec => ({
      text: `第${p + 1}个问题的第${k + 1}条整改措施：健全制度并开展专项检查`,
      deadline: `${(k % 12) + 1}月底前`,
      due: null,
      leader: "陈明",
      department: "办公室、财务科",
      person: "李华",
      status: k % 2 === 0 ? "已完成" : "正在推进",
    })),
  }));
  return {
    file: `large-${rows}`,
    about: `${rows}行的台账（计时用）`,
    unitName: "某县文联党组",
    sheets: [
      {
        name: "整改台账",
        titles: ["某县文联党组巡察整改台账", "截至2024年4月30日"],
        columns: GROUPED_COLUMNS,
        problemCells: "merge",
        problems,
      },
    ],
  };
}
