// Ledger → the rectification notice (整改情况通报) as an OfficialDocument, in the structure of the seed notice:
// title, intro with dates, 一、整改工作组织情况, 二、整改落实情况 (by status or by aspect), 三、下一步全面推进整改计划,
// supervision contact, signature. Pure: every number is computed from the ledger passed in, nothing is invented.
// The wording is the one parseNotice reads back (same problems, statuses, measure texts).

import type { InspectionLedger, LedgerMeasure, LedgerProblem } from "../../domain/inspection-ledger.ts";
import { dateParts, type CalendarDate } from "../../domain/calendar-date.ts";
import { REGIME_LABELS } from "../../domain/inspection.ts";
import { isOpenState } from "../../domain/measure.ts";
import { fillCounts, type NarrativeCounts } from "../../domain/narrative-counts.ts";
import type { NoticeNarrative } from "../../domain/plan.ts";
import { formatHeadingNumber, formatOrdinalLead } from "../../domain/numbering.ts";
import type { ProblemStatus, WithholdingReason } from "../../domain/problem.ts";
import {
  formatOfficialDate,
  type Block,
  type OfficialDocument,
} from "../official-document/official-document.ts";
import type { NoticeLayoutOptions } from "../../shared/notice-layout-options.ts";

export interface BuildNoticeOptions {
  readonly version: "internal" | "public";
  /** status: grouped by 已整改完成 / 正在推进 / 基本完成 (the seed); aspect: grouped by 方面. */
  readonly layout: "status" | "aspect";
  readonly issuedOn: CalendarDate;
  /** 发文机关; default 中共{unit name} (the unit name as is when it already starts with 中共). */
  readonly issuer?: string;
  /** Supervision contact (电话、邮箱、地址…), written after "欢迎广大干部群众对…进行监督。". */
  readonly contact?: string;
  /**
   * The audit chain's newest event when the notice was built (seq, hex hash): printed as the 附注 so that a
   * reader holding the notice can later prove the ledger's history was not rewritten (zhenggai audit verify).
   */
  readonly checkpoint?: { readonly seq: number; readonly hash: string };
  /** 版头, 主送机关, 附件说明, 附注 contact and 版记, already resolved from the unit's settings and the overrides. */
  readonly official?: NoticeLayoutOptions;
  /**
   * The unit's own words kept with the ledger (issuer's full name, organisation section, plan lead-in, contact): written
   * back in place of the generated wording, with their counts filled from the ledger. The flags above still win.
   */
  readonly narrative?: NoticeNarrative;
}

/** Hex digits of the checkpoint hash printed: 64 bits, enough to make a forged match hopeless, short to copy. */
export const CHECKPOINT_PREFIX_LENGTH = 16;

/** The 附注 line carrying the checkpoint: "（台账校验：第12条 3f2a9c0d5e7b8a61）". */
export const checkpointNote = (checkpoint: { seq: number; hash: string }): string =>
  `（台账校验：第${checkpoint.seq}条 ${checkpoint.hash.slice(0, CHECKPOINT_PREFIX_LENGTH)}）`;

/**
 * A problem left out of the public version: 党内 (internal) problems by their disclosure level; 不公开
 * (withheld) ones need one of the five reasons before publishing (`reason` null = still missing); problems
 * that came from a 问题线索 (`clue`) are never detailed in public, whatever their disclosure level.
 */
export interface WithheldProblem {
  readonly problemId: string;
  readonly title: string;
  readonly disclosure: "internal" | "withheld" | "clue";
  readonly reason: WithholdingReason | null;
}

export interface NoticeDocument {
  readonly document: OfficialDocument;
  readonly withheld: WithheldProblem[];
}

const ORDINAL_LEAD = /^第?[一二三四五六七八九十]{1,3}是[，、：:\s]*/;

/** A measure text without a leading 一是/二是 of its own (the generator numbers the runs itself). */
export const stripOrdinalLead = (text: string): string => text.trim().replace(ORDINAL_LEAD, "");

/** The default issuer: 中共{unit name}, unless the name already starts with 中共. */
export const defaultIssuer = (unitName: string): string =>
  unitName.startsWith("中共") ? unitName : `中共${unitName}`;

/**
 * How a problem's measures are written. `done`: closed measures (整改结果及成效 / 整改措施及阶段性成效).
 * `continuing`: open measures, and for a long-term problem its closed long-term measures — a stage closed,
 * the work carries on (正在深化整改的内容及时限, marked 长期坚持).
 */
export function measureGroups(problem: LedgerProblem): {
  done: LedgerMeasure[];
  continuing: LedgerMeasure[];
} {
  const sorted = [...problem.measures].sort((a, b) => a.seq - b.seq);
  const carriesOn = (m: LedgerMeasure): boolean =>
    isOpenState(m.state) || (problem.status === "long_term" && m.kind === "long_term");
  return { done: sorted.filter((m) => !carriesOn(m)), continuing: sorted.filter(carriesOn) };
}

/** "（完成时限：2021年12月31日）", "（长期坚持）" or "" for a measure still being worked on. */
export function deadlineSuffix(m: LedgerMeasure): string {
  if (m.deadline !== null) return `（完成时限：${formatOfficialDate(m.deadline)}）`;
  return m.kind === "long_term" ? "（长期坚持）" : "";
}

const leadParagraphs = (texts: readonly string[]): Block[] =>
  texts.map((text, i) => ({ type: "paragraph", lead: formatOrdinalLead(i + 1), text }));

/** The labelled blocks of one problem. */
function problemBlocks(problem: LedgerProblem): Block[] {
  const { done, continuing } = measureGroups(problem);
  const blocks: Block[] = [];
  const doneTexts = done.map((m) => stripOrdinalLead(m.text));
  if (problem.status === "completed") {
    if (doneTexts.length > 0)
      blocks.push({ type: "label", text: "整改结果及成效：" }, ...leadParagraphs(doneTexts));
    return blocks;
  }
  if (doneTexts.length > 0)
    blocks.push({ type: "label", text: "整改措施及阶段性成效：" }, ...leadParagraphs(doneTexts));
  if (continuing.length > 0) {
    blocks.push(
      { type: "label", text: "正在深化整改的内容及时限：" },
      ...leadParagraphs(continuing.map((m) => `${stripOrdinalLead(m.text)}${deadlineSuffix(m)}`)),
    );
  }
  return blocks;
}

const problemHeading = (n: number, problem: LedgerProblem): Block => ({
  type: "heading",
  level: 3,
  number: `${n}、`,
  text: `关于“${problem.title.trim()}”问题的整改。`,
});

const STATUS_SENTENCE: Record<ProblemStatus, string> = {
  completed: "截至目前，该问题已整改完成。",
  in_progress: "截至目前，该问题正在整改，仍需深化整改。",
  long_term: "截至目前，该问题已基本完成整改，需长期坚持。",
};

/** "2020年11月12日", or "3月4日" when the year is that of the date written just before (as in the seed). */
function dateAfter(date: CalendarDate, previous: CalendarDate | null): string {
  if (previous !== null && dateParts(previous).year === dateParts(date).year) {
    const { month, day } = dateParts(date);
    return `${month}月${day}日`;
  }
  return formatOfficialDate(date);
}

/** "市委第八巡察组" → "市委"; null when the team name does not show who sent it. */
function authorityOf(team: string): string | null {
  const m = /^(.+?)第[一二三四五六七八九十百\d]+(?:轮)?[\u4e00-\u9fff]{0,4}组$/.exec(team.trim());
  return m?.[1] ?? null;
}

function introParagraph(ledger: InspectionLedger, version: BuildNoticeOptions["version"]): Block {
  const { inspection } = ledger;
  const regime = REGIME_LABELS[inspection.regime];
  const unit = ledger.unit.name;
  const team = inspection.team.trim();
  const authority = authorityOf(team);
  const { onsiteStart, onsiteEnd, feedbackDate } = inspection;

  let onsite = "";
  if (onsiteStart !== null && onsiteEnd !== null)
    onsite = `${formatOfficialDate(onsiteStart)}至${dateAfter(onsiteEnd, onsiteStart)}，`;
  else if (onsiteStart !== null) onsite = `${formatOfficialDate(onsiteStart)}起，`;
  const parts: string[] = [];
  parts.push(
    `${authority !== null ? `根据${authority}统一部署，` : ""}${onsite}${team}对${unit}进行了${regime}。`,
  );
  const previous = onsiteEnd ?? onsiteStart;
  const feedback = feedbackDate !== null ? `${dateAfter(feedbackDate, previous)}，` : "";
  parts.push(`${feedback}${team}向${unit}反馈了${regime}意见。`);
  parts.push(
    version === "public"
      ? `按照党务公开原则和${regime}工作有关要求，现将${regime}整改情况予以公布。`
      : `现将${regime}整改情况通报如下。`,
  );
  return { type: "paragraph", text: parts.join("") };
}

/**
 * 一、整改工作组织情况 in the seed's shape: a lead paragraph on the leading group, then run-in sub-headings
 * （一）（二） carrying what the ledger knows (meetings held; problems broken down into measures). The sub-heading
 * wording is the seed's; the ledger keeps facts, not the source's own paragraphs (see docs/notices.md).
 * `named`: the members of the leading group are named (internal version only: persons, cl. of disclosure).
 */
function organisationBlocks(ledger: InspectionLedger, named: boolean, narrative?: NoticeNarrative): Block[] {
  if (narrative !== undefined && narrative.organisation.length > 0)
    return narratedOrganisation(ledger, narrative.organisation);
  const regime = REGIME_LABELS[ledger.inspection.regime];
  const unit = ledger.unit.name;
  const { leadingGroup, meetings } = ledger.plan;
  const blocks: Block[] = [
    { type: "heading", level: 1, number: formatHeadingNumber(1, 1), text: "整改工作组织情况" },
  ];
  if (leadingGroup !== undefined && leadingGroup.leader.trim() !== "") {
    const members = named ? leadingGroup.members.filter((m) => m.trim() !== "") : [];
    blocks.push({
      type: "paragraph",
      text:
        `${unit}把抓好${regime}整改作为重大政治任务，成立以${leadingGroup.leader.trim()}同志为组长的${regime}整改工作领导小组` +
        `${members.length > 0 ? `，成员为${members.join("、")}` : ""}，逐项逐条推进落实，确保整改到位。`,
    });
  }
  let sub = 0;
  if (meetings.length > 0) {
    sub += 1;
    blocks.push({
      type: "heading",
      level: 2,
      number: formatHeadingNumber(2, sub),
      text: "提高政治站位，强化组织领导。",
      runIn: `${unit}先后${meetings.length}次召开会议，专题研究部署${regime}整改工作。`,
    });
  }
  const { counts } = ledger;
  const aspects = ledger.aspects.length > 0 ? `${ledger.aspects.length}个方面` : "";
  sub += 1;
  blocks.push({
    type: "heading",
    level: 2,
    number: formatHeadingNumber(2, sub),
    text: "层层压实责任，细化整改措施。",
    runIn: `根据${regime}反馈意见中指出的${aspects}${counts.problems}项问题，细化分解为${counts.measures}条整改措施，坚持对账销号、立行立改，确保整改工作有力有序开展。`,
  });
  return blocks;
}

/** The counts a narrative's placeholders stand for, from the ledger. */
const narrativeCounts = (ledger: InspectionLedger): NarrativeCounts => ({
  aspects: ledger.aspects.length,
  problems: ledger.counts.problems,
  measures: ledger.counts.measures,
  meetings: ledger.plan.meetings.length,
});

/** 一、整改工作组织情况 in the unit's own words: its paragraphs, its run-in sub-headings renumbered （一）（二）… */
function narratedOrganisation(
  ledger: InspectionLedger,
  paragraphs: NoticeNarrative["organisation"],
): Block[] {
  const counts = narrativeCounts(ledger);
  const blocks: Block[] = [
    { type: "heading", level: 1, number: formatHeadingNumber(1, 1), text: "整改工作组织情况" },
  ];
  let sub = 0;
  for (const p of paragraphs) {
    const text = fillCounts(p.text, counts);
    if (p.heading === null) {
      if (text !== "") blocks.push({ type: "paragraph", text });
      continue;
    }
    sub += 1;
    const number = formatHeadingNumber(2, sub);
    blocks.push({ type: "heading", level: 2, number, text: fillCounts(p.heading, counts), runIn: text });
  }
  return blocks;
}

interface StatusSection {
  readonly status: ProblemStatus;
  readonly title: string;
  readonly count: number;
  readonly sentence: (n: number) => string;
}

function statusLayout(ledger: InspectionLedger, shown: readonly LedgerProblem[]): Block[] {
  const regime = REGIME_LABELS[ledger.inspection.regime];
  const { counts } = ledger;
  const sections: StatusSection[] = [
    {
      status: "completed",
      title: "已整改完成的问题",
      count: counts.completed,
      sentence: (n) => `针对${regime}反馈意见指出的问题，真改实改，截至目前，共计${n}个问题已整改。`,
    },
    {
      status: "in_progress",
      title: "正在推进整改的问题",
      count: counts.inProgress,
      sentence: (n) => `截至目前，共计${n}个问题正在整改过程中，仍需深化整改。`,
    },
    {
      status: "long_term",
      title: "基本完成、持续深化的问题",
      count: counts.longTerm,
      sentence: (n) => `截至目前，共计${n}个问题基本完成整改，需长期坚持。`,
    },
  ];
  const blocks: Block[] = [];
  let sectionNo = 0;
  for (const section of sections) {
    const problems = shown.filter((p) => p.status === section.status);
    if (section.count === 0 && problems.length === 0) continue;
    sectionNo += 1;
    blocks.push({
      type: "heading",
      level: 2,
      number: formatHeadingNumber(2, sectionNo),
      text: section.title,
    });
    blocks.push({ type: "paragraph", text: section.sentence(section.count) });
    problems.forEach((p, i) => blocks.push(problemHeading(i + 1, p), ...problemBlocks(p)));
  }
  return blocks;
}

function aspectLayout(ledger: InspectionLedger, shown: readonly LedgerProblem[]): Block[] {
  const { counts } = ledger;
  const totals = [`共计${counts.completed}个问题已整改`];
  if (counts.inProgress > 0) totals.push(`${counts.inProgress}个问题正在整改`);
  if (counts.longTerm > 0) totals.push(`${counts.longTerm}个问题基本完成整改、需长期坚持`);
  const blocks: Block[] = [{ type: "paragraph", text: `截至目前，${totals.join("，")}。` }];

  const aspects = [...ledger.aspects].sort((a, b) => a.seq - b.seq);
  const known = new Set(aspects.map((a) => a.id));
  const groups: { title: string; count: number; problems: LedgerProblem[] }[] = aspects.map((a) => ({
    title: a.title.trim().endsWith("方面") ? a.title.trim() : `${a.title.trim()}方面`,
    count: a.counts.problems,
    problems: shown.filter((p) => p.aspectId === a.id),
  }));
  const loose = shown.filter((p) => p.aspectId === null || !known.has(p.aspectId));
  if (loose.length > 0) {
    const all = ledger.problems.filter((p) => p.aspectId === null || !known.has(p.aspectId)).length;
    groups.push({ title: "其他问题", count: all, problems: loose });
  }
  let groupNo = 0;
  for (const group of groups) {
    if (group.count === 0 && group.problems.length === 0) continue;
    groupNo += 1;
    blocks.push({
      type: "heading",
      level: 2,
      number: formatHeadingNumber(2, groupNo),
      text: `${group.title}（${group.count}个问题）`,
    });
    group.problems.forEach((p, i) => {
      blocks.push(
        problemHeading(i + 1, p),
        { type: "paragraph", text: STATUS_SENTENCE[p.status] },
        ...problemBlocks(p),
      );
    });
  }
  return blocks;
}

/** A plan item's own short title: its first sentence, when short enough to be a heading ("压紧压实党组主体责任。"). */
const PLAN_ITEM_TITLE = /^([^。！？；]{2,30}[。！？])(.+)$/s;

/**
 * 三、下一步全面推进整改计划: a lead sentence, then each item numbered （一）（二）… with its first sentence as a
 * run-in 楷体 heading, as in the seed ("（一）压紧压实党组主体责任。突出政治引领…").
 */
function planBlocks(ledger: InspectionLedger, sectionNo: number, narrativeLead: string | null): Block[] {
  const items = [...ledger.plan.items].sort((a, b) => a.seq - b.seq).filter((i) => i.text.trim() !== "");
  const lead = narrativeLead?.trim() ? fillCounts(narrativeLead.trim(), narrativeCounts(ledger)) : null;
  if (items.length === 0 && lead === null) return [];
  const regime = REGIME_LABELS[ledger.inspection.regime];
  const team = ledger.inspection.team.trim();
  const authority = authorityOf(team);
  const following = authority !== null ? `按照${authority}和${team}要求，` : "";
  const leadText =
    lead ??
    `下一步，${ledger.unit.name}将继续${following}采取更加有力的措施，不断巩固${regime}反馈问题整改成果。`;
  return [
    { type: "heading", level: 1, number: formatHeadingNumber(1, sectionNo), text: "下一步全面推进整改计划" },
    ...leadText.split("\n").map((text): Block => ({ type: "paragraph", text })),
    ...items.map((item, i): Block => {
      const text = `${item.text.trim()}${item.deadline !== null ? `（完成时限：${formatOfficialDate(item.deadline)}）` : ""}`;
      const titled = PLAN_ITEM_TITLE.exec(text);
      const number = formatHeadingNumber(2, i + 1);
      return titled
        ? { type: "heading", level: 2, number, text: titled[1] as string, runIn: titled[2] as string }
        : { type: "heading", level: 2, number, text: "", runIn: text };
    }),
  ];
}

/** 附注 of the contact: "（联系人：张三，电话：0510-12345678）". */
export function contactNote(official: Pick<NoticeLayoutOptions, "contactPerson" | "contactPhone">): string {
  const parts = [
    ...(official.contactPerson ? [`联系人：${official.contactPerson}`] : []),
    ...(official.contactPhone ? [`电话：${official.contactPhone}`] : []),
  ];
  return `（${parts.join("，")}）`;
}

/** 主送机关 ends with a full-width colon (cl. 7.3.2). */
const withColon = (addressee: string): string => `${addressee.trim().replace(/[：:]$/, "")}：`;

/** Builds the notice. Public version: only 社会公开 problems; the others are left out and listed in `withheld`. */
export function buildNoticeDocument(ledger: InspectionLedger, options: BuildNoticeOptions): NoticeDocument {
  const regime = REGIME_LABELS[ledger.inspection.regime];
  const { narrative } = options;
  const issuer =
    options.issuer?.trim() ||
    options.official?.issuer ||
    narrative?.issuerName?.trim() ||
    defaultIssuer(ledger.unit.name.trim());
  const isPublic = options.version === "public";
  const publishable = (p: LedgerProblem) => p.disclosure === "public" && p.source !== "clue";
  const shown = isPublic ? ledger.problems.filter(publishable) : [...ledger.problems];
  const withheld: WithheldProblem[] = isPublic
    ? ledger.problems
        .filter((p) => !publishable(p))
        .map((p) => ({
          problemId: p.id,
          title: p.title,
          disclosure: p.disclosure === "public" ? "clue" : p.disclosure,
          reason: p.withholdingReason,
        }))
    : [];

  // The counts in the text always describe the whole ledger, also in the public version: real notices
  // publish the totals (4个方面11项问题, 共计8个问题已整改) even when single items are not disclosed.
  const blocks: Block[] = [
    introParagraph(ledger, options.version),
    ...organisationBlocks(ledger, !isPublic, narrative),
  ];
  blocks.push({ type: "heading", level: 1, number: formatHeadingNumber(1, 2), text: "整改落实情况" });
  blocks.push(...(options.layout === "aspect" ? aspectLayout(ledger, shown) : statusLayout(ledger, shown)));
  blocks.push(...planBlocks(ledger, 3, narrative?.planLead ?? null));

  const contact = (
    options.contact ??
    options.official?.publicContact ??
    narrative?.contact ??
    undefined
  )?.trim();
  if (contact !== undefined && contact !== "") {
    const welcome = `欢迎广大干部群众对${regime}整改落实情况进行监督。`;
    blocks.push({ type: "paragraph", text: contact.startsWith("欢迎") ? contact : `${welcome}${contact}` });
  }

  const official = options.official ?? {};
  const notes = [
    ...(official.contactPerson || official.contactPhone ? [contactNote(official)] : []),
    // As the 附注, not in the 版记: every writer prints the 附注, and the public version is what readers hold.
    ...(options.checkpoint ? [checkpointNote(options.checkpoint)] : []),
  ];
  const document: OfficialDocument = {
    title: `${issuer}关于${regime}整改情况的通报`,
    ...(official.addressee ? { addressee: withColon(official.addressee) } : {}),
    blocks,
    ...(official.attachments?.length ? { attachments: official.attachments } : {}),
    signature: { org: issuer, date: options.issuedOn },
    ...(notes.length > 0 ? { note: notes } : {}),
    variant: options.version,
    // Both versions are official documents of the unit: the same 版头 and 版记 (the public one only lacks items).
    redHeader: {
      issuer: official.issuerMark ?? issuer,
      ...(official.docNumber ? { docNumber: official.docNumber } : {}),
      ...(official.signers?.length ? { signers: official.signers } : {}),
    },
    colophon: {
      ...(official.copyTo?.length ? { copyTo: official.copyTo } : {}),
      printedBy: official.printedBy ?? issuer,
      printedOn: official.printedOn ?? options.issuedOn,
      ...(official.colophonOnEvenPage === false ? { onEvenPage: false } : {}),
    },
  };
  return { document, withheld };
}
