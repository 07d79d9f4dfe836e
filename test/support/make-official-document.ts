// Test builders for official documents: a seed-like notice with every block kind, and a large one for timing.
// Defaults are realistic (taken from the seed notice); override any field per test.

import type { Block, OfficialDocument } from "../../src/documents/official-document/official-document.ts";

/** A notice like the seed, internal variant with red header and 版记, using every block kind. */
export function makeOfficialDocument(overrides: Partial<OfficialDocument> = {}): OfficialDocument {
  return {
    variant: "internal",
    title: "中共无锡市文学艺术界联合会党组关于巡察整改情况的通报",
    addressee: "各党支部：",
    redHeader: { issuer: "中共无锡市文学艺术界联合会党组", docNumber: "市文联党组〔2021〕3号" },
    blocks: [
      {
        type: "paragraph",
        text: "根据市委统一部署，2020年11月12日至2021年1月12日，市委第八巡察组对市文联党组进行了巡察。现将巡察整改情况予以公布。",
      },
      { type: "heading", level: 1, number: "一、", text: "整改工作组织情况" },
      {
        type: "heading",
        level: 2,
        number: "（一）",
        text: "提高政治站位，强化组织领导。",
        runIn: "市文联党组先后3次召开会议，专题学习巡察整改精神。",
      },
      { type: "heading", level: 1, number: "二、", text: "整改落实情况" },
      { type: "heading", level: 2, number: "（一）", text: "已整改完成的问题" },
      { type: "paragraph", text: "针对巡察反馈意见指出的问题，真改实改，截至目前，共计8个问题已整改。" },
      { type: "heading", level: 3, number: "1、", text: "关于“学习前瞻性思考不多、谋划不深”问题的整改。" },
      { type: "label", text: "整改结果及成效：" },
      { type: "paragraph", lead: "一是", text: "加强学习培训。组织各文艺家协会优秀文艺骨干47人参加培训。" },
      { type: "heading", level: 4, number: "（1）", text: "建立学习制度" },
      { type: "paragraph", lead: "整改情况：", text: "已制定《党组理论学习中心组学习制度》。" },
      { type: "heading", level: 1, number: "三、", text: "下一步全面推进整改计划" },
      { type: "paragraph", text: "欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0510-12345678。" },
    ],
    attachments: ["巡察整改任务清单", "整改完成情况统计表"],
    signature: { org: "中共无锡市文学艺术界联合会党组", date: "2021-06-30" },
    note: "（此件发至各党支部）",
    colophon: {
      copyTo: ["市委巡察办", "市委第八巡察组"],
      printedBy: "无锡市文学艺术界联合会办公室",
      printedOn: "2021-06-30",
    },
    ...overrides,
  };
}

const SENTENCE =
  "针对反馈问题，细化整改措施，明确责任领导、责任部门和完成时限，建立问题清单、任务清单、责任清单，实行挂账督办、对账销号。";

/**
 * A notice of `problems` problems with `measuresPerProblem` measures each; the default 60 × 5 gives 960 body
 * blocks (≈1,000 paragraphs), the size the writers' timing target is set for.
 */
export function makeLargeOfficialDocument(problems = 60, measuresPerProblem = 5): OfficialDocument {
  const blocks: Block[] = [{ type: "heading", level: 1, number: "二、", text: "整改落实情况" }];
  const ordinals = ["一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是"];
  for (let p = 1; p <= problems; p++) {
    blocks.push({ type: "heading", level: 3, number: `${p}.`, text: `关于“第${p}个反馈问题”的整改。` });
    blocks.push({ type: "label", text: "整改措施：" });
    for (let m = 0; m < measuresPerProblem; m++) {
      blocks.push({ type: "paragraph", lead: ordinals[m % ordinals.length] ?? "", text: SENTENCE });
    }
    blocks.push({ type: "label", text: "整改进展：" });
    for (let m = 0; m < measuresPerProblem; m++) {
      blocks.push({
        type: "paragraph",
        lead: ordinals[m % ordinals.length] ?? "",
        text: `${SENTENCE}${SENTENCE}`,
      });
    }
    blocks.push({ type: "paragraph", lead: "责任领导：", text: "党组成员、副主席张某某" });
    blocks.push({ type: "paragraph", lead: "整改时限：", text: "2021年12月31日前" });
    blocks.push({ type: "paragraph", lead: "完成情况：", text: "已完成" });
  }
  return makeOfficialDocument({ blocks });
}
