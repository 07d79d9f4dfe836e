// The columns of ledger spreadsheets in one place: field keys, the headers we write, the synonyms we read,
// header normalisation and `--map 列名=字段`. Pure; knows nothing about exceljs.

import { DomainError } from "../../domain/domain-error.ts";

/**
 * What a column holds. Problem-level, measure-level, outcome-level and summary fields. `measureNo` (任务编号,
 * 措施序号) is no stored field: it joins a 责任清单 to the measures of the task list; `departmentAndPerson`
 * (牵头单位及责任人) is split into department and person, `leaderAndPerson` (责任领导及责任人, 责任领导/责任科室/责任人)
 * into leader, department and person (split-responsible.ts).
 */
export const LEDGER_FIELDS = [
  "unit",
  "no",
  "aspect",
  "problem",
  "feedbackText",
  "symptoms",
  "disclosure",
  "status",
  "measure",
  "measureNo",
  "kind",
  "leader",
  "department",
  "person",
  "departmentAndPerson",
  "leaderAndPerson",
  "cooperating",
  "deadline",
  "progress",
  "evidenceCount",
  "closedOn",
  "reviewer",
  "note",
  "outcomeKind",
  "quantity",
  "quantityUnit",
  "sanction",
  "outcomeNote",
  "item",
  "value",
] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];

/**
 * Header words per field; the first is what the export writes. Matched after normalisation (full-width →
 * half-width, spaces and line breaks removed, a trailing ：or * dropped), then once more without bracketed
 * parts, so "整改时限（截止日期）" is 整改时限 and "问题（反馈原文）" is 问题.
 */
export const FIELD_HEADERS: Readonly<Record<LedgerField, readonly string[]>> = {
  unit: ["被巡察单位", "被巡视单位", "被审计单位", "被督察单位", "被巡察党组织", "单位名称"],
  no: ["编号", "序号", "问题编号", "问题序号", "序"],
  aspect: ["方面", "问题类别", "问题方面", "所属方面", "类别", "问题分类", "反馈问题类别"],
  problem: [
    "问题",
    "问题描述",
    "存在问题",
    "反馈问题",
    "问题名称",
    "问题清单",
    "主要问题",
    "问题内容",
    "反馈的问题",
  ],
  feedbackText: ["反馈原文", "反馈意见原文", "反馈意见", "问题原文"],
  symptoms: ["具体表现", "问题表现", "主要表现", "具体问题"],
  disclosure: ["公开范围", "公开属性", "是否公开", "公开方式"],
  status: ["状态", "整改状态", "完成状态", "完成情况", "办理状态", "销号状态", "整改进度"],
  measure: ["整改措施", "措施", "具体措施", "整改任务", "整改举措", "任务", "整改措施及要求", "整改内容"],
  measureNo: ["措施编号", "任务编号", "措施序号", "任务序号", "整改措施编号", "整改任务编号"],
  kind: ["类型", "整改类型", "整改方式", "措施类型", "任务类型"],
  leader: ["牵头领导", "责任领导", "分管领导", "领导", "牵头责任领导"],
  department: ["责任部门", "责任科室", "责任单位", "牵头部门", "牵头单位", "责任处室", "牵头科室"],
  person: ["责任人", "具体责任人", "经办人", "联系人", "直接责任人"],
  departmentAndPerson: [
    "责任单位及责任人",
    "牵头单位及责任人",
    "责任部门及责任人",
    "牵头部门及责任人",
    "责任科室及责任人",
  ],
  leaderAndPerson: ["责任领导及责任人", "牵头领导及责任人", "分管领导及责任人", "责任领导/责任人"],
  cooperating: ["配合部门", "配合单位", "协办部门", "配合科室", "协同部门"],
  deadline: [
    "整改时限",
    "完成时限",
    "时限",
    "完成时间",
    "整改期限",
    "截止时间",
    "完成期限",
    "办结时限",
    "截止日期",
  ],
  progress: ["最新进展", "整改进展", "进展情况", "整改情况", "进展", "工作进展"],
  evidenceCount: ["佐证材料数", "佐证材料", "佐证材料份数"],
  closedOn: ["销号时间", "销号日期", "办结时间"],
  reviewer: ["审核人", "销号审核人"],
  note: ["备注", "说明"],
  outcomeKind: ["成效类型", "成效类别"],
  quantity: ["数量", "数额"],
  quantityUnit: ["计量单位"],
  sanction: ["处分类型", "处理方式"],
  outcomeNote: ["成效说明", "成效备注"],
  item: ["项目"],
  value: ["内容"],
};

/** The header the export writes for a field. */
export const headerOf = (field: LedgerField): string => FIELD_HEADERS[field][0] as string;

/** Full-width to half-width, no whitespace, no trailing ：/ * / 。 */
export function normalizeHeader(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[:：*。]+$/u, "")
    .replace(/^[*]+/, "");
}

const withoutBrackets = (s: string): string => s.replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, "");

const SYNONYMS = new Map<string, LedgerField>(
  LEDGER_FIELDS.flatMap((field) => FIELD_HEADERS[field].map((h) => [normalizeHeader(h), field] as const)),
);

/** An explicit mapping from `--map 列名=字段`: normalised column header → field. */
export type ColumnMap = ReadonlyMap<string, LedgerField>;

/** The field a header cell names, by the explicit map first, then the synonyms; undefined when unknown. */
export function fieldForHeader(text: string, map: ColumnMap = new Map()): LedgerField | undefined {
  const full = normalizeHeader(text);
  if (full === "") return undefined;
  const bare = withoutBrackets(full);
  return (
    map.get(full) ?? map.get(bare) ?? SYNONYMS.get(full) ?? (bare === "" ? undefined : SYNONYMS.get(bare))
  );
}

/**
 * Parses `列名=字段` entries. The field may be its key (`deadline`) or any of its Chinese headers
 * (`整改时限`, `完成时限`). Unknown fields are a DomainError naming the known ones.
 */
export function parseColumnMap(entries: readonly string[]): ColumnMap {
  const map = new Map<string, LedgerField>();
  for (const entry of entries) {
    const eq = entry.lastIndexOf("=");
    const column = eq > 0 ? normalizeHeader(entry.slice(0, eq)) : "";
    const target = eq > 0 ? entry.slice(eq + 1).trim() : "";
    const field = (LEDGER_FIELDS as readonly string[]).includes(target)
      ? (target as LedgerField)
      : SYNONYMS.get(normalizeHeader(target));
    if (column === "" || field === undefined) {
      throw new DomainError(
        "invalid_column_map",
        `--map 参数“${entry}”有误：应写作 列名=字段，字段为 ${IMPORT_FIELDS.map(headerOf).join("、")} 之一（或其英文名）`,
      );
    }
    map.set(column, field);
  }
  return map;
}

/** Fields written on export only, never read back. */
const EXPORT_ONLY_FIELDS: ReadonlySet<LedgerField> = new Set([
  "progress",
  "evidenceCount",
  "closedOn",
  "reviewer",
  "note",
  "quantityUnit",
  "item",
  "value",
]);

/** Fields an import reads (the others — 最新进展, 佐证材料数, 销号时间, 审核人, 备注… — are shown on export only). */
export const IMPORT_FIELDS: readonly LedgerField[] = LEDGER_FIELDS.filter((f) => !EXPORT_ONLY_FIELDS.has(f));

/** How a column is written: header from the field, width in characters (one CJK character ≈ 2). */
export interface ExportColumn {
  readonly field: LedgerField;
  readonly width: number;
  readonly type?: "text" | "date" | "number";
  /** Overrides the field's first header (问题（反馈原文）). */
  readonly header?: string;
}

export const SHEET_NAMES = {
  problems: "问题清单",
  measures: "任务清单（整改台账）",
  responsibilities: "责任清单",
  outcomes: "成效统计",
  outcomeDetails: "成效明细",
  summary: "汇总",
} as const;

export const PROBLEM_COLUMNS: readonly ExportColumn[] = [
  { field: "no", width: 6 },
  { field: "aspect", width: 22 },
  { field: "problem", width: 36 },
  { field: "feedbackText", width: 48 },
  { field: "symptoms", width: 40 },
  { field: "status", width: 14 },
  { field: "disclosure", width: 14 },
];

export const MEASURE_COLUMNS: readonly ExportColumn[] = [
  { field: "no", width: 6 },
  { field: "aspect", width: 20 },
  { field: "problem", width: 30 },
  { field: "measure", width: 46 },
  { field: "kind", width: 10 },
  { field: "leader", width: 10 },
  { field: "department", width: 14 },
  { field: "person", width: 10 },
  { field: "cooperating", width: 16 },
  { field: "deadline", width: 12, type: "date" },
  { field: "progress", width: 36 },
  { field: "status", width: 14 },
  { field: "evidenceCount", width: 8, type: "number" },
  { field: "closedOn", width: 12, type: "date" },
  { field: "reviewer", width: 10 },
  { field: "note", width: 16 },
];

export const OUTCOME_DETAIL_COLUMNS: readonly ExportColumn[] = [
  { field: "no", width: 6, header: "问题编号" },
  { field: "problem", width: 36 },
  { field: "outcomeKind", width: 16 },
  { field: "quantity", width: 12 },
  { field: "quantityUnit", width: 8 },
  { field: "sanction", width: 14 },
  { field: "outcomeNote", width: 30 },
];

/** The unit column leads every list when an export spans several inspected units. */
export const UNIT_COLUMN: ExportColumn = { field: "unit", width: 20 };

/** Excel column letters: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let n = column;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
