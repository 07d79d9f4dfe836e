// The shapes of a notice's headings: which heading is a status or aspect group, which one names a problem, which
// section a top-level heading opens. Decides by the words and shape of one heading, never by known titles.

import type { HeadingLine } from "./classify-lines.ts";
import type { NoticeProblemKind, NoticeProblemStatus } from "./notice-draft.ts";
import { groupKind, statusFromWords } from "./status-words.ts";

export type SectionKind = "intro" | "organisation" | "body" | "plan" | "other";

export interface OutlineGroup {
  readonly type: "status" | "aspect";
  readonly rank: number;
  readonly heading: HeadingLine;
  readonly status: NoticeProblemStatus | null;
  readonly kind: NoticeProblemKind | null;
  /** Aspect name without 关于/方面/counts. */
  readonly name: string;
  /** The bracketed count text of the heading ("6个问题，已整改5个，正在整改1个"), if any. */
  readonly countText: string | null;
}

const COUNT_BRACKET = /（([^（）]*\d*[个项条][^（）]*)）$/;
const QUOTED = /“[^”]*”|‘[^’]*’|"[^"]*"|「[^」]*」/g;
const STATUS_LABEL = /【([^】]{1,12})】/;
// A status written in brackets after a title: （已完成） [基本完成] 〔正在推进〕 【持续整改】.
const TRAILING_STATUS = new RegExp(
  "(?:[（【〔\\[(]([^（）【】〔〕\\[\\]()]{2,12})[）】〕\\])]" + // （已完成） [基本完成]
    "|(?:——|—|--|－－)\\s*([^—－-]{2,12}?))" + // ——已完成
    "[。：；，\\s]*$",
);

/** The status of a bracket at the end of a heading's title, when the bracket holds only status words. */
export function trailingStatusWord(title: string): string | null {
  const m = TRAILING_STATUS.exec(title);
  const word = m?.[1] ?? m?.[2];
  return word !== undefined && statusFromWords(word) !== null ? word : null;
}

/** Headings that name a problem by their own words (问题一：, 整改事项二：, 针对“…”的问题，…). */
export const isNamedProblem = (h: HeadingLine): boolean =>
  h.marker === "problem_no" || h.marker === "lead_phrase" || h.named === true;

const stripCount = (t: string): string => t.replace(COUNT_BRACKET, "").replace(/[：。，\s]+$/, "");

function statusGroupOf(h: HeadingLine): OutlineGroup | null {
  if (h.rank > 2) return null;
  const t = stripCount(h.title).replace(/^关于/, "");
  if (t.length > 24 || /[“”"‘’]/.test(t)) return null;
  if (!/^(?:已|正在|尚未|未|基本|持续|需|长期|立行立改|限期|限时|立即|阶段性|分阶段)/.test(t)) return null;
  if (!/(?:问题|事项|任务|类|情况)$/.test(t) && t.length > 10) return null;
  const status = statusFromWords(t);
  const kind = groupKind(t);
  if (status === null && kind === null) return null;
  return { type: "status", rank: h.rank, heading: h, status, kind, name: t, countText: countTextOf(h.title) };
}

const countTextOf = (title: string): string | null => COUNT_BRACKET.exec(title)?.[1] ?? null;

/** The status or aspect group a heading opens, or null when it opens none. */
export const groupOf = (h: HeadingLine): OutlineGroup | null => statusGroupOf(h) ?? aspectGroupOf(h);

/** An aspect heading: ends with 方面 (quotes aside) or carries a "（N个问题）" count. */
function aspectGroupOf(h: HeadingLine): OutlineGroup | null {
  const countText = countTextOf(h.title);
  const bare = stripCount(h.title);
  const unquoted = bare.replace(QUOTED, "");
  // 方面 followed at most by a short "…的问题" tail: 方面存在的问题, 方面审计发现的问题, 方面反馈的主要问题.
  const endsWithAspect = /方面(?:[^，。；、\d]{0,8}?问题)?$/.test(unquoted);
  const hasProblemCount =
    countText !== null && /\d+\s*[个项]问题|[零〇一二两三四五六七八九十百千]+[个项]问题/.test(countText);
  if (!endsWithAspect && !hasProblemCount) return null;
  const name = aspectName(bare);
  return { type: "aspect", rank: h.rank, heading: h, status: null, kind: null, name, countText };
}

/** "关于贯彻落实…方面（4个问题）" → "贯彻落实…"; "预算执行方面存在的问题" → "预算执行". */
export function aspectName(title: string): string {
  const name = stripCount(title)
    .replace(/^(?:关于|在)/, "")
    .replace(/方面(?:[^，。；、\d]{0,8}?问题)?$/, "");
  return name === "" ? stripCount(title) : name;
}

const PLAN_SECTION =
  /下一步|下步|今后|打算|工作安排|工作计划|整改计划|努力方向|工作思路|巩固整改成果|长效机制/;
const ORG_SECTION = /组织|总体|基本情况|整体情况|主要做法|工作开展情况|领导/;
const BODY_SECTION = /问题|落实情况|整改情况|整改进展|整改结果|具体情况/;

export function sectionOf(h: HeadingLine): SectionKind {
  if (PLAN_SECTION.test(h.title)) return "plan";
  if (ORG_SECTION.test(h.title) && !/问题/.test(h.title)) return "organisation";
  if (BODY_SECTION.test(h.title)) return "body";
  return "other";
}

export const SHORTFALL = /不|未|无|缺|滞后|薄弱|差距|偏|乱|难|弱|低|慢|虚|松|欠|漏|短板|隐患|风险|违规|超标/;

/** A heading that names a problem by its shape: 关于“…”/关于…问题, …问题, 问题N：, or a 【status】 label. */
export function isStrongProblem(h: HeadingLine): boolean {
  if (isNamedProblem(h)) return true;
  if (trailingStatusWord(h.title) !== null) return true;
  const t = h.title.replace(STATUS_LABEL, "").replace(/[。：；\s]+$/, "");
  if (/^关于/.test(t) && /问题|“|"/.test(t)) return true;
  if (/问题(?:的整改|整改)?(?:情况)?$/.test(t) && h.rank > 1) return true;
  // At the top level "…的问题" may be a section ("二、存在的问题"); a problem names a shortfall.
  if (/^.{6,}的问题$/.test(t) && SHORTFALL.test(t.slice(0, -3))) return true;
  return STATUS_LABEL.test(h.title) && statusFromWords(STATUS_LABEL.exec(h.title)?.[1] ?? "") !== null;
}

/** A heading that groups problems without saying 方面: an aspect named by its words. */
export const unnamedGroup = (h: HeadingLine): OutlineGroup => ({
  type: "aspect",
  rank: h.rank,
  heading: h,
  status: null,
  kind: null,
  name: aspectName(h.title),
  countText: countTextOf(h.title),
});
