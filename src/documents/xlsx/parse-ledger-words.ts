// Chinese words of ledger cells → domain values: measure status (the notice import's status words, plus
// the ledger's own state labels), kind, disclosure, outcome kind, sanction. Pure and total: never throws.

import type { IMPORTABLE_MEASURE_STATES } from "../../shared/ledger-input.ts";
import {
  MEASURE_KIND_LABELS,
  MEASURE_KINDS,
  MEASURE_STATE_LABELS,
  MEASURE_STATES,
  type MeasureKind,
} from "../../domain/measure.ts";
import {
  OUTCOME_KIND_LABELS,
  OUTCOME_KINDS,
  SANCTION_TYPE_LABELS,
  SANCTION_TYPES,
  type OutcomeKind,
  type SanctionType,
} from "../../domain/outcome.ts";
import {
  DISCLOSURE_LABELS,
  WITHHOLDING_REASON_LABELS,
  WITHHOLDING_REASONS,
  type Disclosure,
  type WithholdingReason,
} from "../../domain/problem.ts";
import { groupKind, statusFromWords } from "../notice/status-words.ts";

export type ImportableState = (typeof IMPORTABLE_MEASURE_STATES)[number];

export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const clean = (text: string): string => text.normalize("NFKC").replace(/\s+/g, "");
/** Drops annotations the export adds to a status (推进中（逾期）) and any other bracketed remark. */
const withoutRemarks = (text: string): string => text.replace(/\([^)]*\)|【[^】]*】|\[[^\]]*\]/g, "");

const STATE_BY_LABEL = new Map<string, ImportableState>(
  MEASURE_STATES.map((s) => [MEASURE_STATE_LABELS[s], s === "returned" ? "in_progress" : s]),
);
// Tick and cross marks as Excel, WPS and input methods insert them (√ from the Chinese IME, ✓/✔/☑ from
// the symbol dialogs, ✗/✘/☒ likewise); NFKC leaves them as they are.
const YES_NO = new Map<string, ImportableState>([
  ["是", "closed"],
  ["否", "in_progress"],
  ...[..."√✓✔☑"].map((mark) => [mark, "closed"] as const),
  ...[..."×✗✘☒"].map((mark) => [mark, "in_progress"] as const),
]);
const DRAFT_WORDS = ["未启动", "尚未启动", "未开始", "待启动", "未开展"];
// Not rectified at all (未整改, 尚未整改, 暂未整改, 没有整改): not started, unlike 部分整改 (begun) and 未整改到位
// (begun, not up to standard), which are in progress.
// A short adverb may lead it (目前尚未整改, 均未整改, 至今仍未整改); trailing punctuation is dropped before.
const NOT_STARTED =
  /^(目前|当前|现在|至今|截至目前)?(均|都|全部|仍然|依然|暂时|仍|尚|暂|还)*(未|没有|没)(开始)?(进行)?整改$/;
/** A sentence's closing marks (未整改。, 已完成；): no part of the status. */
const TRAILING_MARKS = /[。．.!！;；,，、…~～]+$/u;
const SUBMITTED_WORDS = ["待审核", "审核中", "已提交", "待验收", "申请销号", "待销号"];
const OPEN_WORDS = ["逾期", "临期", "超期", "进行中", "办理中", "正在办理", "整改中"];
// Part done, or begun and not finished (部分完成, 已完成部分, 阶段性完成, 完成80%, 落实中, 在办, 未到位):
// read before the words of completion they contain.
const PARTLY_DONE = /部分|阶段性|未|落实中|正在落实|在办|已启动|推进中|^推进$|(?<!100)%$/;
/**
 * Basically done (基本完成, 基本整改, 基本整改到位, 整改基本到位): the stage is closed and the work goes on — a
 * long-term measure's closed stage, from which the problem derives 基本完成、持续深化, as the notice import reads it.
 */
const BASICALLY_DONE = /基本(完成|整改|落实|到位|办结)|(完成|整改|落实)基本(完成|到位)/;
/** Completion said in the clerk's own words (完成, 办结, 已落实, 已到位, 完毕). */
const DONE_WORDS = /^(已?(完成|办结|完结|落实|到位|落实到位)|完毕|100%)$/;

/**
 * A measure's state from its 状态 cell: the ledger's labels (待启动, 推进中, 待审核, 已销号; 已退回 comes back
 * as 推进中), then the notice import's status words (已完成 → closed, 正在推进 → in progress, 基本完成 / 长期坚持
 * → closed stage of a long-term measure, `longTerm`), then 未启动 / 待审核 / 逾期 and similar. 未整改 (and 尚未整改,
 * 暂未整改, 没有整改) is not started (draft); 部分整改 and 未整改到位 are begun (in progress). Empty → null.
 */
export function parseMeasureStatus(
  text: string,
): Parsed<{ state: ImportableState; longTerm: boolean } | null> {
  const written = withoutRemarks(clean(text));
  // Marks alone (a cell of “。”) stay what they are: no status, said as unknown below.
  const s = written.replace(TRAILING_MARKS, "") || written;
  if (s === "") return { ok: true, value: null };
  // A 是否完成 column answers yes or no: yes is done, no is still being worked on.
  const answer = YES_NO.get(s);
  if (answer !== undefined) return { ok: true, value: { state: answer, longTerm: false } };
  const exact = STATE_BY_LABEL.get(s);
  if (exact !== undefined) return { ok: true, value: { state: exact, longTerm: false } };
  if (NOT_STARTED.test(s) || DRAFT_WORDS.some((w) => s.includes(w)))
    return { ok: true, value: { state: "draft", longTerm: false } };
  if (SUBMITTED_WORDS.some((w) => s.includes(w)))
    return { ok: true, value: { state: "submitted", longTerm: false } };
  if (BASICALLY_DONE.test(s) && !/未|没有/.test(s))
    return { ok: true, value: { state: "closed", longTerm: true } };
  if (PARTLY_DONE.test(s)) return { ok: true, value: { state: "in_progress", longTerm: false } };
  if (DONE_WORDS.test(s)) return { ok: true, value: { state: "closed", longTerm: false } };
  const status = statusFromWords(s);
  if (status === "completed") return { ok: true, value: { state: "closed", longTerm: false } };
  if (status === "long_term") return { ok: true, value: { state: "closed", longTerm: true } };
  if (status === "in_progress" || OPEN_WORDS.some((w) => s.includes(w)))
    return { ok: true, value: { state: "in_progress", longTerm: false } };
  return {
    ok: false,
    message: `无法识别状态“${text.trim().slice(0, 30)}”（可写作 待启动、推进中、待审核、已销号、已完成、正在推进、基本完成）`,
  };
}

/** Longest 进展 cell still read as a status phrase (部分整改, 已整改到位); longer cells report the work done. */
export const STATUS_PHRASE_MAX = 8;

/** What a report of work done (longer than a status phrase, not closing with one) says of its measure. */
const REPORT_BEGUN = "推进中";

/** The status a short phrase gives, as written; "" when it is none. */
const statusPhrase = (s: string): string => {
  if (s.length > STATUS_PHRASE_MAX) return "";
  const status = parseMeasureStatus(s);
  return status.ok && status.value !== null ? s : "";
};

/**
 * The status a 进展/整改情况 cell gives when the sheet has no status column: audit and township ledgers often
 * write only 已整改 / 正在推进 there. A longer report (1.3月5日召开会议…；2.…) says how the measure stands in its
 * closing clause when that is a status phrase (…。该项整改已完成。, …，目前正在推进。); otherwise it reports work done,
 * so the measure has begun (推进中). Short words that are no status give "" (no status).
 */
export function statusFromProgress(text: string): string {
  const s = withoutRemarks(clean(text));
  if (s.length <= STATUS_PHRASE_MAX) return statusPhrase(s);
  const clauses = s.split(/[。;；!！,，]+/u).filter((c) => c !== "");
  return statusPhrase(clauses[clauses.length - 1] ?? "") || REPORT_BEGUN;
}

/** 立行立改 / 限期整改 / 长期坚持 (and 立即整改, 限时整改, 长期 …). Empty → null. */
export function parseMeasureKind(text: string): Parsed<MeasureKind | null> {
  const s = clean(text);
  if (s === "") return { ok: true, value: null };
  const exact = MEASURE_KINDS.find((k) => MEASURE_KIND_LABELS[k] === s);
  const kind = exact ?? groupKind(s) ?? (s === "长期" ? "long_term" : null);
  return kind === null
    ? {
        ok: false,
        message: `无法识别类型“${text.trim().slice(0, 30)}”（应为 立行立改、限期整改 或 长期坚持）`,
      }
    : { ok: true, value: kind };
}

const REASON_WORDS: readonly (readonly [WithholdingReason, RegExp])[] = [
  ["state_secret", /国家秘密/],
  ["work_secret", /工作秘密/],
  ["trade_secret", /商业秘密/],
  ["personal_privacy", /个人隐私/],
  ["security_stability", /安全|稳定/],
];

/** 社会公开 / 党内 / 不公开（涉及工作秘密）. Empty → null. */
export function parseDisclosure(
  text: string,
): Parsed<{ disclosure: Disclosure; reason: WithholdingReason | null } | null> {
  const s = clean(text);
  if (s === "") return { ok: true, value: null };
  if (/^(不公开|不予公开|不宜公开|不对外公开|否)/.test(s)) {
    const reason =
      WITHHOLDING_REASONS.find(
        (r) => WITHHOLDING_REASON_LABELS[r] === withoutRemarks(s.replace(/^[^(]*\(|\)$/g, "")),
      ) ??
      REASON_WORDS.find(([, re]) => re.test(s))?.[0] ??
      null;
    return { ok: true, value: { disclosure: "withheld", reason } };
  }
  if (/^(党内|内部)/.test(s)) return { ok: true, value: { disclosure: "internal", reason: null } };
  if (s === DISCLOSURE_LABELS.public || /^(公开|可公开|是|向社会公开)/.test(s))
    return { ok: true, value: { disclosure: "public", reason: null } };
  return {
    ok: false,
    message: `无法识别公开范围“${text.trim().slice(0, 30)}”（应为 社会公开、党内 或 不公开）`,
  };
}

/** How the export writes a disclosure: 不公开 carries its reason in brackets. */
export const disclosureText = (disclosure: Disclosure, reason: WithholdingReason | null): string =>
  disclosure === "withheld" && reason
    ? `${DISCLOSURE_LABELS.withheld}（${WITHHOLDING_REASON_LABELS[reason]}）`
    : DISCLOSURE_LABELS[disclosure];

export function parseOutcomeKind(text: string): Parsed<OutcomeKind> {
  const s = clean(text);
  const kind = OUTCOME_KINDS.find((k) => clean(OUTCOME_KIND_LABELS[k]) === s);
  return kind === undefined
    ? {
        ok: false,
        message: `无法识别成效类型“${text.trim().slice(0, 30)}”（应为 ${OUTCOME_KINDS.map((k) => OUTCOME_KIND_LABELS[k]).join("、")} 之一）`,
      }
    : { ok: true, value: kind };
}

export function parseSanction(text: string): Parsed<SanctionType | null> {
  const s = clean(text);
  if (s === "") return { ok: true, value: null };
  const type = SANCTION_TYPES.find((t) => SANCTION_TYPE_LABELS[t] === s);
  return type === undefined
    ? { ok: false, message: `无法识别处分类型“${text.trim().slice(0, 30)}”` }
    : { ok: true, value: type };
}

/**
 * A quantity cell → decimal string as ledger-input wants it ("3", "12.50"). 万元 converts to 元 exactly.
 * Negative, non-numeric or more than two decimals (after conversion) is an error.
 */
export function parseQuantity(value: string | number, unit: string): Parsed<string> {
  const raw =
    typeof value === "number"
      ? Number.isFinite(value)
        ? String(value)
        : ""
      : clean(value).replace(/,/g, "");
  const m = /^(\d+)(?:\.(\d+))?$/.exec(raw);
  if (!m) return { ok: false, message: `数量“${String(value).slice(0, 20)}”不是非负数` };
  let [whole, frac] = [m[1] as string, m[2] ?? ""];
  if (clean(unit) === "万元") {
    frac = frac.padEnd(4, "0");
    whole = `${whole}${frac.slice(0, 4)}`;
    frac = frac.slice(4);
  }
  frac = frac.replace(/0+$/, "");
  whole = whole.replace(/^0+(?=\d)/, "");
  if (frac.length > 2)
    return { ok: false, message: `数量“${String(value).slice(0, 20)}”最多两位小数（单位：元）` };
  return { ok: true, value: frac === "" ? whole : `${whole}.${frac}` };
}
