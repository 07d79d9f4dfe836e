// Turns a parsed notice into the input that creates a ledger: done items become closed measures, ongoing items open ones.

import { templateCounts } from "../../domain/narrative-counts.ts";
import { MONEY_OUTCOME_KINDS } from "../../domain/outcome.ts";
import type { LedgerInput } from "../../shared/ledger-input.ts";
import type { NoticeDraft, NoticeInspectionKind, NoticeProblem } from "./notice-draft.ts";

type ProblemInput = LedgerInput["problems"][number];

const MONEY_UNIT = /元$/;
type MeasureInput = NonNullable<ProblemInput["measures"]>[number];

const REGIME_BY_KIND: Record<
  NoticeInspectionKind,
  { regime: LedgerInput["inspection"]["regime"]; kind: NonNullable<LedgerInput["inspection"]["kind"]> }
> = {
  巡视: { regime: "xunshi", kind: "regular" },
  巡察: { regime: "xuncha", kind: "regular" },
  审计: { regime: "audit", kind: "regular" },
  督察: { regime: "supervision", kind: "regular" },
  回头看: { regime: "xuncha", kind: "follow_up" },
  其他: { regime: "special_check", kind: "regular" },
};

export interface NoticeLedgerOptions {
  /** Overrides the inspected unit found in the notice (`--unit`). */
  readonly unitName?: string;
  readonly isExample?: boolean;
}

/** What could not be taken over as written, reported next to the import. */
export interface NoticeLedgerInput {
  readonly input: LedgerInput;
  readonly notes: readonly string[];
}

/**
 * Done work (整改结果及成效 / 整改措施及阶段性成效) becomes closed measures; 正在深化整改的内容及时限 items become
 * open measures with their deadlines, so the ledger derives the same status the notice states. A problem
 * in progress with no open item keeps its measures open; a long-term problem's measures are long-term.
 */
export function noticeToLedgerInput(
  draft: NoticeDraft,
  options: NoticeLedgerOptions = {},
): NoticeLedgerInput {
  const notes: string[] = [];
  const unitName = options.unitName ?? draft.inspection.target ?? draft.issuer ?? "";
  if (!options.unitName && !draft.inspection.target)
    notes.push(`未识别出被巡察单位，已使用发文单位“${unitName}”`);
  const team = draft.inspection.team ?? "未注明";
  if (!draft.inspection.team) notes.push("未识别出巡察组，记为“未注明”");
  const { regime, kind } = REGIME_BY_KIND[draft.inspection.kind];
  const aspects = [...new Set(draft.problems.map((p) => p.aspect).filter((a): a is string => !!a))];
  // Work the notice reports as done was done by the day it reports as of (or its date), not on the day of import.
  const closedOn = draft.reportedAsOf ?? draft.issuedOn;
  const problems = draft.problems.map((p) => problemInput(p, notes, closedOn));
  notes.push(...statedButNotListed(draft, aspects.length, problems));
  const closed = problems.some((p) => p.measures?.some((m) => m.state === "closed"));
  if (closed && closedOn === null)
    notes.push("通报未写明截至日期或成文日期，已完成措施的销号时间记为导入时间，请在台账中核对");

  return {
    notes,
    input: {
      unitName,
      inspection: {
        regime,
        kind,
        team,
        onsiteStart: draft.inspection.onsiteStart,
        onsiteEnd: draft.inspection.onsiteEnd,
        feedbackDate: draft.inspection.feedbackDate,
        isExample: options.isExample ?? false,
      },
      aspects,
      problems,
      plan: {
        leader: draft.organisation?.leader ?? null,
        members: [],
        // The notice states how many meetings were held, not when: one undated record each keeps the count.
        meetings: Array.from({ length: Math.min(draft.organisation?.meetings ?? 0, 100) }, (_, i) => ({
          heldOn: null,
          title: `整改专题会议（第${i + 1}次，据通报导入）`,
        })),
        items: draft.plan.map((item) => ({ text: item.text })),
      },
      narrative: narrativeInput(draft),
    },
  };
}

type NarrativeInput = NonNullable<LedgerInput["narrative"]>;

/** "一、整改工作组织情况": the section's own heading, which the generated notice writes itself. */
const SECTION_HEADING = /^[一二三四五六七八九十]+[、．.]\s*\S{2,20}$/;
/** "（一）提高政治站位，强化组织领导。市文联党组先后…": a numbered run-in sub-heading and its text. */
const RUN_IN = /^[（(][一二三四五六七八九十]+[)）]\s*([^。！？]{2,40}[。！？])(.*)$/s;

/**
 * The unit's own words that a generated notice writes back: the title's issuer (the full name; the unit's name is the
 * short one), the organisation section with its sub-headings, the plan's lead-in and the contact block. Counts in them
 * become placeholders (templateCounts), so the notice states the ledger's numbers, not the imported text's.
 */
function narrativeInput(draft: NoticeDraft): NarrativeInput | null {
  const organisation = (draft.organisation?.text ?? [])
    .filter((line) => !SECTION_HEADING.test(line.trim()))
    .map((line) => {
      const runIn = RUN_IN.exec(line.trim());
      const [heading, text] = runIn ? [runIn[1] as string, (runIn[2] as string).trim()] : [null, line.trim()];
      return { heading: heading && templateCounts(heading).template, text: templateCounts(text).template };
    })
    .filter((p) => p.heading !== null || p.text !== "");
  const narrative = {
    issuerName: draft.issuer,
    organisation,
    planLead: draft.planLead && templateCounts(draft.planLead).template,
    contact: draft.contact?.text ?? null,
  };
  const empty =
    !narrative.issuerName && organisation.length === 0 && !narrative.planLead && !narrative.contact;
  return empty ? null : narrative;
}

/** "通报称40条整改措施，导入33条": what the notice states but does not list is said, never made up. */
function statedButNotListed(
  draft: NoticeDraft,
  aspects: number,
  problems: readonly ProblemInput[],
): string[] {
  const notes: string[] = [];
  const { measures, aspects: statedAspects } = draft.stated;
  if (statedAspects !== undefined && statedAspects > 0 && aspects === 0)
    notes.push(`通报称${statedAspects}个方面，但问题未按方面列出，台账中不分方面`);
  if (measures !== undefined) {
    const done = draft.problems.reduce((n, p) => n + Math.max(p.measures.length, 1), 0);
    const ongoing = draft.problems.reduce((n, p) => n + p.ongoing.length, 0);
    const imported = problems.reduce((n, p) => n + (p.measures?.length ?? 0), 0);
    const what = `通报称${measures}条整改措施，导入${imported}条（${done}条已做工作、${ongoing}条正在深化整改内容）`;
    if (imported < measures)
      notes.push(`${what}，相差的${measures - imported}条通报未逐条列出，请在台账中核对补充`);
    else if (imported > measures) notes.push(`${what}，多于所称条数，请核对措施的划分`);
  }
  return notes;
}

function problemInput(p: NoticeProblem, notes: string[], closedOn: string | null): ProblemInput {
  const status = p.status ?? "in_progress";
  if (p.status === null) notes.push(`问题“${p.title}”未识别出整改状态，按正在推进导入`);
  const longTerm = status === "long_term";
  // A long-term problem's further work is the next stage of long-term measures: closed for now, carried on
  // (长期坚持), so the ledger keeps deriving 基本完成、持续深化 rather than 正在推进.
  const ongoing: MeasureInput[] = p.ongoing.map((o) => ({
    text: o.text,
    kind: longTerm || o.longTerm ? "long_term" : "time_limited",
    deadline: o.deadline,
    state: longTerm ? "closed" : "in_progress",
    closedOn: longTerm ? closedOn : null,
  }));
  const doneState = status === "in_progress" && ongoing.length === 0 ? "in_progress" : "closed";
  const done: MeasureInput[] = (
    p.measures.length > 0 ? p.measures.map((m) => m.text) : fallbackMeasureText(p)
  ).map((text) => ({
    text,
    // Without further items, the done work itself is what carries on for a long-term problem.
    kind: longTerm && ongoing.length === 0 ? "long_term" : "time_limited",
    deadline: p.deadline ?? null,
    leader: p.responsibleLeader ?? null,
    department: p.responsibleUnit ?? null,
    state: doneState,
    closedOn: doneState === "closed" ? closedOn : null,
  }));
  return {
    title: p.title,
    aspect: p.aspect ?? null,
    feedbackText: p.title,
    measures: [...done, ...ongoing],
    outcomes: p.outcomes.flatMap((o) => {
      const quantity = ledgerQuantity(o.quantity, o.unit);
      const isMoney = MONEY_OUTCOME_KINDS.has(o.kind);
      // A count must be whole and an amount must be money: anything else is text, not a figure to add up.
      if (
        quantity === null ||
        (isMoney ? !MONEY_UNIT.test(o.unit) : !/^\d+$/.test(quantity) || MONEY_UNIT.test(o.unit))
      ) {
        notes.push(`成效数字“${o.quantity}${o.unit}”未能归类，未作为成效导入（问题“${p.title}”）`);
        return [];
      }
      return [{ kind: o.kind, quantity, note: o.source.slice(0, 1000) }];
    }),
  };
}

/** Quantities in the ledger are counts or 元 with at most two decimals; 万元/亿元 are shifted exactly, as strings. */
export function ledgerQuantity(quantity: string, unit: string): string | null {
  const shift = unit.startsWith("亿") ? 8 : unit.startsWith("万") ? 4 : 0;
  const m = /^(\d+)(?:\.(\d+))?$/.exec(quantity);
  if (!m) return null;
  const fraction = (m[2] ?? "").padEnd(shift, "0");
  const whole = `${m[1] as string}${fraction.slice(0, shift)}`.replace(/^0+(?=\d)/, "");
  const rest = fraction.slice(shift).replace(/0+$/, "");
  if (rest.length > 2) return null;
  return rest ? `${whole}.${rest}` : whole;
}

function fallbackMeasureText(p: NoticeProblem): string[] {
  const text =
    p.text.join("").trim() ||
    p.blocks
      .map((b) => b.text)
      .join("")
      .trim();
  return [text || `${p.title}问题整改`];
}
