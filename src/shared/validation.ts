// Parses untrusted input with a zod schema; failures become one DomainError naming every bad field, in Chinese.

import { z } from "zod";
import { DomainError, type FieldIssue } from "../domain/domain-error.ts";

const zhCN = z.locales.zhCN().localeError;

/**
 * zod's Chinese messages, except where they leak English type names ("期望 array <=5000 项"): counts of lists
 * and lengths of texts are said the way a user reads them.
 */
const chineseErrors: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === "too_big" && issue.origin === "array") return `最多${String(issue.maximum)}项，超出上限`;
  if (issue.code === "too_small" && issue.origin === "array") return `至少需要${String(issue.minimum)}项`;
  if (issue.code === "too_big" && issue.origin === "string") return `不能超过${String(issue.maximum)}个字符`;
  return zhCN(issue);
};

/** YYYY-MM-DD that is a real date. */
export const calendarDateSchema = z
  .string()
  // A text that is no date at all gets one message, not also 不是有效的日期.
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "日期格式应为 YYYY-MM-DD", abort: true })
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      error: "不是有效的日期",
    },
  );

/** A required, trimmed, non-empty text of at most `max` characters. */
export const requiredText = (max: number) =>
  z
    .string({ error: "必须填写" })
    .trim()
    .min(1, { error: "不能为空" })
    .max(max, { error: `不能超过${max}个字符` });

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `不能超过${max}个字符` })
    .nullish();

const pathToString = (path: readonly PropertyKey[]): string => path.map(String).join(".");

/** Validates `input`; throws DomainError("invalid_input") whose fields name each problem (path, code, Chinese message). */
/**
 * One of a fixed list of codes; the message names each code with its Chinese label ("角色应为以下之一：admin（系统管理员）、
 * …"), since the API takes the codes and the person reading the error knows the labels.
 */
export const labelledEnum = <const T extends readonly [string, ...string[]]>(
  values: T,
  labels: Readonly<Record<T[number], string>>,
  what: string,
) =>
  z.enum(values, {
    error: `${what}应为以下之一：${values.map((v) => `${v}（${labels[v as T[number]]}）`).join("、")}`,
  });

export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = "输入"): z.output<S> {
  const result = schema.safeParse(input, { error: chineseErrors });
  if (result.success) return result.data;
  const fields: FieldIssue[] = result.error.issues.map((issue) => ({
    path: pathToString(issue.path),
    code: issue.code,
    message: issue.message,
  }));
  const first = fields[0];
  const summary = first ? `${first.path || "(根)"}：${first.message}` : "格式不正确";
  throw new DomainError("invalid_input", `${what}有误（${fields.length}处）：${summary}`, fields);
}
