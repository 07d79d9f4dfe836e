// One problem of the outline → its draft: short title, labelled blocks split into items, measures, ongoing
// items with deadlines, status by precedence (section > label > group > closing sentence), outcome candidates.

import { classifyLines, type ClassifiedLine, type HeadingLine, type LabelLine } from "./classify-lines.ts";
import { findDeadline, type DeadlineReference } from "./notice-dates.ts";
import type {
  NoticeBlock,
  NoticeBlockKind,
  NoticeOngoing,
  NoticeProblem,
  NoticeProblemStatus,
  NoticeStatusSource,
} from "./notice-draft.ts";
import { trailingStatusWord } from "./notice-headings.ts";
import type { OutlineProblem } from "./notice-outline.ts";
import { splitSentences } from "./normalize-text.ts";
import { findOutcomeCandidates } from "./outcome-candidates.ts";
import { GROUP_DEFAULT_STATUS, leadingStatus, statusFromAnswer, statusFromWords } from "./status-words.ts";

const STATUS_LABEL = /【([^】]{1,12})】/g;
const ACTION_FIRST =
  /^[^，。；]{2,40}[，；]\s*(?:着力|切实|有效|重点|彻底|坚决|认真|全力|进一步|从根本上)?(?:解决|破解|整治|纠正|扭转|改变|堵塞|根治)(.{2,80}?(?:的|等)?问题)$/;
const OPEN_CLOSE: Readonly<Record<string, string>> = { "“": "”", '"': '"', "‘": "’", "「": "」", "『": "』" };

/**
 * The short title of a problem heading: without 【labels】, the 关于…问题(的整改) wrapper, and the outer
 * quotes when the whole title is one quotation. Inner quotes are kept.
 */
export function cleanTitle(raw: string): string {
  let t = raw
    .replace(STATUS_LABEL, "")
    .replace(/[。：；，、\s]+$/, "")
    .trim();
  const status = trailingStatusWord(t);
  if (status !== null) t = t.slice(0, t.lastIndexOf(status) - 1).replace(/[。：；，、—－\s-]+$/, "");
  // Action first, problem last: "健全投资决策机制，着力解决“三重一大”决策程序不规范的问题" names the problem after 解决.
  const action = ACTION_FIRST.exec(t);
  if (action?.[1] !== undefined) t = action[1];
  // "…，存在公务接待超标准问题": 问题 is the object of 存在, part of the finding, not a wrapper around it.
  if (!/^关于/.test(t) && /(?:^|[，；])存在[^，；]*问题$/.test(t)) return unquoted(t);
  const unwrapped = t
    .replace(/^关于/, "")
    .replace(/问题(?:的)?整改(?:落实)?(?:情况|进展情况)?$/, "问题")
    .replace(/(?:的|等)?问题$/, "");
  if (unwrapped !== "") t = unwrapped;
  return unquoted(t);
}

// The outer quotes when the whole title is one quotation; inner quotes are kept.
function unquoted(title: string): string {
  let t = title;
  const close = OPEN_CLOSE[t[0] ?? ""];
  if (close !== undefined && t.length > 2 && t.endsWith(close) && !t.slice(1, -1).includes(close))
    t = t.slice(1, -1);
  return t.trim();
}

// 一是/二是 (and 第一是) at the start of a sentence or clause; （1）/① items run inline after 。；：.
const ENUMERATOR =
  /(?:^|(?<=[。；：，！？\s]))(?:第?[一二三四五六七八九十]{1,3})是(?=\S)|(?<=[。；：])\s*(?:（\d{1,3}）|[①-⑳])/g;

interface ItemSplit {
  readonly items: string[];
  readonly structured: boolean;
  /** Paragraphs before the first item of a structured run (a lead-in such as "下一步，…"); empty otherwise. */
  readonly lead: string[];
}

/** Splits block lines into items: 一是/二是 runs, or numbered sub-headings, else one item per paragraph. */
export function splitItems(lines: readonly ClassifiedLine[], semicolons: boolean): ItemSplit {
  const headingRanks = lines.filter((l): l is HeadingLine => l.kind === "heading").map((l) => l.rank);
  const itemRank = headingRanks.length > 0 ? Math.min(...headingRanks) : undefined;
  const items: string[] = [];
  const loose: string[] = [];
  let structured = false;
  const append = (text: string): void => {
    if (items.length === 0) items.push(text);
    else items[items.length - 1] = `${items[items.length - 1] as string}\n${text}`;
  };
  for (const l of lines) {
    const opensItem = l.kind === "heading" && l.rank === itemRank;
    const text = opensItem ? l.body : l.text;
    const starts = [...text.matchAll(ENUMERATOR)];
    if (opensItem) structured = true;
    if (starts.length === 0) {
      if (opensItem) items.push(text);
      else if (structured) append(text);
      else loose.push(text);
      continue;
    }
    structured = true;
    const before = text.slice(0, starts[0]?.index ?? 0).trim();
    if (opensItem && before !== "") items.push(before);
    else if (before !== "" && items.length > 0) append(before);
    starts.forEach((m, i) => {
      const end = starts[i + 1]?.index ?? text.length;
      items.push(text.slice(m.index + m[0].length, end).trim());
    });
  }
  const tidy = (t: string): string => t.trim().replace(/[；，、\s]+$/, "");
  if (structured) return { items: items.map(tidy).filter((t) => t !== ""), structured, lead: loose };
  if (semicolons && loose.length === 1) {
    const parts = (loose[0] as string)
      .split(/；/)
      .map((s) => s.trim())
      .filter((s) => s !== "");
    return { items: parts.map(tidy).filter((t) => t !== ""), structured: false, lead: [] };
  }
  return { items: loose, structured: false, lead: [] };
}

interface RawBlock {
  label: string;
  kind: NoticeBlockKind;
  lines: ClassifiedLine[];
}

const CLOSING_SUBJECT = /(?:该|此|本|上述|这[个一]?|以上)(?:项)?问题|^目前|^截至目前|^现已|^截至/;

// A short last sentence that is only a status ("已整改完成。", "目前正在整改。").
const BARE_CLOSING_MAX = 12;

function closingStatus(
  lines: readonly ClassifiedLine[],
): { status: NoticeProblemStatus; sentence: string } | null {
  let found: { status: NoticeProblemStatus; sentence: string } | null = null;
  let last = "";
  for (const l of lines) {
    for (const sentence of splitSentences(l.kind === "label" ? l.rest : l.text)) {
      last = sentence;
      if (!CLOSING_SUBJECT.test(sentence)) continue;
      const status = statusFromWords(sentence);
      if (status !== null) found = { status, sentence };
    }
  }
  // "已于2024年11月底前整改完成。": the date says when, the sentence still says only how the problem stands.
  const undated = last.replace(STATUS_DATE, "");
  if (
    found === null &&
    undated.length <= BARE_CLOSING_MAX &&
    leadingStatus(undated.replace(/^(?:目前|现|均|已经)，?/, "")) !== null
  ) {
    const status = statusFromWords(last);
    if (status !== null) found = { status, sentence: last };
  }
  // "…，质监站标准化建设已完成。": the last clause ends on a status. The sentence is work done as well, so it
  // stays in the measures (an empty sentence strips nothing).
  const clause = last.split("，").pop() ?? "";
  if (found === null && clause.length <= CLAUSE_MAX && CLAUSE_STATUS.test(clause)) {
    const status = statusFromWords(clause);
    if (status !== null) found = { status, sentence: "" };
  }
  return found;
}

// Fewest items with their own bracketed status for them to decide the problem's.
const ITEMS_WITH_STATUS_MIN = 2;
const ITEM_ORDER: readonly NoticeProblemStatus[] = ["in_progress", "long_term", "completed"];

/**
 * "整改任务3.1：…（已完成）" "整改任务3.2：…（推进中）": a problem whose measures each end on a bracketed status
 * stands as its least advanced measure (one in progress keeps the problem in progress).
 */
function itemsStatus(lines: readonly ClassifiedLine[]): NoticeProblemStatus | null {
  const found = lines
    .map((l) => trailingStatusWord(l.text))
    .flatMap((w) => (w === null ? [] : [statusFromWords(w)]))
    .filter((s): s is NoticeProblemStatus => s !== null);
  if (found.length < ITEMS_WITH_STATUS_MIN) return null;
  return ITEM_ORDER.find((s) => found.includes(s)) ?? null;
}

// "截至目前，该问题已整改完成。" before the labelled blocks: a status, not work done.
const onlySaysHowItStands = (text: string): boolean =>
  splitSentences(text).every((s) => CLOSING_SUBJECT.test(s) && statusFromWords(s) !== null);

const CLAUSE_MAX = 16;
// A date inside a status sentence (于2024年11月底前, 在二〇二四年十月), read around; the date is kept elsewhere.
const STATUS_DATE =
  /(?<=^(?:目前|现|均|已经)?，?已)[于在]?(?:\d{4}|[〇零一二三四五六七八九]{4})年(?:[\d一二三四五六七八九十]{1,3}月)?(?:[\d一二三四五六七八九十]{1,3}日)?(?:底|末|初|中旬|上旬|下旬)?(?:前|之前)?/;
const BRACKET_LEAD = /^[（【[〔]/;
const CLAUSE_STATUS =
  /(?:已完成|已完成整改|已整改完成|已整改到位|整改完毕|已办结|已销号|正在推进|正在整改|基本完成|持续推进|长期坚持|达到序时进度|按序时推进|按计划推进)[。！]?$/;

export interface ProblemContext {
  readonly no: number;
  readonly reference: DeadlineReference;
}

/** Builds the draft of one problem; never throws. */
export function buildProblem(p: OutlineProblem, ctx: ProblemContext): NoticeProblem {
  const head = p.heading;
  const { rawTitle, numberAsWritten, headRest, finding } = headingParts(head);
  const content: ClassifiedLine[] = [
    ...(headRest === "" ? [] : classifyLines([{ n: head.n, text: headRest }])),
    ...p.content,
  ];

  const blocks: RawBlock[] = [];
  const loose: ClassifiedLine[] = [];
  if (finding !== null)
    blocks.push({
      label: (head as LabelLine).label,
      kind: "finding",
      lines: [{ kind: "text", n: head.n, text: finding }],
    });
  for (const l of content) {
    if (l.kind === "label") {
      const kind: NoticeBlockKind = l.blockKind === "problem" ? "finding" : l.blockKind;
      blocks.push({
        label: l.label,
        kind,
        lines: l.rest === "" ? [] : classifyLines([{ n: l.n, text: l.rest }]),
      });
      continue;
    }
    const current = blocks[blocks.length - 1];
    if (current) current.lines.push(l);
    else loose.push(l);
  }

  const labelled = blocks.map((b): NoticeBlock => {
    const text = b.lines.map((l) => l.text).join("\n");
    return { label: b.label, kind: b.kind, text, items: splitItems(b.lines, b.kind === "measures").items };
  });

  // Status, strongest source first.
  const closing = closingStatus(content);
  const fromItems = itemsStatus(content);
  const bracketed = head.kind === "heading" ? trailingStatusWord(head.title) : null;
  // "3.关于…的问题：已完成": the status right after the title.
  const afterTitle = head.kind === "heading" ? (leadingStatus(head.rest)?.status ?? null) : null;
  const headLabel =
    [...head.text.matchAll(STATUS_LABEL)].map((m) => statusFromWords(m[1] ?? "")).find((s) => s !== null) ??
    (bracketed === null ? null : statusFromWords(bracketed)) ??
    afterTitle;
  const statusBlock = labelled.find((b) => b.kind === "status");
  const leadingInBlock =
    labelled
      .filter((b) => b.kind === "progress" || b.kind === "measures")
      .map((b) => leadingStatus(b.text))
      .find((s) => s !== null) ??
    // "（已完成）建立审计整改跟踪台账。": a bracketed status opening the problem's text.
    (BRACKET_LEAD.test(loose[0]?.text ?? "") ? leadingStatus(loose[0]?.text ?? "") : null);
  const labelStatus =
    headLabel ??
    (statusBlock
      ? (statusFromAnswer(statusBlock.label, statusBlock.text) ?? statusFromWords(statusBlock.text))
      : null) ??
    leadingInBlock?.status ??
    null;
  let status: NoticeProblemStatus | null = null;
  let statusSource: NoticeStatusSource | null = null;
  if (p.status?.status) [status, statusSource] = [p.status.status, "section"];
  else if (labelStatus) [status, statusSource] = [labelStatus, "label"];
  else if (fromItems) [status, statusSource] = [fromItems, "sentence"];
  // The problem's own closing words beat the default of its 立行立改/限期整改 group.
  else if (closing) [status, statusSource] = [closing.status, "sentence"];
  else if (p.status?.kind) [status, statusSource] = [GROUP_DEFAULT_STATUS[p.status.kind], "group"];

  // Measures: blocks that say 措施, else the progress blocks, else the unlabelled text.
  const byKind = (k: NoticeBlockKind): NoticeBlock[] => labelled.filter((b) => b.kind === k);
  // Without a 措施 block, the unlabelled items (1. 2. under the heading) and the progress blocks both say what
  // was done; neither is dropped for the other.
  const measureBlocks = byKind("measures").length > 0 ? byKind("measures") : byKind("progress");
  let measureTexts =
    byKind("measures").length > 0
      ? measureBlocks.flatMap((b) => b.items)
      : [
          ...splitItems(loose, false).items.filter((t) => !onlySaysHowItStands(t)),
          ...measureBlocks.flatMap((b) => b.items),
        ];
  measureTexts = stripLeadingStatus(stripClosing(measureTexts, closing?.sentence));

  const ongoing: NoticeOngoing[] = byKind("ongoing")
    .flatMap((b) => b.items)
    .map((text) => {
      const found = findDeadline(text, ctx.reference);
      return found.deadline === null && found.longTerm
        ? { text, deadline: null, longTerm: true }
        : { text, deadline: found.deadline };
    });

  const problem: NoticeProblem = {
    no: ctx.no,
    numberAsWritten,
    title: cleanTitle(rawTitle),
    heading: head.text,
    ...(p.aspect ? { aspect: p.aspect.name } : {}),
    status,
    statusSource,
    ...(p.status?.kind ? { kind: p.status.kind } : {}),
    measures: measureTexts.map((text) => ({ text })),
    ongoing,
    outcomes: content.flatMap((l) => findOutcomeCandidates(l.kind === "label" ? l.rest : l.text)),
    blocks: labelled,
    text: loose.map((l) => l.text),
    line: head.n,
  };
  return withResponsibility(problem, labelled, ctx.reference, closing?.sentence);
}

function headingParts(head: HeadingLine | LabelLine): {
  rawTitle: string;
  numberAsWritten: string | null;
  headRest: string;
  finding: string | null;
} {
  if (head.kind === "heading")
    return {
      rawTitle: head.title,
      numberAsWritten: head.number === "" ? null : head.number,
      headRest: head.rest,
      finding: null,
    };
  // "问题：某区存在…问题。" — the first sentence is the title, the whole text the finding.
  const first = splitSentences(head.rest)[0] ?? head.rest;
  return { rawTitle: first, numberAsWritten: null, headRest: "", finding: head.rest };
}

function stripClosing(items: string[], sentence: string | undefined): string[] {
  if (sentence === undefined || items.length === 0) return items;
  const last = items[items.length - 1] as string;
  if (!last.endsWith(sentence)) return items;
  const kept = last.slice(0, last.length - sentence.length).trim();
  return kept === "" ? items.slice(0, -1) : [...items.slice(0, -1), kept];
}

// "已整改。上述单位…" → "上述单位…": the status clause is a label, not part of the measure.
function stripLeadingStatus(items: string[]): string[] {
  const first = items[0];
  if (first === undefined) return items;
  const lead = leadingStatus(first);
  if (lead === null) return items;
  const m = /^[^。，；]{0,10}[。，；]/.exec(first);
  // "3.关于…的问题：已完成": the status alone is no measure.
  if (m === null) return first.replace(/[。；，\s]+$/, "") === lead.word ? items.slice(1) : items;
  if (!m[0].includes(lead.word)) return items;
  const rest = first.slice(m[0].length).trim();
  return rest === "" ? items.slice(1) : [rest, ...items.slice(1)];
}

function withResponsibility(
  p: NoticeProblem,
  blocks: readonly NoticeBlock[],
  reference: DeadlineReference,
  closing: string | undefined,
): NoticeProblem {
  const first = (k: NoticeBlockKind): string | undefined =>
    blocks.find((b) => b.kind === k)?.text.trim() || undefined;
  const leader = first("responsible_leader");
  const unit = first("responsible_unit");
  const deadlineText = first("deadline");
  const found =
    deadlineText !== undefined
      ? findDeadline(deadlineText, reference, false)
      : closing !== undefined
        ? findDeadline(closing, reference)
        : null;
  return {
    ...p,
    ...(leader !== undefined ? { responsibleLeader: leader } : {}),
    ...(unit !== undefined ? { responsibleUnit: unit } : {}),
    ...(found?.deadline ? { deadline: found.deadline } : {}),
    ...(deadlineText !== undefined ? { deadlineText } : {}),
    ...(found?.longTerm && deadlineText !== undefined ? { deadlineLongTerm: true as const } : {}),
  };
}
