// The requests of the supervision register (督办台账): the unit's written reply to a 督办通知, and a 告诫 or 约谈
// record. One schema each for the API body, the CLI flags, the web forms and the use cases.

import { z } from "zod";
import { calendarDateSchema, optionalText, requiredText } from "./validation.ts";

const names = (what: string) =>
  z
    .array(requiredText(60), { error: `${what}应为姓名（职务）的列表` })
    .min(1, { error: `请至少填写一名${what}` })
    .max(30, { error: `${what}最多30名` });

const measureIds = z
  .array(z.string().min(1).max(100))
  .min(1, { error: "请至少选择一项整改措施" })
  .max(1000)
  .optional()
  .describe("涉及的整改措施编号；不填为所有符合条件（督办通知回复时限届满后仍逾期）的措施");

export const supervisionReplySchema = z.object({
  receivedOn: calendarDateSchema.describe("收到书面回复的日期"),
  summary: requiredText(4000).describe("回复内容摘要"),
  evidence: optionalText(300).describe("回复文件或佐证材料的文号、名称或编号"),
});

export const admonitionSchema = z.object({
  kind: z.literal("admonition"),
  measureIds,
  content: requiredText(4000).describe("告诫内容"),
  warned: names("被告诫人").describe("被告诫人（姓名、职务）"),
});

export const talkSchema = z.object({
  kind: z.literal("talk"),
  measureIds,
  heldOn: calendarDateSchema.describe("约谈日期"),
  place: requiredText(100).describe("约谈地点"),
  talkedTo: names("被约谈人").describe("被约谈人（姓名、职务）"),
  heldBy: names("约谈人").describe("约谈人（姓名、职务）"),
  summary: requiredText(4000).describe("约谈内容摘要"),
  followUp: requiredText(2000).describe("后续要求及跟踪安排"),
});

export const escalationSchema = z.discriminatedUnion("kind", [admonitionSchema, talkSchema], {
  error: "类型应为 admonition（告诫）或 talk（约谈）",
});

export type SupervisionReplyRequest = z.input<typeof supervisionReplySchema>;
export type EscalationRequest = z.input<typeof escalationSchema>;
