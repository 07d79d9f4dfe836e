// The monthly progress bulletin (月度整改进展通报) as an OfficialDocument, for one unit or a round of units: the month's
// figures (完成率 and 按期完成率, extended measures apart, overdue), progress reports missing by department, the measures
// closed this month and those overdue. Pure: every figure comes from the content passed in.

import { dateParts, type CalendarDate } from "../../domain/calendar-date.ts";
import { REGIME_LABELS } from "../../domain/inspection.ts";
import { completionRate } from "../../domain/ledger-statistics.ts";
import { formatHeadingNumber, formatOrdinalLead } from "../../domain/numbering.ts";
import type { NoticeLayoutOptions } from "../../shared/notice-layout-options.ts";
import { stripOrdinalLead } from "../notice/build-notice-document.ts";
import { issuerFrame } from "../official-document/issuer-frame.ts";
import {
  formatOfficialDate,
  type Block,
  type OfficialDocument,
} from "../official-document/official-document.ts";
import type {
  BulletinContent,
  BulletinMeasure,
  BulletinReporting,
  BulletinUnit,
} from "./bulletin-content.ts";

export interface BuildBulletinOptions {
  /** 发文机关 (署名, 版头): the oversight office, or the unit's own office. */
  readonly issuer: string;
  readonly issuedOn: CalendarDate;
  readonly official?: NoticeLayoutOptions;
}

const TRAILING_STOP = /[。；;，,\s]+$/;
const monthWords = (month: string): string => {
  const { year, month: m } = dateParts(`${month}-01`);
  return `${year}年${m}月`;
};
const shortMonth = (month: string): string => `${dateParts(`${month}-01`).month}月`;

/** "整改措施共40项，11月完成销号3项，累计完成30项，完成率75.00%；……". */
export function figuresText(u: BulletinUnit, month: string, asOf: CalendarDate): string {
  const c = u.completion;
  const extended =
    c.extended > 0
      ? `经批准延期的${c.extended}项另行统计，其中在延长期限内完成${c.completedWithinExtension}项，不计入按期完成。`
      : "没有经批准延期的整改措施。";
  const undated = c.completedUndated > 0 ? `另有${c.completedUndated}项完成时间未记录，未计入按期完成。` : "";
  return (
    `整改措施共${c.measures}项，${shortMonth(month)}完成销号${u.closedThisMonth.length}项，累计完成${c.completed}项，` +
    `完成率${c.completionRate}%；其中按期完成${c.completedOnTime}项，按期完成率${c.onTimeRate}%。${extended}${undated}` +
    `截至${formatOfficialDate(asOf)}，逾期未完成${u.overdue.length}项。`
  );
}

function reportingBlocks(r: BulletinReporting | null): Block[] {
  if (r === null)
    return [
      { type: "paragraph", text: "尚未录入巡察反馈日期，报送周期从反馈之日起算，本月未纳入报送情况统计。" },
    ];
  const due = r.due === null ? "" : `应于${formatOfficialDate(r.due)}前报送，`;
  const open = r.due !== null && r.judgedOn <= r.due ? "报送截止日尚未届满，" : "";
  const blocks: Block[] = [
    {
      type: "paragraph",
      text:
        `${r.periodLabels.join("、")}的整改进展${due}截至${formatOfficialDate(r.judgedOn)}，${open}应报送${r.required}项，` +
        `按期报送${r.onTime}项，逾期报送${r.late}项，未报送${r.missing}项。` +
        (r.departments.length === 0 ? "各责任部门均已按期报送。" : "未按期报送的责任部门如下："),
    },
  ];
  for (const d of r.departments) {
    const parts = [
      ...(d.missing > 0 ? [`未报送${d.missing}项`] : []),
      ...(d.late > 0 ? [`逾期报送${d.late}项`] : []),
    ];
    blocks.push({
      type: "paragraph",
      lead: `${d.department}：`,
      text: `应报送${d.required}项，${parts.join("，")}。`,
    });
  }
  return blocks;
}

const measureText = (m: BulletinMeasure): string => stripOrdinalLead(m.text).replace(TRAILING_STOP, "");

function listBlocks(
  items: readonly BulletinMeasure[],
  facts: (m: BulletinMeasure) => string,
  none: string,
): Block[] {
  if (items.length === 0) return [{ type: "paragraph", text: none }];
  return items.map((m, i) => ({
    type: "paragraph",
    ...(items.length > 1 ? { lead: formatOrdinalLead(i + 1) } : {}),
    text: `${measureText(m)}${facts(m)}。`,
  }));
}

const closedFacts = (m: BulletinMeasure): string => `（责任部门：${m.department ?? "未明确"}）`;

function overdueFacts(m: BulletinMeasure & { daysOverdue?: number }): string {
  const original =
    m.originalDeadline !== null && m.originalDeadline !== m.deadline
      ? `（原定${formatOfficialDate(m.originalDeadline)}，已批准延期）`
      : "";
  const deadline = m.deadline === null ? "未明确" : formatOfficialDate(m.deadline);
  return `（责任部门：${m.department ?? "未明确"}；整改时限：${deadline}${original}，已逾期${m.daysOverdue ?? 0}天）`;
}

/** A section over the units: the unit's blocks directly for one unit, under a （一）unit heading each for a round. */
function perUnit(units: readonly BulletinUnit[], blocks: (u: BulletinUnit) => Block[]): Block[] {
  const [only] = units;
  if (units.length === 1 && only) return blocks(only);
  return units.flatMap((u, i) => [
    {
      type: "heading" as const,
      level: 2 as const,
      number: formatHeadingNumber(2, i + 1),
      text: u.unitName.trim(),
    },
    ...blocks(u),
  ]);
}

/** The totals of a round as one unit, so that its figures read like a unit's. */
function roundTotals(
  units: readonly BulletinUnit[],
): Pick<BulletinUnit, "completion" | "closedThisMonth" | "overdue"> {
  const sum = (f: (u: BulletinUnit) => number) => units.reduce((n, u) => n + f(u), 0);
  const measures = sum((u) => u.completion.measures);
  const completed = sum((u) => u.completion.completed);
  const completedOnTime = sum((u) => u.completion.completedOnTime);
  return {
    completion: {
      measures,
      completed,
      completedOnTime,
      extended: sum((u) => u.completion.extended),
      completedWithinExtension: sum((u) => u.completion.completedWithinExtension),
      completedUndated: sum((u) => u.completion.completedUndated),
      completionRate: completionRate(completed, measures),
      onTimeRate: completionRate(completedOnTime, measures),
    },
    closedThisMonth: units.flatMap((u) => u.closedThisMonth),
    overdue: units.flatMap((u) => u.overdue),
  };
}

function introText(content: BulletinContent, issuer: string): string {
  const [only] = content.units;
  const month = monthWords(content.month);
  if (content.units.length === 1 && only) {
    const regime = REGIME_LABELS[only.regime];
    const feedback =
      only.feedbackDate !== null
        ? `${formatOfficialDate(only.feedbackDate)}，${only.team.trim()}向${only.unitName.trim()}反馈了${regime}意见。`
        : "";
    return `${feedback}根据整改台账，现将${month}整改进展情况（数据截至${formatOfficialDate(content.asOf)}）通报如下。`;
  }
  return (
    `根据${issuer}工作安排，现将${content.round ?? ""}${content.units.length}个被${REGIME_LABELS[only?.regime ?? "xuncha"]}` +
    `单位${month}整改进展情况（数据截至${formatOfficialDate(content.asOf)}）通报如下。`
  );
}

/** The 月度整改进展通报 of one unit or of a round. Throws RangeError without units (the use case refuses first). */
export function buildBulletinDocument(content: BulletinContent, o: BuildBulletinOptions): OfficialDocument {
  const [first] = content.units;
  if (!first) throw new RangeError("a bulletin needs at least one unit");
  const regime = REGIME_LABELS[first.regime];
  const single = content.units.length === 1;
  const subject = single ? first.unitName.trim() : (content.round ?? "本轮");
  const official = o.official ?? {};
  const h1 = (n: number, text: string): Block => ({
    type: "heading",
    level: 1,
    number: formatHeadingNumber(1, n),
    text,
  });
  const totals = single ? first : { ...first, ...roundTotals(content.units) };
  const blocks: Block[] = [
    { type: "paragraph", text: introText(content, o.issuer) },
    h1(1, "总体情况"),
    { type: "paragraph", text: `${single ? "" : "本轮"}${figuresText(totals, content.month, content.asOf)}` },
    ...(single
      ? []
      : perUnit(content.units, (u) => [
          { type: "paragraph", text: figuresText(u, content.month, content.asOf) },
        ])),
    h1(2, "进展报送情况"),
    ...perUnit(content.units, (u) => reportingBlocks(u.reporting)),
    h1(3, `${shortMonth(content.month)}完成销号的整改措施`),
    ...perUnit(content.units, (u) =>
      listBlocks(u.closedThisMonth, closedFacts, `${shortMonth(content.month)}没有完成销号的整改措施。`),
    ),
    h1(4, "逾期未完成的整改措施"),
    ...perUnit(content.units, (u) => listBlocks(u.overdue, overdueFacts, "没有逾期未完成的整改措施。")),
    h1(5, "工作要求"),
    {
      type: "heading",
      level: 2,
      number: formatHeadingNumber(2, 1),
      text: "加快整改进度。",
      runIn:
        "对逾期未完成的整改措施，责任部门要查明原因，明确完成时限，尽快整改到位；确需延期的，按程序申请。",
    },
    {
      type: "heading",
      level: 2,
      number: formatHeadingNumber(2, 2),
      text: "按时报送进展。",
      runIn: "各责任部门要在每个报送周期截止日前如实报送整改进展和佐证材料，未按期报送的，将予以督办。",
    },
  ];
  return {
    title: `关于${subject}${regime}整改${monthWords(content.month)}进展情况的通报`,
    addressee: single ? `${first.unitName.trim()}：` : `各被${regime}单位：`,
    blocks,
    variant: "internal",
    ...issuerFrame(official, o.issuer, o.issuedOn),
  };
}
