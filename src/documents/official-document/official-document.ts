// The renderer-neutral model of an official document (公文, GB/T 9704-2012) and helpers every writer shares.
// No docx/HTML types here: builders produce this model, writers in this folder serialize it.

import { dateParts, isCalendarDate, type CalendarDate } from "../../domain/calendar-date.ts";
import type { HeadingLevel } from "../../domain/numbering.ts";

export type { HeadingLevel };

/**
 * A heading of level 1..4 (一、 / （一） / 1. / （1）), fonts 黑体 / 楷体 / 仿宋 / 仿宋.
 * `number` is the numbering text exactly as it must appear ("一、", "（一）", "1.", "1、", "（1）");
 * it is kept apart from `text` so writers and importers never have to re-parse it.
 * `runIn` is body text that continues in the same paragraph after the heading, as in
 * "（一）提高政治站位，强化组织领导。市文联党组先后3次召开会议……": the heading part takes the heading font,
 * the run-in part the body font.
 */
export interface HeadingBlock {
  type: "heading";
  level: HeadingLevel;
  number?: string;
  text: string;
  runIn?: string;
}

/**
 * A body paragraph (2-字 first-line indent, justified). `lead` is a run-in label shown at the start of the
 * same paragraph — "一是", "整改情况：", "整改结果及成效：" — so importers can recover it without guessing.
 */
export interface ParagraphBlock {
  type: "paragraph";
  text: string;
  lead?: string;
}

/** A label on a line of its own that introduces what follows ("整改结果及成效："); kept with the next block. */
export interface LabelBlock {
  type: "label";
  text: string;
}

export type Block = HeadingBlock | ParagraphBlock | LabelBlock;

/** 发文机关标志, 发文字号 and 签发人 of the red-head (版头). */
export interface RedHeader {
  /** 发文机关标志, e.g. "中共无锡市文学艺术界联合会党组" (optionally ending in "文件"). */
  issuer: string;
  /** 发文字号, e.g. "市文联党组〔2021〕3号" (六角括号 U+3014/U+3015). */
  docNumber?: string;
  /** 签发人 (上行文, cl. 7.2.6): on the 发文字号's line, which then moves left. */
  signers?: readonly string[];
}

/** 版记 (cl. 7.4). */
export interface Colophon {
  /** 抄送机关, written "抄送：甲，乙。". */
  copyTo?: string[];
  /** 印发机关. */
  printedBy: string;
  /** 印发日期, written "2021年6月30日印发". */
  printedOn: CalendarDate;
  /**
   * Print the 版记 on an even page (default true): documents are printed on both sides and the 版记 closes the
   * last side. An odd last page is followed by one that holds only the 版记; both carry no page number (cl. 7.5).
   */
  onEvenPage?: boolean;
}

/**
 * 发文机关署名 and 成文日期. `sealed` (default true) selects cl. 7.3.5.1 (a seal covers name and date:
 * date with a 4-字 right gap, name centred over it); false selects cl. 7.3.5.2 (no seal).
 */
export interface Signature {
  org: string;
  date: CalendarDate;
  sealed?: boolean;
}

/**
 * An official notice as a document. Writers print the red header and the 版记 whenever the model carries them;
 * the builder decides per version (`variant` says which version this is, for the record).
 * Texts are single paragraphs: a line break inside a block's text is not part of the model and writers
 * drop it. Only `title` may contain "\n" to ask for a line break (梯形/菱形 title lines).
 */
export interface OfficialDocument {
  title: string;
  /** 主送机关, written as given, e.g. "各党支部：". */
  addressee?: string;
  blocks: Block[];
  /** 附件说明: attachment names, without numbers or trailing punctuation. */
  attachments?: string[];
  signature?: Signature;
  /** 附注, e.g. "（此件发至各党支部）" — written as given, parentheses included; several are one line each. */
  note?: string | readonly string[];
  variant: "internal" | "public";
  redHeader?: RedHeader;
  colophon?: Colophon;
}

/** 2021-03-04 → "2021年3月4日" (Arabic numerals, full year, no zero padding: GB/T 9704 cl. 7.3.5.4). */
export function formatOfficialDate(date: CalendarDate): string {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  const { year, month, day } = dateParts(date);
  return `${year}年${month}月${day}日`;
}

const LINE_BREAKS = /[ \t]*\r?\n[ \t]*/g;

/** A block text as one line: line breaks are dropped (see OfficialDocument). */
export const oneLine = (text: string): string => text.replace(LINE_BREAKS, "");

/** The title's lines, as requested with "\n". */
export const titleLines = (title: string): string[] =>
  title
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");

/** The whole text of a block as it reads on the page: number + text + run-in, or lead + text. */
export function blockText(block: Block): string {
  switch (block.type) {
    case "heading":
      return oneLine(`${block.number ?? ""}${block.text}${block.runIn ?? ""}`);
    case "paragraph":
      return oneLine(`${block.lead ?? ""}${block.text}`);
    case "label":
      return oneLine(block.text);
  }
}

/** 附件说明 lines: one attachment → "附件：名称"; several → "附件：1.甲", "2.乙" (aligned by the writer). */
export function attachmentLines(names: readonly string[]): string[] {
  if (names.length === 1) return [`附件：${oneLine(names[0] ?? "")}`];
  return names.map((name, i) => `${i === 0 ? "附件：" : ""}${i + 1}.${oneLine(name)}`);
}

/** 抄送 line of the 版记: "抄送：甲，乙。". */
export const copyToLine = (copyTo: readonly string[]): string => `抄送：${copyTo.map(oneLine).join("，")}。`;

/** 印发 line parts of the 版记. */
export const printedOnText = (date: CalendarDate): string => `${formatOfficialDate(date)}印发`;

/** The red header, when the model carries one. */
export const showsRedHeader = (doc: OfficialDocument): RedHeader | undefined => doc.redHeader;

/** The 版记, when the model carries one. */
export const showsColophon = (doc: OfficialDocument): Colophon | undefined => doc.colophon;

/** The 附注 lines, empty ones dropped. */
export const noteLines = (doc: OfficialDocument): string[] =>
  (typeof doc.note === "string" ? [doc.note] : [...(doc.note ?? [])])
    .map(oneLine)
    .filter((n) => n.trim() !== "");
