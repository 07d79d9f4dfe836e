// Numbers with a counting unit in notice text (47人, 150场次, 7个, 14项, 27.48万元) → outcome candidates with
// the sentence they came from. The kind is a guess from the words nearest the number; never a stored fact.

import type { OutcomeKind } from "../../domain/outcome.ts";
import { parseChineseNumber } from "../../domain/chinese-numerals.ts";
import { splitSentences } from "./normalize-text.ts";
import type { NoticeOutcome } from "./notice-draft.ts";

// Longer units first so that 人次 wins over 人 and 万元 over 元.
const UNITS = [
  "亿元",
  "万元",
  "千元",
  "元",
  "人次",
  "场次",
  "万册",
  "万页",
  "万人",
  "人",
  "名",
  "位",
  "场",
  "次",
  "个",
  "项",
  "条",
  "家",
  "所",
  "篇",
  "期",
  "户",
  "件",
  "批",
  "台",
  "套",
  "起",
  "份",
  "册",
  "页",
  "处",
  "轮",
  "支",
  "笔",
];
// Arabic numbers (with thousands separators and decimals); Chinese numerals only for a few units where
// they mean a count ("谈话提醒三人"), since 一项/一个 usually just mean "a".
const OUTCOME_RE = new RegExp(
  `(?<![\\d.第])(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)\\s*(?:余|多)?\\s*(${UNITS.join("|")})` +
    `|(?<![第\\u4e00-\\u9fff])([二两三四五六七八九十][十百零一二三四五六七八九]*)(?:余|多)?(人次|人|名|项|条|场次)`,
  "g",
);

// Keywords → kind. The keyword nearest before the number decides (then the longest); else the nearest after.
const KEYWORDS: readonly (readonly [string, OutcomeKind | "rules" | "funds" | "people"])[] = [
  ["诫勉谈话", "people_accountable"],
  ["诫勉", "people_accountable"],
  ["问责", "people_accountable"],
  ["处分", "people_accountable"],
  ["处理", "people"],
  ["追责", "people_accountable"],
  ["免职", "people_accountable"],
  ["约谈", "admonition_talks"],
  ["谈话提醒", "admonition_talks"],
  ["提醒谈话", "admonition_talks"],
  ["谈话", "admonition_talks"],
  ["线索", "clues_transferred"],
  ["制度", "rules"],
  ["办法", "rules"],
  ["规定", "rules"],
  ["细则", "rules"],
  ["规则", "rules"],
  ["机制", "rules"],
  ["党课", "lectures"],
  ["讲座", "lectures"],
  ["宣讲", "lectures"],
  ["培训", "trainings"],
  ["轮训", "trainings"],
  ["研修", "trainings"],
  ["会议", "meetings"],
  ["党委会", "meetings"],
  ["党组会", "meetings"],
  ["办公会", "meetings"],
  ["座谈会", "meetings"],
  ["资金", "funds"],
  ["费用", "funds"],
  ["款", "funds"],
];
const MONEY_UNITS = new Set(["亿元", "万元", "千元", "元"]);
const PEOPLE_UNITS = new Set(["人", "名", "人次", "位"]);
const TRAINING_UNITS = new Set(["次", "场", "场次", "期", "轮", "人", "名", "人次", "班"]);
const RULE_UNITS = new Set(["项", "个", "条", "份", "部", "套", "件"]);
const COUNT_UNITS_FOR_MEETINGS = new Set(["次", "场", "场次"]);

/** Finds outcome candidates in text; each keeps the sentence it came from. */
export function findOutcomeCandidates(text: string): NoticeOutcome[] {
  const found: NoticeOutcome[] = [];
  for (const sentence of splitSentences(text)) {
    for (const m of sentence.matchAll(OUTCOME_RE)) {
      const unit = (m[2] ?? m[4]) as string;
      const written = m[1] ?? m[3];
      if (written === undefined) continue;
      if (isNotAnOutcome(sentence, m.index, m.index + m[0].length)) continue;
      const quantity =
        m[1] !== undefined ? written.replace(/,/g, "") : String(parseChineseNumber(written) ?? "");
      if (quantity === "") continue;
      found.push({
        kind: guessKind(sentence, m.index, m.index + m[0].length, unit),
        quantity,
        unit,
        source: sentence,
      });
    }
  }
  return found;
}

// "3个月", "5年", "2个百分点" are durations or ratios; "3个方面10个问题", "已整改完成7个", "38条整改措施"
// are the notice's own counts of problems and measures, not outcomes.
function isNotAnOutcome(sentence: string, start: number, end: number): boolean {
  if (
    /^(?:月|年|百分点|工作日|小时|天|周|季度|%|方面|问题|整改措施|措施|具体问题|中已|中，)/.test(
      sentence.slice(end),
    )
  )
    return true;
  return /(?:已整改完成|已完成整改|已整改|正在整改|推进中|长期坚持|持续整改|已完成|已落实|整改措施|未整改)$/.test(
    sentence.slice(0, start),
  );
}

function guessKind(sentence: string, start: number, end: number, unit: string): OutcomeKind {
  const clauseStart =
    Math.max(sentence.lastIndexOf("，", start - 1), sentence.lastIndexOf("、", start - 1)) + 1;
  const before = sentence.slice(clauseStart, start);
  const rest = sentence.slice(end);
  const after = rest.slice(0, Math.max(0, rest.search(/[，。；]|$/)));
  const nearest = nearestKeyword(before, "before") ?? nearestKeyword(after, "after");
  const kind = refine(nearest, unit, before + after);
  if (kind !== undefined) return kind;
  return MONEY_UNITS.has(unit) ? moneyKind(before + after) : "other";
}

function nearestKeyword(text: string, side: "before" | "after"): (typeof KEYWORDS)[number][1] | undefined {
  let best: { pos: number; len: number; kind: (typeof KEYWORDS)[number][1] } | undefined;
  for (const [word, kind] of KEYWORDS) {
    const at = side === "before" ? text.lastIndexOf(word) : text.indexOf(word);
    if (at < 0) continue;
    const pos = side === "before" ? at + word.length : -at;
    if (best === undefined || pos > best.pos || (pos === best.pos && word.length > best.len))
      best = { pos, len: word.length, kind };
  }
  return best?.kind;
}

function refine(
  k: (typeof KEYWORDS)[number][1] | undefined,
  unit: string,
  clause: string,
): OutcomeKind | undefined {
  switch (k) {
    case undefined:
      return undefined;
    case "rules":
      if (!RULE_UNITS.has(unit)) return undefined;
      return /修订|修改|完善|修正/.test(clause) ? "rules_revised" : "rules_new";
    case "funds":
      return MONEY_UNITS.has(unit) ? moneyKind(clause) : undefined;
    case "people":
      return PEOPLE_UNITS.has(unit) ? "people_accountable" : undefined;
    case "people_accountable":
    case "admonition_talks":
      return PEOPLE_UNITS.has(unit) || unit === "次" ? k : undefined;
    case "meetings":
      return COUNT_UNITS_FOR_MEETINGS.has(unit) ? k : undefined;
    case "trainings":
      return TRAINING_UNITS.has(unit) ? k : undefined;
    case "clues_transferred":
    case "lectures":
      return MONEY_UNITS.has(unit) ? undefined : k;
    default:
      return k;
  }
}

function moneyKind(clause: string): OutcomeKind {
  if (/清退|退回|退还|缴回|交回|返还/.test(clause)) return "funds_returned";
  if (/追缴|收回|追回|清收|回收|核减|补缴/.test(clause)) return "funds_recovered";
  if (/挽回|避免.*损失/.test(clause)) return "losses_recovered";
  return "other";
}
