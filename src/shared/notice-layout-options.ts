// What a unit sets once and a single notice may override: 版头 (发文机关标志, 发文字号, 签发人), 主送机关, 附件说明,
// 附注 contact, 版记 (抄送, 印发机关, 印发日期) and the grid. One zod schema serves the settings file, the CLI flags
// and the API's request body; values only, the builder decides where they go.

import { z } from "zod";
import { calendarDateSchema } from "./validation.ts";

// Names land in XML, HTML and file names: one line, no control characters.
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // eslint-disable-next-line no-control-regex -- control characters are what this refuses
    .regex(/^[^\u0000-\u001F\u007F]+$/, "不能包含换行或控制字符");

// [2021] (2021) 【2021】 ［2021］ 〔2021〕 … → 〔2021〕: GB/T 9704 cl. 7.2.5 prescribes 六角括号 around the year.
const YEAR_IN_BRACKETS = /[[(（【［〔{｛]\s*((?:19|20)\d{2})\s*[\])）】］〕}｝]/;

/**
 * 发文字号 in the form GB/T 9704 cl. 7.2.5 prescribes: the year in 六角括号 〔〕, the serial without 第 and
 * without leading zeros, then 号 ("市文联党组[2021]第03号" → "市文联党组〔2021〕3号"). Null when no year is found.
 */
export function normalizeDocNumber(text: string): string | null {
  const m = YEAR_IN_BRACKETS.exec(text);
  if (!m) return null;
  const prefix = text.slice(0, m.index).trim();
  const rest = text
    .slice(m.index + m[0].length)
    .trim()
    .replace(/^第/, "")
    .replace(/号$/, "");
  if (prefix === "" || !/^\d+$/.test(rest)) return null;
  return `${prefix}〔${m[1] as string}〕${String(Number(rest))}号`;
}

const docNumber = line(60).transform((text, ctx) => {
  const normalized = normalizeDocNumber(text);
  if (normalized === null) {
    ctx.addIssue({
      code: "custom",
      message: "发文字号应为“机关代字〔年份〕序号号”，如 市文联党组〔2021〕3号",
    });
    return z.NEVER;
  }
  return normalized;
});

export const noticeLayoutOptionsSchema = z.object({
  /** `portable` (default) or `word`: see layout-settings.ts. */
  grid: z.enum(["portable", "word"]).optional(),
  /** 发文机关 full name: title, 署名, and the 发文机关标志 unless `issuerMark` says otherwise. */
  issuer: line(100).optional(),
  /** 发文机关标志 when it differs from the issuer ("中共某某委员会文件"). */
  issuerMark: line(60).optional(),
  /** 发文字号, normalised to 〔年份〕N号. */
  docNumber: docNumber.optional(),
  /** 签发人 (上行文 only, cl. 7.2.6); several are joined by 、. */
  signers: z.array(line(20)).max(6).optional(),
  /** 主送机关; a trailing colon is added when missing. */
  addressee: line(300).optional(),
  /** 附件说明: attachment names without numbers or final punctuation. */
  attachments: z.array(line(200)).max(20).optional(),
  /** 联系人及电话, printed as the 附注 "（联系人：张三，电话：0510-12345678）". */
  contactPerson: line(20).optional(),
  contactPhone: line(40).optional(),
  /** The public-supervision block at the end (联系电话、电子邮箱、通信地址…), after "欢迎广大干部群众…监督。". */
  publicContact: line(2000).optional(),
  /** 抄送机关 of the 版记. */
  copyTo: z.array(line(100)).max(40).optional(),
  /** 印发机关 of the 版记 (default: the issuer). */
  printedBy: line(100).optional(),
  /** 印发日期 (default: the 成文日期). */
  printedOn: calendarDateSchema.optional(),
  /** Put the 版记 on an even page, adding an unnumbered blank page when needed (gbt9704.md §1.6; default true). */
  colophonOnEvenPage: z.boolean().optional(),
});

export type NoticeLayoutOptions = z.output<typeof noticeLayoutOptionsSchema>;

/**
 * The settings file (ZHENGGAI_NOTICE_SETTINGS): defaults for every unit, and per unit (by its name or id) what
 * that unit prints on its notices. A document's own options win over both.
 */
export const noticeSettingsFileSchema = z.object({
  default: noticeLayoutOptionsSchema.default({}),
  units: z.record(z.string().min(1), noticeLayoutOptionsSchema).default({}),
});

export type NoticeSettingsFile = z.output<typeof noticeSettingsFileSchema>;

const defined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** Settings default ← the unit's own (by id, else name) ← this document's options. */
export function resolveNoticeLayout(
  file: NoticeSettingsFile | undefined,
  unit: { readonly id: string; readonly name: string },
  overrides: NoticeLayoutOptions = {},
): NoticeLayoutOptions {
  const own = file?.units[unit.id] ?? file?.units[unit.name] ?? {};
  return { ...defined(file?.default ?? {}), ...defined(own), ...defined(overrides) };
}
