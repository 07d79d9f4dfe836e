import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import type { InspectionLedger, LedgerMeasure, LedgerProblem } from "../../domain/inspection-ledger.ts";
import type { CalendarDate } from "../../domain/calendar-date.ts";
import { countLedger, type ProblemTally } from "../../domain/ledger-statistics.ts";
import type { MeasureKind, MeasureState } from "../../domain/measure.ts";
import { OUTCOME_KINDS, type OutcomeKind } from "../../domain/outcome.ts";
import { deriveProblemStatus } from "../../domain/problem-status.ts";
import type { Disclosure, WithholdingReason } from "../../domain/problem.ts";
import { blockText, type OfficialDocument } from "../official-document/official-document.ts";
import { writeDocx } from "../official-document/write-docx.ts";
import { writeMarkdown } from "../official-document/write-markdown.ts";
import {
  buildNoticeDocument,
  measureGroups,
  stripOrdinalLead,
  type BuildNoticeOptions,
} from "./build-notice-document.ts";
import type { NoticeDraft } from "./notice-draft.ts";
import { markdownToText } from "./markdown-to-text.ts";
import { parseNotice } from "./parse-notice.ts";

// ---- A hand-built ledger mirroring the seed notice (no database) ----

interface MeasureSpec {
  text: string;
  state?: MeasureState;
  kind?: MeasureKind;
  deadline?: CalendarDate | null;
}
interface ProblemSpec {
  title: string;
  aspect: string | null;
  measures: MeasureSpec[];
  disclosure?: Disclosure;
  reason?: WithholdingReason | null;
}

const INSPECTION_ID = "insp-1";

function makeLedger(
  specs: ProblemSpec[],
  extra: Partial<Pick<InspectionLedger, "plan">> & {
    aspects?: string[];
    dates?: Partial<Record<"onsiteStart" | "onsiteEnd" | "feedbackDate", CalendarDate | null>>;
  } = {},
): InspectionLedger {
  const asOf = "2021-06-30";
  const problems: LedgerProblem[] = specs.map((s, i) => {
    const id = `p${i + 1}`;
    const measures: LedgerMeasure[] = s.measures.map((m, j) => ({
      id: `${id}-m${j + 1}`,
      inspectionId: INSPECTION_ID,
      problemId: id,
      seq: j + 1,
      text: m.text,
      kind: m.kind ?? "time_limited",
      deadline: m.deadline ?? null,
      leadLeaderId: null,
      departmentId: null,
      personId: null,
      cooperatingDepartmentIds: [],
      acceptanceCriteria: null,
      evidenceRequired: false,
      state: m.state ?? "closed",
      closedAt: null,
      version: 1,
      submissions: 0,
      originalDeadline: null,
      overdue: false,
    }));
    const tally = tallyOf(id, s.aspect, measures);
    return {
      id,
      inspectionId: INSPECTION_ID,
      aspectId: s.aspect,
      seq: i + 1,
      title: s.title,
      feedbackText: s.title,
      symptoms: null,
      source: "feedback",
      disclosure: s.disclosure ?? "public",
      withholdingReason: s.reason ?? null,
      isCommon: false,
      status: deriveProblemStatus(tally),
      measures,
      outcomes: [],
    };
  });
  const tallies = problems.map((p) => tallyOf(p.id, p.aspectId, p.measures));
  const aspectTitles = extra.aspects ?? [];
  return {
    people: [],
    inspection: {
      id: INSPECTION_ID,
      regime: "xuncha",
      kind: "regular",
      roundLabel: null,
      team: "市委第八巡察组",
      oversightOrgId: null,
      targetOrgId: "org-1",
      onsiteStart: "2020-11-12",
      onsiteEnd: "2021-01-12",
      feedbackDate: "2021-03-04",
      ...extra.dates,
      reportDue: null,
      concentratedEnd: null,
      isExample: false,
      createdAt: "2021-03-04T00:00:00Z",
    },
    unit: { id: "org-1", parentId: null, kind: "unit", name: "无锡市文学艺术界联合会党组", path: "/org-1/" },
    asOf,
    aspects: aspectTitles.map((title, i) => ({
      id: `a${i + 1}`,
      inspectionId: INSPECTION_ID,
      seq: i + 1,
      title,
      counts: countLedger(tallies.filter((t) => t.aspectId === `a${i + 1}`)),
    })),
    problems,
    counts: countLedger(tallies),
    outcomeTotals: Object.fromEntries(OUTCOME_KINDS.map((k) => [k, "0"])) as Record<OutcomeKind, string>,
    plan: extra.plan ?? { leadingGroup: undefined, meetings: [], items: [] },
  };
}

function tallyOf(
  problemId: string,
  aspectId: string | null,
  measures: readonly LedgerMeasure[],
): ProblemTally {
  return {
    problemId,
    inspectionId: INSPECTION_ID,
    aspectId,
    measures: measures.length,
    open: measures.filter((m) => m.state !== "closed").length,
    closed: measures.filter((m) => m.state === "closed").length,
    closedLongTerm: measures.filter((m) => m.state === "closed" && m.kind === "long_term").length,
    overdue: 0,
  };
}

const SPECS: ProblemSpec[] = [
  {
    title: "学习习近平新时代中国特色社会主义思想前瞻性思考不多、谋划不深",
    aspect: "a1",
    measures: [
      {
        text: "加强学习培训。把学习贯彻习近平新时代中国特色社会主义思想作为首要政治任务，组织优秀文艺骨干47人参加培训。",
      },
      { text: "二是强化调查研究，提高服务水平。多层次组织专题调研，广泛听取文艺家意见建议。" },
    ],
  },
  {
    title: "融入无锡发展大局主动性不强",
    aspect: "a1",
    measures: [{ text: "主动融入全市高质量发展大局。开展“深入生活实际、书写美丽无锡”活动。" }],
  },
  {
    title: "涉及个人的具体问题",
    aspect: "a2",
    disclosure: "withheld",
    reason: "personal_privacy",
    measures: [{ text: "对有关人员进行谈话提醒。" }],
  },
  {
    title: "执行财务管理制度不够严格",
    aspect: "a2",
    measures: [
      { text: "加强财务管理。落实内控制度，严格执行财务规章制度。" },
      { text: "规范财务报销。强化经费管理刚性约束，规范财务报销程序。" },
    ],
  },
  {
    title: "相关改革推进缓慢",
    aspect: "a2",
    measures: [
      { text: "修订文联“三定”方案。调整后的“三定”方案已由市委办公室印发。" },
      { text: "推进事业单位改革。制定文艺研究院《章程》，促进事业单位依法依章程开展工作。" },
      {
        text: "推进“文艺家之家”建设。研究起草建设方案，专题向市委、市政府领导报告。",
        state: "in_progress",
        deadline: "2021-12-31",
      },
      {
        text: "探索推进乡镇文联。在条件成熟的乡镇、街道试点建设乡镇文联。",
        state: "in_progress",
        kind: "long_term",
      },
    ],
  },
  {
    title: "队伍建设存在不足",
    aspect: "a1",
    measures: [
      { text: "加强干部岗位锻炼。派遣2位年轻同志到有关部门进行学习锻炼。" },
      { text: "加强年轻干部的选拔培养，常态化开展干部职务职级晋升工作。", kind: "long_term" },
    ],
  },
];

const PLAN: InspectionLedger["plan"] = {
  leadingGroup: { inspectionId: INSPECTION_ID, leader: "党组书记杨建", members: [] },
  meetings: [1, 2, 3].map((n) => ({
    id: `mt${n}`,
    inspectionId: INSPECTION_ID,
    heldOn: null,
    title: `会议${n}`,
  })),
  items: [
    {
      id: "i1",
      inspectionId: INSPECTION_ID,
      seq: 1,
      text: "压紧压实党组主体责任。切实把整改责任压实到岗、压紧到人。",
      deadline: null,
    },
    {
      id: "i2",
      inspectionId: INSPECTION_ID,
      seq: 2,
      text: "不断巩固巡察整改成果。形成长效机制。",
      deadline: "2021-12-31",
    },
  ],
};

const ledger = makeLedger(SPECS, { aspects: ["党的领导", "全面从严治党"], plan: PLAN });
const base: BuildNoticeOptions = { version: "internal", layout: "status", issuedOn: "2021-06-30" };
const CONTACT = "联系电话：0510-81821234；电子邮箱：wxwl@example.cn。";

const texts = (doc: OfficialDocument): string[] => doc.blocks.map(blockText);
const body = (doc: OfficialDocument): string => texts(doc).join("\n");
const DEADLINE_SUFFIX = /（(?:完成时限：[^）]*|长期坚持)）$/;

/**
 * parseNotice reads plain text; `writeMarkdown` writes ATX headings ("## 一、…") and backslash escapes, which
 * the parser does not strip (parser gap, see the report). This is what a .md reader has to do first.
 */
/** What the parsed notice must give back, problem by problem, in document order. */
function expectedProblems(
  l: InspectionLedger,
  shown: (p: LedgerProblem) => boolean,
  order: LedgerProblem["status"][],
) {
  return order.flatMap((status) =>
    l.problems
      .filter((p) => p.status === status && shown(p))
      .map((p) => {
        const { done, continuing } = measureGroups(p);
        return {
          title: p.title,
          status: p.status,
          measures: done.map((m) => stripOrdinalLead(m.text)),
          ongoing: continuing.map((m) => stripOrdinalLead(m.text)),
          deadlines: continuing.map((m) => m.deadline),
        };
      }),
  );
}

const actualProblems = (draft: NoticeDraft) =>
  draft.problems.map((p) => ({
    title: p.title,
    status: p.status,
    measures: p.measures.map((m) => m.text),
    ongoing: p.ongoing.map((o) => o.text.replace(DEADLINE_SUFFIX, "")),
    deadlines: p.ongoing.map((o) => o.deadline),
  }));

describe("buildNoticeDocument", () => {
  it("derives statuses as the seed has them (the fixture itself)", () => {
    expect(ledger.problems.map((p) => p.status)).toEqual([
      "completed",
      "completed",
      "completed",
      "completed",
      "in_progress",
      "long_term",
    ]);
    expect(ledger.counts).toMatchObject({
      problems: 6,
      completed: 4,
      inProgress: 1,
      longTerm: 1,
      measures: 12,
    });
  });

  it("writes the title, the intro with the dates, and the organisation section from the ledger", () => {
    const { document } = buildNoticeDocument(ledger, base);
    expect(document.title).toBe("中共无锡市文学艺术界联合会党组关于巡察整改情况的通报");
    expect(document.variant).toBe("internal");
    expect(texts(document)[0]).toBe(
      "根据市委统一部署，2020年11月12日至2021年1月12日，市委第八巡察组对无锡市文学艺术界联合会党组进行了巡察。" +
        "3月4日，市委第八巡察组向无锡市文学艺术界联合会党组反馈了巡察意见。现将巡察整改情况通报如下。",
    );
    const text = body(document);
    expect(text).toContain("一、整改工作组织情况");
    expect(text).toContain("成立以党组书记杨建同志为组长的巡察整改工作领导小组");
    expect(text).toContain("先后3次召开会议");
    expect(text).toContain("根据巡察反馈意见中指出的2个方面6项问题，细化分解为12条整改措施");
    expect(document.signature).toEqual({ org: "中共无锡市文学艺术界联合会党组", date: "2021-06-30" });
  });

  it("writes the organisation section with the seed's （一）（二） run-in sub-headings, members named internally only", () => {
    const withMembers = makeLedger(SPECS, {
      aspects: ["党的领导", "全面从严治党"],
      plan: { ...PLAN, leadingGroup: { ...PLAN.leadingGroup!, members: ["张三", "李四"] } },
    });
    const internal = texts(buildNoticeDocument(withMembers, base).document);
    expect(internal).toContain(
      "（一）提高政治站位，强化组织领导。无锡市文学艺术界联合会党组先后3次召开会议，专题研究部署巡察整改工作。",
    );
    expect(internal).toContain(
      "（二）层层压实责任，细化整改措施。根据巡察反馈意见中指出的2个方面6项问题，细化分解为12条整改措施，坚持对账销号、立行立改，确保整改工作有力有序开展。",
    );
    expect(internal.join("")).toContain("成员为张三、李四");
    const pub = texts(buildNoticeDocument(withMembers, { ...base, version: "public" }).document);
    expect(pub.join("")).not.toContain("张三");
    expect(pub.join("")).toContain("成立以党组书记杨建同志为组长");
  });

  it("takes the 版头, 主送, 附注 contact, 版记 and public-supervision block from the resolved options", () => {
    const { document } = buildNoticeDocument(ledger, {
      ...base,
      version: "public",
      official: {
        issuer: "中共无锡市文学艺术界联合会党组",
        docNumber: "市文联党组〔2021〕3号",
        addressee: "各党支部",
        contactPerson: "张三",
        contactPhone: "0510-12345678",
        copyTo: ["市委巡察办"],
        publicContact: "联系电话：0510-81821234。",
      },
    });
    expect(document.redHeader).toEqual({
      issuer: "中共无锡市文学艺术界联合会党组",
      docNumber: "市文联党组〔2021〕3号",
    });
    expect(document.addressee).toBe("各党支部：");
    expect(document.note).toEqual(["（联系人：张三，电话：0510-12345678）"]);
    expect(document.colophon).toEqual({
      copyTo: ["市委巡察办"],
      printedBy: "中共无锡市文学艺术界联合会党组",
      printedOn: "2021-06-30",
    });
    expect(texts(document).at(-1)).toBe(
      "欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0510-81821234。",
    );
  });

  it("keeps a unit name that already starts with 中共, honours an explicit issuer, and never invents missing dates", () => {
    const l = makeLedger(SPECS.slice(0, 1), {
      dates: { onsiteStart: null, onsiteEnd: null, feedbackDate: null },
    });
    const named = { ...l, unit: { ...l.unit, name: "中共某某区委" } };
    const { document } = buildNoticeDocument(named, base);
    expect(document.title).toBe("中共某某区委关于巡察整改情况的通报");
    expect(texts(document)[0]).toBe(
      "根据市委统一部署，市委第八巡察组对中共某某区委进行了巡察。市委第八巡察组向中共某某区委反馈了巡察意见。现将巡察整改情况通报如下。",
    );
    expect(body(document)).toContain("指出的1项问题，细化分解为2条整改措施"); // no aspects: no 方面 part
    expect(body(document)).not.toMatch(/年\d+月\d+日至|\d+月\d+日，/);
    expect(buildNoticeDocument(l, { ...base, issuer: "中共某某委员会" }).document.title).toBe(
      "中共某某委员会关于巡察整改情况的通报",
    );
  });

  it("writes the status layout with counts sentences, labels, 一是/二是 leads and deadlines", () => {
    const { document, withheld } = buildNoticeDocument(ledger, { ...base, contact: CONTACT });
    const t = texts(document);
    expect(withheld).toEqual([]);
    expect(t).toContain("二、整改落实情况");
    expect(t).toContain("（一）已整改完成的问题");
    expect(t).toContain("针对巡察反馈意见指出的问题，真改实改，截至目前，共计4个问题已整改。");
    expect(t).toContain("（二）正在推进整改的问题");
    expect(t).toContain("截至目前，共计1个问题正在整改过程中，仍需深化整改。");
    expect(t).toContain("（三）基本完成、持续深化的问题");
    expect(t).toContain("截至目前，共计1个问题基本完成整改，需长期坚持。");
    // problems numbered per section, in the seed's "1、关于“…”问题的整改。" form
    expect(t).toContain("1、关于“学习习近平新时代中国特色社会主义思想前瞻性思考不多、谋划不深”问题的整改。");
    expect(t).toContain("4、关于“执行财务管理制度不够严格”问题的整改。");
    expect(t).toContain("1、关于“相关改革推进缓慢”问题的整改。");
    expect(t).toContain("1、关于“队伍建设存在不足”问题的整改。");
    // labels and leads; a text that already starts with 二是 is not doubled
    const first = t.indexOf(
      "1、关于“学习习近平新时代中国特色社会主义思想前瞻性思考不多、谋划不深”问题的整改。",
    );
    expect(t.slice(first + 1, first + 4)).toEqual([
      "整改结果及成效：",
      "一是加强学习培训。把学习贯彻习近平新时代中国特色社会主义思想作为首要政治任务，组织优秀文艺骨干47人参加培训。",
      "二是强化调查研究，提高服务水平。多层次组织专题调研，广泛听取文艺家意见建议。",
    ]);
    const reform = t.indexOf("1、关于“相关改革推进缓慢”问题的整改。");
    expect(t.slice(reform + 1, reform + 7)).toEqual([
      "整改措施及阶段性成效：",
      "一是修订文联“三定”方案。调整后的“三定”方案已由市委办公室印发。",
      "二是推进事业单位改革。制定文艺研究院《章程》，促进事业单位依法依章程开展工作。",
      "正在深化整改的内容及时限：",
      "一是推进“文艺家之家”建设。研究起草建设方案，专题向市委、市政府领导报告。（完成时限：2021年12月31日）",
      "二是探索推进乡镇文联。在条件成熟的乡镇、街道试点建设乡镇文联。（长期坚持）",
    ]);
    const team = t.indexOf("1、关于“队伍建设存在不足”问题的整改。");
    expect(t.slice(team + 1, team + 5)).toEqual([
      "整改措施及阶段性成效：",
      "一是加强干部岗位锻炼。派遣2位年轻同志到有关部门进行学习锻炼。",
      "正在深化整改的内容及时限：",
      "一是加强年轻干部的选拔培养，常态化开展干部职务职级晋升工作。（长期坚持）",
    ]);
    // next-step plan, contact, in that order at the end
    expect(t.slice(-5)).toEqual([
      "三、下一步全面推进整改计划",
      "下一步，无锡市文学艺术界联合会党组将继续按照市委和市委第八巡察组要求，采取更加有力的措施，不断巩固巡察反馈问题整改成果。",
      "（一）压紧压实党组主体责任。切实把整改责任压实到岗、压紧到人。",
      "（二）不断巩固巡察整改成果。形成长效机制。（完成时限：2021年12月31日）",
      `欢迎广大干部群众对巡察整改落实情况进行监督。${CONTACT}`,
    ]);
    // plan items are run-in 楷体 headings: the item's first sentence is the heading
    expect(
      document.blocks.filter((b) => b.type === "heading" && b.level === 2 && b.runIn !== undefined),
    ).toContainEqual({
      type: "heading",
      level: 2,
      number: "（一）",
      text: "压紧压实党组主体责任。",
      runIn: "切实把整改责任压实到岗、压紧到人。",
    });
    // every paragraph-level block is a valid model block: leads only on paragraphs
    expect(
      document.blocks
        .filter((b) => b.type === "paragraph" && b.lead !== undefined)
        .every((b) => /^[一二三四五六七八九十]+是$/.test((b as { lead: string }).lead)),
    ).toBe(true);
  });

  it("leaves out the long-term section when no problem is long-term, and omits the plan when there are no items", () => {
    const l = makeLedger(SPECS.slice(0, 2));
    const t = texts(buildNoticeDocument(l, base).document);
    expect(t).toContain("（一）已整改完成的问题");
    expect(t.some((x) => x.includes("基本完成、持续深化") || x.includes("正在推进整改的问题"))).toBe(false);
    expect(t.some((x) => x.includes("下一步"))).toBe(false);
  });

  it("public version: omits withheld problems, reports them, keeps the ledger totals and says 予以公布", () => {
    const { document, withheld } = buildNoticeDocument(ledger, { ...base, version: "public" });
    expect(document.variant).toBe("public");
    expect(withheld).toEqual([
      { problemId: "p3", title: "涉及个人的具体问题", disclosure: "withheld", reason: "personal_privacy" },
    ]);
    const text = body(document);
    expect(text).not.toContain("涉及个人的具体问题");
    expect(text).not.toContain("对有关人员进行谈话提醒");
    expect(text).toContain("共计4个问题已整改"); // totals describe all problems
    expect(text).toContain("3、关于“执行财务管理制度不够严格”问题的整改。"); // numbering closes the gap
    expect(texts(document)[0]).toMatch(/按照党务公开原则和巡察工作有关要求，现将巡察整改情况予以公布。$/);
    // the internal version shows everything
    expect(body(buildNoticeDocument(ledger, base).document)).toContain("涉及个人的具体问题");
  });

  it("aspect layout: groups problems under their aspects with （N个问题） and a status sentence each", () => {
    const t = texts(buildNoticeDocument(ledger, { ...base, layout: "aspect" }).document);
    expect(t).toContain("截至目前，共计4个问题已整改，1个问题正在整改，1个问题基本完成整改、需长期坚持。");
    expect(t).toContain("（一）党的领导方面（3个问题）");
    expect(t).toContain("（二）全面从严治党方面（3个问题）");
    const a2 = t.indexOf("（二）全面从严治党方面（3个问题）");
    expect(t.slice(a2 + 1, a2 + 3)).toEqual([
      "1、关于“涉及个人的具体问题”问题的整改。",
      "截至目前，该问题已整改完成。",
    ]);
    expect(t).toContain("截至目前，该问题正在整改，仍需深化整改。");
    expect(t).toContain("截至目前，该问题已基本完成整改，需长期坚持。");
  });
});

describe("round trip through parseNotice", () => {
  const statusOrder: LedgerProblem["status"][] = ["completed", "in_progress", "long_term"];

  it("Markdown → parseNotice gives back the problems, statuses, measure texts, counts and dates", () => {
    const { document } = buildNoticeDocument(ledger, { ...base, version: "public", contact: CONTACT });
    const draft = parseNotice(markdownToText(writeMarkdown(document)));
    expect(draft.recognised).toBe(true);
    expect(actualProblems(draft)).toEqual(
      expectedProblems(ledger, (p) => p.disclosure !== "withheld", statusOrder),
    );
    expect(draft.title).toBe(document.title);
    expect(draft.inspection).toMatchObject({
      kind: "巡察",
      team: "市委第八巡察组",
      onsiteStart: "2020-11-12",
      onsiteEnd: "2021-01-12",
      feedbackDate: "2021-03-04",
    });
    expect(draft.stated).toMatchObject({
      aspects: 2,
      problems: 6,
      measures: 12,
      completed: 4,
      inProgress: 1,
      longTerm: 1,
    });
    expect(draft.organisation).toMatchObject({ leader: "杨建", meetings: 3 });
    expect(draft.plan.map((p) => p.text)).toHaveLength(2);
    expect(draft.contact?.phones).toEqual(["0510-81821234"]);
    expect(draft.issuedOn).toBe("2021-06-30");
    expect(draft.unclassified).toEqual([]);
  });

  it("Markdown round trip of the internal aspect layout keeps statuses (from the status sentence) and aspects", () => {
    const { document } = buildNoticeDocument(ledger, { ...base, layout: "aspect" });
    const draft = parseNotice(markdownToText(writeMarkdown(document)));
    const byAspect = ["a1", "a2"].flatMap((a) => ledger.problems.filter((p) => p.aspectId === a));
    expect(draft.problems.map((p) => [p.title, p.status, p.aspect])).toEqual(
      byAspect.map((p) => [p.title, p.status, p.aspectId === "a1" ? "党的领导" : "全面从严治党"]),
    );
    expect(draft.problems.map((p) => p.measures.map((m) => m.text))).toEqual(
      byAspect.map((p) => measureGroups(p).done.map((m) => stripOrdinalLead(m.text))),
    );
    expect(
      draft.warnings.filter((w) => w.code === "count_mismatch" || w.code === "aspect_count_mismatch"),
    ).toEqual([]);
  });

  it(".docx → mammoth → parseNotice gives back the same titles, statuses and measures", async () => {
    const { document } = buildNoticeDocument(ledger, { ...base, contact: CONTACT });
    const { value } = await mammoth.extractRawText({ buffer: await writeDocx(document) });
    const draft = parseNotice(value.replace(/\n{2,}/g, "\n"));
    expect(actualProblems(draft)).toEqual(expectedProblems(ledger, () => true, statusOrder));
    expect(draft.stated).toMatchObject({ problems: 6, completed: 4, inProgress: 1, longTerm: 1 });
  });
});
