import { describe, expect, it } from "vitest";
import {
  checkEscalation,
  docNumberPrefix,
  latestLadderSteps,
  replyStatus,
  supervisionDocNumber,
  type SupervisionAction,
} from "./supervision-ladder.ts";

const action = (over: Partial<SupervisionAction> & Pick<SupervisionAction, "id">): SupervisionAction => ({
  inspectionId: "ins",
  kind: "notice",
  docNumber: null,
  issuedOn: "2021-06-30",
  replyBy: "2021-07-07",
  issuingOrgId: null,
  issuer: "市委巡察办",
  actorId: "u",
  createdAt: "2021-06-30T02:00:00.000Z",
  sha256: null,
  measures: [{ measureId: "m1", level: "overdue", deadline: "2021-06-20", daysOverdue: 10 }],
  details: null,
  reply: null,
  ...over,
});

describe("checkEscalation", () => {
  const notice = action({ id: "n1" });
  const overdue = new Set(["m1", "m2"]);

  it("allows a 告诫 the day after the reply date for a measure the notice chased and still overdue", () => {
    expect(checkEscalation({ actions: [notice], overdueMeasureIds: overdue, today: "2021-07-08" })).toEqual({
      eligible: ["m1"],
      refused: [{ measureId: "m2", missing: "no_notice" }],
    });
  });

  it("refuses while the reply time runs, the reply date itself included", () => {
    const check = checkEscalation({ actions: [notice], overdueMeasureIds: overdue, today: "2021-07-07" });
    expect(check.eligible).toEqual([]);
    expect(check.refused).toContainEqual({ measureId: "m1", missing: "reply_time_running" });
  });

  it("allows it whether or not the unit replied, and refuses a measure no longer overdue", () => {
    const replied = action({
      id: "n1",
      reply: { receivedOn: "2021-07-05", summary: "x", evidence: null, recordedBy: "u", recordedAt: "t" },
    });
    expect(
      checkEscalation({
        actions: [replied],
        overdueMeasureIds: overdue,
        today: "2021-07-08",
        requested: ["m1"],
      }).eligible,
    ).toEqual(["m1"]);
    expect(
      checkEscalation({
        actions: [replied],
        overdueMeasureIds: new Set(),
        today: "2021-07-08",
        requested: ["m1"],
      }).refused,
    ).toEqual([{ measureId: "m1", missing: "not_overdue" }]);
  });

  it("counts any earlier notice whose time ran out, though a newer one still runs", () => {
    const newer = action({ id: "n2", issuedOn: "2021-07-08", replyBy: "2021-07-15" });
    expect(
      checkEscalation({ actions: [notice, newer], overdueMeasureIds: overdue, today: "2021-07-09" }).eligible,
    ).toEqual(["m1"]);
  });

  it("does not take a 告诫 or 约谈 for the notice the rule requires", () => {
    const admonition = action({ id: "a1", kind: "admonition", replyBy: null, issuedOn: "2021-06-01" });
    expect(
      checkEscalation({ actions: [admonition], overdueMeasureIds: overdue, today: "2021-07-09" }).eligible,
    ).toEqual([]);
  });
});

describe("reply status, numbers and the latest step", () => {
  it("tells a reply on time from a late one, and an awaited one from one past its date", () => {
    const reply = (receivedOn: string) => ({
      receivedOn,
      summary: "",
      evidence: null,
      recordedBy: "",
      recordedAt: "",
    });
    expect(replyStatus(action({ id: "n", reply: reply("2021-07-07") }), "2021-08-01")).toBe("replied");
    expect(replyStatus(action({ id: "n", reply: reply("2021-07-08") }), "2021-08-01")).toBe("replied_late");
    expect(replyStatus(action({ id: "n" }), "2021-07-07")).toBe("awaiting");
    expect(replyStatus(action({ id: "n" }), "2021-07-08")).toBe("overdue");
    expect(replyStatus(action({ id: "t", kind: "talk", replyBy: null }), "2021-07-08")).toBeNull();
  });

  it("writes the system's 发文字号 and reads a prefix back", () => {
    expect(supervisionDocNumber("市巡办", 2026, 3)).toBe("市巡办〔2026〕3号");
    expect(docNumberPrefix("市巡办〔2026〕3号")).toBe("市巡办");
    expect(docNumberPrefix("3号")).toBeNull();
  });

  it("keeps each measure's latest step by date, then by when it was recorded", () => {
    const steps = latestLadderSteps([
      action({ id: "n1", docNumber: "市巡办〔2021〕1号" }),
      action({ id: "t1", kind: "talk", issuedOn: "2021-07-09", createdAt: "2021-07-09T03:00:00Z" }),
      action({ id: "a1", kind: "admonition", issuedOn: "2021-07-09", createdAt: "2021-07-09T01:00:00Z" }),
      action({
        id: "n2",
        docNumber: "市巡办〔2021〕2号",
        measures: [{ measureId: "m2", level: "red", deadline: "2021-06-30", daysOverdue: 0 }],
      }),
    ]);
    expect(steps.get("m1")).toEqual({ kind: "talk", actionId: "t1", docNumber: null, on: "2021-07-09" });
    expect(steps.get("m2")).toEqual({
      kind: "notice",
      actionId: "n2",
      docNumber: "市巡办〔2021〕2号",
      on: "2021-06-30",
    });
    expect(steps.has("m3")).toBe(false);
  });
});
