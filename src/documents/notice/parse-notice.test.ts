import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseNotice } from "./parse-notice.ts";

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../test/fixtures/notices/${name}`, import.meta.url), "utf8");

interface Expected {
  inspection: Record<string, string>;
  stated: Record<string, number>;
  problems: { title: string; status: string; aspect?: string }[];
  countMismatch: boolean;
}

describe("parseNotice on the example notices", () => {
  for (const name of ["seed", "A", "B", "C", "D", "E"]) {
    const expected = JSON.parse(fixture(`${name}.expected.json`)) as Expected;
    const draft = parseNotice(fixture(`${name}.txt`));

    it(`${name}: recovers the inspection (kind, team, target, dates)`, () => {
      expect(draft.recognised).toBe(true);
      expect(draft.inspection).toEqual(expected.inspection);
    });

    it(`${name}: reads the counts the text states`, () => {
      const { completionRate: _rate, ...stated } = draft.stated;
      expect(stated).toEqual(expected.stated);
    });

    it(`${name}: lists every problem in order with its title, status and aspect`, () => {
      expect(
        draft.problems.map((p) => ({
          title: p.title,
          status: p.status,
          ...(p.aspect ? { aspect: p.aspect } : {}),
        })),
      ).toEqual(expected.problems);
      expect(draft.problems.map((p) => p.no)).toEqual(expected.problems.map((_, i) => i + 1));
    });

    it(`${name}: warns about a count mismatch exactly when the text contradicts itself`, () => {
      expect(draft.warnings.some((w) => w.code === "count_mismatch")).toBe(expected.countMismatch);
    });
  }

  it("E: names both numbers in the count-mismatch warning", () => {
    const warning = parseNotice(fixture("E.txt")).warnings.find((w) => w.code === "count_mismatch");
    expect(warning?.message).toBe("文中称已整改7个问题，实际列出6个");
  });

  it("A, B, C: read the public-supervision contact block", () => {
    const a = parseNotice(fixture("A.txt")).contact;
    expect(a).toMatchObject({
      phones: ["0000-5550123"],
      emails: ["tljwzg@example.com"],
      address: "汀岚县文昌路18号县卫生健康委员会办公室",
      until: "2024-02-29",
    });
    expect(parseNotice(fixture("B.txt")).contact).toMatchObject({
      phones: ["0000-5550188"],
      emails: ["czfh_jw@example.com"],
    });
    expect(parseNotice(fixture("C.txt")).contact).toMatchObject({
      phones: ["0000-5550136"],
      emails: ["lsjyzg@example.com"],
    });
  });

  it("A, C: take the signature and its date off the end", () => {
    const a = parseNotice(fixture("A.txt"));
    expect([a.signatory, a.issuedOn, a.issuer]).toEqual([
      "中共汀岚县卫生健康委员会党组",
      "2024-01-15",
      "中共汀岚县卫生健康委员会党组",
    ]);
    expect(parseNotice(fixture("C.txt")).issuedOn).toBe("2023-07-06");
  });

  it("C: keeps responsible leader and deadline of each labelled problem", () => {
    const [first, , , fourth, , , seventh] = parseNotice(fixture("C.txt")).problems;
    expect(first).toMatchObject({ responsibleLeader: "党组成员、副局长孟晓川", deadline: "2023-06-30" });
    expect(first?.measures.map((m) => m.text)).toEqual([
      "按照师生比核定思政课教师需求，通过公开招聘、校内转岗培训补足缺口",
      "组建区级思政课教研共同体。",
    ]);
    expect(fourth).toMatchObject({ deadlineText: "长期坚持", deadlineLongTerm: true });
    expect(fourth?.deadline).toBeUndefined();
    expect(seventh).toMatchObject({ status: "long_term", deadline: "2023-06-30" });
  });

  it("D: reads per-aspect counts and strips the status word from the measure", () => {
    const d = parseNotice(fixture("D.txt"));
    expect(d.aspects.map((a) => [a.name, a.stated])).toEqual([
      ["预算执行", { problems: 6, completed: 5, inProgress: 1 }],
      ["专项资金", { problems: 5, completed: 3, inProgress: 2 }],
      ["国有资产", { problems: 4, completed: 3, inProgress: 1 }],
    ]);
    expect(d.problems[0]?.measures[0]?.text).toMatch(/^上述单位已于2024年8月底前/);
    expect(d.warnings.filter((w) => w.code === "aspect_count_mismatch")).toEqual([]);
  });

  it("B: reads the completion rate of the statistics paragraph", () => {
    expect(parseNotice(fixture("B.txt")).stated.completionRate).toBe("81.25");
  });
});

describe("parseNotice on the seed notice in detail", () => {
  const seed = parseNotice(fixture("seed.txt"));

  it("warns only that its 4 aspects are stated but its problems are not grouped by them", () => {
    expect(seed.warnings).toEqual([
      {
        code: "aspect_count_mismatch",
        message: "文中称4个方面，但问题未按方面分组列出，方面未能导入",
        line: seed.problems[0]?.line,
      },
    ]);
  });

  it("takes every problem's measures from its 一是/二是 items (28 found; the text states 40 for the whole plan)", () => {
    expect(seed.problems.map((p) => p.measures.length)).toEqual([2, 2, 3, 2, 3, 2, 3, 3, 3, 3, 2]);
    expect(seed.counted.measures).toBe(28);
    expect(seed.stated.measures).toBe(40);
    expect(seed.problems[0]?.measures[0]?.text).toMatch(/^加强学习培训。/);
    // The unnumbered paragraph after 一是 continues that item.
    expect(seed.problems[0]?.measures[0]?.text).toContain("\n结合党史学习教育");
    expect(seed.problems[7]?.measures[0]?.text).toMatch(/^严格落实《市文联党组理论中心组学习规则》/);
  });

  it("reads the in-progress problems' 正在深化整改的内容及时限 with deadlines", () => {
    const ongoing = seed.problems
      .slice(8)
      .map((p) => p.ongoing.map((o) => [o.text.slice(0, 12), o.deadline]));
    expect(ongoing).toEqual([
      [
        ["推进“文艺家之家”建设。", null],
        ["推进协会换届工作。目前已", null],
        ["探索推进乡镇文联。与县区", null],
      ],
      [["计划年内完成无锡太湖文学", "2021-12-31"]],
      [["干部队伍建设任务紧迫。由", "2021-12-31"]],
    ]);
    expect(seed.problems.slice(0, 8).every((p) => p.ongoing.length === 0)).toBe(true);
  });

  it("finds outcome candidates with the sentence they came from", () => {
    const all = seed.problems.flatMap((p) => p.outcomes);
    const find = (q: string, unit: string) => all.find((o) => o.quantity === q && o.unit === unit);
    expect(find("47", "人")).toMatchObject({ kind: "trainings" });
    expect(find("47", "人")?.source).toContain("优秀文艺骨干47人参加培训");
    expect(find("150", "场次")?.source).toContain("全年举办150场次");
    expect(find("7", "个")?.source).toContain("7个功能型党支部");
    expect(find("13", "个")?.source).toContain("13个功能型党支部");
    expect(find("60", "人")).toMatchObject({ kind: "trainings" });
  });

  it("reads the organisation section: leader, meetings, mechanisms", () => {
    expect(seed.organisation).toMatchObject({ leader: "杨建", leaderTitle: "党组书记", meetings: 3 });
    expect(seed.organisation?.mechanisms).toContain("坚持对账销号、立行立改");
  });

  it("reads the three next-step plan items and keeps the lead-in before them", () => {
    expect(seed.plan.map((p) => p.title)).toEqual([
      "压紧压实党组主体责任",
      "坚持抓整改落实力度不减",
      "不断巩固巡察整改成果",
    ]);
    expect(seed.planLead).toBe(
      "下一步，市文联党组将继续按照市委和市委巡察组要求，采取更加有力的措施，不断巩固巡察反馈问题整改成果，推动文艺事业高质量发展。",
    );
  });

  it("keeps the lead-in of a plan written as 一是/二是 runs, and has none when the items start at once", () => {
    const notice = (plan: string) =>
      parseNotice(
        `中共某县审计局党组关于审计整改情况的通报\n一、整改落实情况\n1.关于“预算执行不严格”问题的整改\n整改措施：建立台账。\n二、下一步工作打算\n${plan}`,
      );
    const withLead = notice("我局将持续抓好整改。\n一是健全制度。二是强化监督。");
    expect(withLead.planLead).toBe("我局将持续抓好整改。");
    expect(withLead.plan.map((p) => p.text)).toEqual(["健全制度。", "强化监督。"]);
    expect(notice("一是健全制度。二是强化监督。").planLead).toBeNull();
  });

  it("takes the issuer from the title and finds no contact block (the seed has none)", () => {
    expect(seed.issuer).toBe("中共无锡市文学艺术界联合会党组");
    expect(seed.contact).toBeNull();
    expect(seed.unclassified).toEqual([]);
  });
});
