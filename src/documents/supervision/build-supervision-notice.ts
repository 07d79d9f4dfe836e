// The supervision notice (督办通知, 督办单) as an OfficialDocument: the measures an inspection office chases (overdue
// or at red level), who is responsible, how late they are, and the date a written reply is due. Pure: every fact
// comes from the items and dates passed in; the caller decides which measures, the issuer and the reply date.

import type { CalendarDate } from "../../domain/calendar-date.ts";
import { REGIME_LABELS, type Regime } from "../../domain/inspection.ts";
import { formatHeadingNumber, formatOrdinalLead } from "../../domain/numbering.ts";
import type { NoticeLayoutOptions } from "../../shared/notice-layout-options.ts";
import { stripOrdinalLead } from "../notice/build-notice-document.ts";
import { issuerFrame } from "../official-document/issuer-frame.ts";
import {
  formatOfficialDate,
  type Block,
  type OfficialDocument,
} from "../official-document/official-document.ts";

/** One measure chased, as the warning ladder judged it on `asOf`. */
export interface SupervisionItem {
  readonly problemId: string;
  readonly problemSeq: number;
  readonly problemTitle: string;
  readonly measureId: string;
  readonly measureSeq: number;
  readonly measureText: string;
  /** 责任部门 and 责任人 by name; null when the ledger has none (printed 未明确). */
  readonly department: string | null;
  readonly person: string | null;
  /** The deadline judged against (an approved extension's new date) and the first one when it was moved. */
  readonly deadline: CalendarDate;
  /** True when the ledger gives the measure no deadline and `deadline` is the inspection's default for its kind. */
  readonly defaulted?: boolean;
  readonly originalDeadline: CalendarDate | null;
  readonly level: "overdue" | "red";
  /** Calendar days since the deadline (overdue); days left in the thresholds' basis (red). */
  readonly daysOverdue: number;
  readonly daysLeft: number;
  readonly basis: "calendar" | "working";
}

export interface BuildSupervisionNoticeOptions {
  readonly regime: Regime;
  /** The inspection team as written (市委第八巡察组) and its feedback date, when recorded. */
  readonly team: string;
  readonly feedbackDate: CalendarDate | null;
  /** The inspected unit (主送). */
  readonly unitName: string;
  /** 发文机关 (署名, 版头) and where the reply goes (the oversight office's short name). */
  readonly issuer: string;
  readonly replyTo: string;
  /** The date the items were judged on, the 成文日期, and the reply deadline (N working days after issue). */
  readonly asOf: CalendarDate;
  readonly issuedOn: CalendarDate;
  readonly replyBy: CalendarDate;
  readonly replyWithinWorkingDays: number;
  readonly items: readonly SupervisionItem[];
  /** 版头 (标志, 发文字号, 签发人), 附注 contact and 版记 of the issuing office, already resolved. */
  readonly official?: NoticeLayoutOptions;
}

const TRAILING_STOP = /[。；;，,\s]+$/;

/** "（责任部门：办公室；责任人：张三；整改时限：2021年6月20日，已逾期10天）". */
function itemFacts(item: SupervisionItem): string {
  const original =
    item.originalDeadline !== null && item.originalDeadline !== item.deadline
      ? `（原定${formatOfficialDate(item.originalDeadline)}，已批准延期）`
      : item.defaulted === true
        ? "（台账未写时限，按督办设置的默认时限）"
        : "";
  const state =
    item.level === "overdue"
      ? `已逾期${item.daysOverdue}天`
      : item.daysLeft === 0
        ? "今日到期"
        : `距整改时限仅剩${item.daysLeft}${item.basis === "working" ? "个工作日" : "天"}`;
  return (
    `（责任部门：${item.department ?? "未明确"}；责任人：${item.person ?? "未明确"}；` +
    `整改时限：${formatOfficialDate(item.deadline)}${original}，${state}）`
  );
}

/** The items grouped by problem, problems and measures in ledger order. */
function itemBlocks(items: readonly SupervisionItem[]): Block[] {
  const byProblem = new Map<string, SupervisionItem[]>();
  const sorted = [...items].sort((a, b) => a.problemSeq - b.problemSeq || a.measureSeq - b.measureSeq);
  for (const item of sorted) {
    const list = byProblem.get(item.problemId) ?? [];
    list.push(item);
    byProblem.set(item.problemId, list);
  }
  const blocks: Block[] = [];
  let n = 0;
  for (const measures of byProblem.values()) {
    n += 1;
    const first = measures[0] as SupervisionItem;
    blocks.push({
      type: "heading",
      level: 2,
      number: formatHeadingNumber(2, n),
      text: `关于“${first.problemTitle.trim().replace(TRAILING_STOP, "")}”问题`,
    });
    measures.forEach((m, i) => {
      const text = `${stripOrdinalLead(m.measureText).replace(TRAILING_STOP, "")}${itemFacts(m)}。`;
      blocks.push(
        measures.length > 1
          ? { type: "paragraph", lead: formatOrdinalLead(i + 1), text }
          : { type: "paragraph", text },
      );
    });
  }
  return blocks;
}

function introText(o: BuildSupervisionNoticeOptions): string {
  const regime = REGIME_LABELS[o.regime];
  const overdue = o.items.filter((i) => i.level === "overdue").length;
  const red = o.items.filter((i) => i.level === "red");
  const redWords = red.every((i) => i.daysLeft === 0) ? "已到整改时限" : "临近整改时限";
  const counts = [
    ...(overdue > 0 ? [`${overdue}项已超过整改时限仍未完成`] : []),
    ...(red.length > 0 ? [`${red.length}项${redWords}尚未完成`] : []),
  ];
  const feedback =
    o.feedbackDate !== null
      ? `${formatOfficialDate(o.feedbackDate)}，${o.team}向你单位反馈了${regime}意见。`
      : `${o.team}已向你单位反馈${regime}意见。`;
  return (
    `${feedback}经对照整改台账核查，截至${formatOfficialDate(o.asOf)}，你单位整改措施中有${counts.join("，")}，` +
    `整改进度滞后。为压实整改主体责任，确保反馈问题按期整改到位，现将有关事项督办如下。`
  );
}

/** The 督办通知 of one inspection's lagging measures. Throws RangeError without items (the use case refuses first). */
export function buildSupervisionNotice(o: BuildSupervisionNoticeOptions): OfficialDocument {
  if (o.items.length === 0) throw new RangeError("a supervision notice needs at least one item");
  const regime = REGIME_LABELS[o.regime];
  const official = o.official ?? {};
  const blocks: Block[] = [
    { type: "paragraph", text: introText(o) },
    { type: "heading", level: 1, number: formatHeadingNumber(1, 1), text: "督办事项" },
    ...itemBlocks(o.items),
    { type: "heading", level: 1, number: formatHeadingNumber(1, 2), text: "督办要求" },
    {
      type: "heading",
      level: 2,
      number: formatHeadingNumber(2, 1),
      text: "压实整改责任。",
      runIn:
        "请你单位主要负责同志切实履行第一责任人职责，对上述事项逐项研究，查明进度滞后的原因，" +
        "明确责任领导、责任部门和责任人，采取有力措施加快推进，确保整改到位。",
    },
    {
      type: "heading",
      level: 2,
      number: formatHeadingNumber(2, 2),
      text: "按时书面回复。",
      runIn:
        `请于${formatOfficialDate(o.replyBy)}前（${o.replyWithinWorkingDays}个工作日内）将上述事项的整改进展、` +
        `未按期完成的原因、下一步措施和完成时限书面报送${o.replyTo}；已完成整改的，一并报送佐证材料。`,
    },
    {
      type: "heading",
      level: 2,
      number: formatHeadingNumber(2, 3),
      text: "严肃督办问责。",
      runIn: `对无正当理由逾期未整改、敷衍整改或逾期未回复的，将视情采取告诫、约谈等措施，推动${regime}整改任务落实到位。`,
    },
  ];
  return {
    title: `关于督促加快${o.unitName.trim()}${regime}整改进度的督办通知`,
    addressee: `${o.unitName.trim()}：`,
    blocks,
    variant: "internal",
    ...issuerFrame(official, o.issuer, o.issuedOn),
  };
}
