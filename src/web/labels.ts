// Words and colours of statuses in the UI; the words themselves come from the domain so that pages, documents and
// the CLI say the same thing.
import {
  MEASURE_KIND_LABELS,
  MEASURE_STATE_LABELS,
  type MeasureKind,
  type MeasureState,
} from "../domain/measure.ts";
import { PROBLEM_STATUS_LABELS, type ProblemStatus } from "../domain/problem.ts";

export { MEASURE_KIND_LABELS, MEASURE_STATE_LABELS, PROBLEM_STATUS_LABELS };
export type { MeasureKind, MeasureState, ProblemStatus };

export const MEASURE_STATE_COLORS: Record<MeasureState, string> = {
  draft: "default",
  in_progress: "processing",
  submitted: "gold",
  returned: "error",
  closed: "success",
};

export const PROBLEM_STATUS_COLORS: Record<ProblemStatus, string> = {
  completed: "success",
  in_progress: "processing",
  long_term: "cyan",
};

/** "2021-06-30T08:00:00.000Z" → "2021-06-30 16:00" in Beijing time, the time every user of the system reads. */
export function formatInstant(iso: string): string {
  const at = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return `${at.slice(0, 10)} ${at.slice(11, 16)}`;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Words for audit-trail actions; an action not listed is shown as recorded. */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  "ledger.create": "建立台账",
  "ledger.import": "导入台账",
  "measure.assign": "分解责任",
  "measure.start": "启动整改",
  "measure.submit": "提交审核",
  "measure.close": "审核通过",
  "measure.return": "退回",
  "measure.resume": "恢复推进",
  "measure.reopen_stage": "开启下一阶段",
  "measure.approve_level": "本级审核通过",
  "measure.hold_closeout": "暂缓销号",
  "measure.lift_hold": "解除暂缓销号",
  "progress.report": "报送进展",
  "extension.request": "申请延期",
  "extension.approve": "批准延期",
  "extension.reject": "不予延期",
  "inspection.set_review_chain": "设置审核层级",
  "notice.generate": "生成通报",
};

/** Words for the kinds of org in the tree. */
export const ORG_KIND_LABELS: Readonly<Record<"oversight" | "unit" | "department", string>> = {
  oversight: "巡察机构",
  unit: "单位",
  department: "部门",
};
