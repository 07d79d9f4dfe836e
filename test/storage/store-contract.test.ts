// The storage contract: the same behaviour on a temp SQLite file and on PostgreSQL (when TEST_DATABASE_URL is set).

import { SYSTEM_CALLER } from "../../src/domain/account.ts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR, type Deps } from "../../src/app/deps.ts";
import { getInspectionLedger } from "../../src/app/get-inspection-ledger.ts";
import { changeMeasureState } from "../../src/app/change-measure-state.ts";
import { summarizeInspections } from "../../src/app/summarize-inspections.ts";
import { DomainError } from "../../src/domain/domain-error.ts";
import { SCOPE_ALL, scopeOf } from "../../src/domain/scope.ts";
import type { Store } from "../../src/storage/store.ts";
import { makeLedger, makeMeasure, makeProblem } from "../support/ledger-builders.ts";
import { testDatabases, testDeps } from "../support/test-stores.ts";

describe.each(testDatabases)("store contract on $name", (database) => {
  let store: Store;
  let deps: Deps;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ store, cleanup } = await database.open());
    deps = testDeps(store);
  });
  afterEach(async () => cleanup());

  it("stores a ledger and derives statuses and counts from its measures", async () => {
    const { inspectionId } = await createLedger(deps, SYSTEM_ACTOR, makeLedger());
    const ledger = await getInspectionLedger(deps, SCOPE_ALL, inspectionId, "2021-06-30");

    expect(ledger.unit.name).toBe("市文联党组");
    expect(ledger.inspection.reportDue).toBe("2021-05-04");
    expect(ledger.problems.map((p) => [p.title, p.status])).toEqual([
      ["四风问题依然存在", "completed"],
      ["党建工作质量不高", "long_term"],
      ["执行财务管理制度不够严格", "in_progress"],
    ]);
    expect(ledger.counts).toMatchObject({
      problems: 3,
      completed: 1,
      inProgress: 1,
      longTerm: 1,
      measures: 5,
      closedMeasures: 4,
      overdueMeasures: 1,
      completionRate: "33.33",
    });
    expect(ledger.aspects.map((a) => [a.title, a.counts.problems])).toEqual([
      ["全面从严治党", 2],
      ["党的建设", 1],
    ]);
    expect(ledger.problems[2]?.measures[0]?.overdue).toBe(true);
    expect(ledger.plan.leadingGroup).toEqual({ inspectionId, leader: "杨建", members: ["李四"] });
    expect(ledger.plan.meetings).toHaveLength(1);
  });

  it("reuses departments and people by name under the unit", async () => {
    const { inspectionId, unitId } = await createLedger(deps, SYSTEM_ACTOR, makeLedger());
    await createLedger(deps, SYSTEM_ACTOR, makeLedger());
    const departments = await store.orgs.list(SCOPE_ALL, { kind: "department", parentId: unitId });
    expect(departments.map((d) => d.name)).toEqual(["办公室"]);
    const measures = await store.measures.listByInspection(SCOPE_ALL, inspectionId);
    expect(new Set(measures.map((m) => m.leadLeaderId)).size).toBe(1);
  });

  it("creates one department per name even when a measure names it twice among its cooperators", async () => {
    const { unitId } = await createLedger(
      deps,
      SYSTEM_ACTOR,
      makeLedger({
        problems: [
          makeProblem({
            measures: [
              makeMeasure({ department: "宣传部", cooperatingDepartments: ["宣传部", "宣传部", "组织部"] }),
            ],
          }),
        ],
      }),
    );
    const departments = await store.orgs.list(SCOPE_ALL, { kind: "department", parentId: unitId });
    expect(departments.map((d) => d.name).sort()).toEqual(["组织部", "宣传部"].sort());
    await expect(
      store.orgs.insert({ id: "twin", parentId: unitId, kind: "department", name: "宣传部", path: "/twin/" }),
    ).rejects.toThrow();
  });

  it("refuses a measure under another inspection's problem and stores nothing of the batch", async () => {
    const a = await createLedger(deps, SYSTEM_ACTOR, makeLedger());
    const b = await createLedger(deps, SYSTEM_ACTOR, makeLedger({ unitName: "市科协党组" }));
    const [measure] = await store.measures.listByInspection(SCOPE_ALL, a.inspectionId);
    const [foreignProblem] = await store.problems.listByInspection(SCOPE_ALL, b.inspectionId);
    const before = (await store.measures.listByInspection(SCOPE_ALL, a.inspectionId)).length;
    await expect(
      store.transaction(async (tx) => {
        await tx.measures.insertMany([
          { ...measure!, id: "msr-ok" },
          { ...measure!, id: "msr-cross", problemId: foreignProblem!.id },
        ]);
      }),
    ).rejects.toThrow();
    expect(await store.measures.listByInspection(SCOPE_ALL, a.inspectionId)).toHaveLength(before);
    expect(await store.measures.get(SCOPE_ALL, "msr-ok")).toBeUndefined();
  });

  it("leaves nothing stored when a multi-row write fails half way", async () => {
    // The second org breaks the unique path after the first was written in the same transaction.
    await expect(
      store.transaction(async (tx) => {
        await tx.orgs.insert({ id: "u1", parentId: null, kind: "unit", name: "临时单位", path: "/u1/" });
        await tx.orgs.insert({ id: "u2", parentId: null, kind: "unit", name: "重复路径", path: "/u1/" });
      }),
    ).rejects.toThrow();
    expect(await store.orgs.list(SCOPE_ALL)).toEqual([]);
  });

  it("rolls back a whole ledger when validation passes but a later write throws", async () => {
    const failing: Deps = {
      ...deps,
      ids: {
        next: (prefix) => {
          if (prefix === "out") throw new Error("disk full while writing outcomes");
          return deps.ids.next(prefix);
        },
      },
    };
    const input = makeLedger({
      problems: [makeProblem({ outcomes: [{ kind: "rules_new", quantity: "2" }] })],
    });
    await expect(createLedger(failing, SYSTEM_ACTOR, input)).rejects.toThrow(/disk full/);
    expect(await store.inspections.count(SCOPE_ALL)).toBe(0);
    expect(await store.orgs.list(SCOPE_ALL)).toEqual([]);
    expect(await store.audit.verify()).toBeNull();
  });

  it("names the bad field in Chinese when input is invalid, and stores nothing", async () => {
    const input = makeLedger({
      problems: [makeProblem({ measures: [makeMeasure({ deadline: "2021-02-30" })] })],
    });
    const error = await createLedger(deps, SYSTEM_ACTOR, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("invalid_input");
    expect((error as DomainError).fields).toContainEqual(
      expect.objectContaining({ path: "problems.0.measures.0.deadline", message: "不是有效的日期" }),
    );
    expect(await store.inspections.count(SCOPE_ALL)).toBe(0);
  });

  it("shows each caller only the inspections of its org subtree", async () => {
    const a = await createLedger(deps, SYSTEM_ACTOR, makeLedger({ unitName: "市文联党组" }));
    await createLedger(deps, SYSTEM_ACTOR, makeLedger({ unitName: "市科协党组" }));
    const unitA = (await store.orgs.get(SCOPE_ALL, a.unitId))!;
    const scopeA = scopeOf([unitA.path]);
    expect((await store.inspections.list(scopeA)).map((i) => i.id)).toEqual([a.inspectionId]);
    const oversight = (await store.orgs.list(SCOPE_ALL, { kind: "oversight" }))[0]!;
    expect(await store.inspections.count(scopeOf([oversight.path]))).toBe(2);
    expect(await store.inspections.count(scopeOf([]))).toBe(0);
    const others = await store.inspections.list(SCOPE_ALL, { targetOrgId: a.unitId });
    expect(others).toHaveLength(1);
    const foreignMeasure = (await store.measures.page(SCOPE_ALL, {}, { limit: 100, offset: 0 })).find(
      (m) => m.inspectionId !== a.inspectionId,
    )!;
    expect(await store.measures.get(scopeA, foreignMeasure.id)).toBeUndefined();
    await expect(getInspectionLedger(deps, scopeA, foreignMeasure.inspectionId)).rejects.toMatchObject({
      code: "inspection_not_found",
    });
  });

  it("pages measures by department, state and overdue, ordered by deadline", async () => {
    await createLedger(
      deps,
      SYSTEM_ACTOR,
      makeLedger({
        problems: [
          makeProblem({
            measures: [
              makeMeasure({ deadline: "2021-05-31", text: "b" }),
              makeMeasure({ deadline: "2021-04-30", text: "a" }),
              makeMeasure({ deadline: "2021-07-31", text: "future" }),
              makeMeasure({ deadline: "2021-03-31", text: "closed", state: "closed" }),
              makeMeasure({ deadline: "2021-03-31", text: "other dept", department: "宣传部" }),
            ],
          }),
        ],
      }),
    );
    const office = (await store.orgs.list(SCOPE_ALL, { kind: "department" })).find(
      (d) => d.name === "办公室",
    )!;
    const page = await store.measures.page(
      SCOPE_ALL,
      { departmentId: office.id, states: ["in_progress"], overdueOn: "2021-06-30" },
      { limit: 25, offset: 0 },
    );
    expect(page.map((m) => m.text)).toEqual(["a", "b"]);
    expect(await store.measures.countOverdue(SCOPE_ALL, "2021-06-30")).toBe(3);
    expect(await store.measures.countOverdue(SCOPE_ALL, "2021-04-01")).toBe(1);
  });

  it("moves a measure through review and refuses stale or illegal changes", async () => {
    const { inspectionId } = await createLedger(
      deps,
      SYSTEM_ACTOR,
      makeLedger({ problems: [makeProblem()] }),
    );
    const [m] = await store.measures.listByInspection(SCOPE_ALL, inspectionId);
    await expect(
      changeMeasureState(deps, SYSTEM_CALLER, {
        measureId: m!.id,
        event: "close",
        expectedVersion: 1,
      }),
    ).rejects.toMatchObject({ code: "measure_not_submitted" });
    const submitted = await changeMeasureState(deps, SYSTEM_CALLER, {
      measureId: m!.id,
      event: "submit",
      expectedVersion: 1,
    });
    expect(submitted).toEqual({ state: "submitted", version: 2 });
    await expect(
      changeMeasureState(deps, SYSTEM_CALLER, {
        measureId: m!.id,
        event: "return",
        expectedVersion: 2,
      }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    await changeMeasureState(deps, SYSTEM_CALLER, {
      measureId: m!.id,
      event: "return",
      expectedVersion: 2,
      reason: "佐证材料不足",
    });
    await expect(
      changeMeasureState(deps, SYSTEM_CALLER, {
        measureId: m!.id,
        event: "resume",
        expectedVersion: 2,
      }),
    ).rejects.toMatchObject({ code: "measure_changed" });
    await changeMeasureState(deps, SYSTEM_CALLER, {
      measureId: m!.id,
      event: "resume",
      expectedVersion: 3,
    });
    await changeMeasureState(deps, SYSTEM_CALLER, {
      measureId: m!.id,
      event: "submit",
      expectedVersion: 4,
    });
    await changeMeasureState(deps, SYSTEM_CALLER, {
      measureId: m!.id,
      event: "close",
      expectedVersion: 5,
    });

    const ledger = await getInspectionLedger(deps, SCOPE_ALL, inspectionId);
    expect(ledger.problems[0]?.status).toBe("completed");
    const reviews = await store.progress.listReviews(SCOPE_ALL, m!.id);
    expect(reviews.map((r) => [r.decision, r.reason])).toEqual([
      ["return", "佐证材料不足"],
      ["approve", null],
    ]);
    const trail = await store.audit.listForEntity("measure", m!.id);
    expect(trail.map((e) => e.action)).toEqual([
      "measure.submit",
      "measure.return",
      "measure.resume",
      "measure.submit",
      "measure.close",
    ]);
  });

  it("refuses to submit a measure that requires evidence until a progress report carries some", async () => {
    const { inspectionId } = await createLedger(
      deps,
      SYSTEM_ACTOR,
      makeLedger({ problems: [makeProblem({ measures: [makeMeasure({ evidenceRequired: true })] })] }),
    );
    const [m] = await store.measures.listByInspection(SCOPE_ALL, inspectionId);
    const submit = () =>
      changeMeasureState(deps, SYSTEM_CALLER, {
        measureId: m!.id,
        event: "submit",
        expectedVersion: 1,
      });
    await expect(submit()).rejects.toMatchObject({ code: "evidence_required" });
    await store.progress.insertReport(
      {
        id: "rpt-e",
        measureId: m!.id,
        period: "2021-04",
        text: "已完成",
        figures: [],
        authorId: null,
        createdAt: "2021-04-30T02:00:00.000Z",
      },
      [
        {
          id: "evd-e",
          progressReportId: "rpt-e",
          sha256: "b".repeat(64),
          name: "会议纪要.pdf",
          size: 10,
          mediaType: "application/pdf",
        },
      ],
    );
    expect(await submit()).toEqual({ state: "submitted", version: 2 });
  });

  it("keeps progress reports with their evidence", async () => {
    const { inspectionId } = await createLedger(
      deps,
      SYSTEM_ACTOR,
      makeLedger({ problems: [makeProblem()] }),
    );
    const [m] = await store.measures.listByInspection(SCOPE_ALL, inspectionId);
    await store.progress.insertReport(
      {
        id: "rpt1",
        measureId: m!.id,
        period: "2021-04",
        text: "已制定制度",
        figures: [],
        authorId: null,
        createdAt: "2021-04-30T02:00:00.000Z",
      },
      [
        {
          id: "evd1",
          progressReportId: "rpt1",
          sha256: "a".repeat(64),
          name: "制度.pdf",
          size: 1234,
          mediaType: "application/pdf",
        },
      ],
    );
    const reports = await store.progress.listByMeasure(SCOPE_ALL, m!.id);
    expect(reports).toEqual([
      expect.objectContaining({
        period: "2021-04",
        evidence: [expect.objectContaining({ name: "制度.pdf", size: 1234 })],
      }),
    ]);
    expect((await store.progress.latestByInspection(SCOPE_ALL, inspectionId)).get(m!.id)?.text).toBe(
      "已制定制度",
    );
  });

  it("sums outcomes exactly and leaves examples out of overview totals", async () => {
    await createLedger(
      deps,
      SYSTEM_ACTOR,
      makeLedger({
        problems: [
          makeProblem({
            outcomes: [
              { kind: "funds_returned", quantity: "0.10" },
              { kind: "funds_returned", quantity: "0.20" },
              { kind: "rules_new", quantity: "3" },
            ],
          }),
        ],
      }),
    );
    const example = makeLedger({
      unitName: "示例单位",
      problems: [makeProblem({ outcomes: [{ kind: "rules_new", quantity: "5" }] })],
    });
    await createLedger(deps, SYSTEM_ACTOR, {
      ...example,
      inspection: { ...example.inspection, isExample: true },
    });
    const overview = await summarizeInspections(deps, SCOPE_ALL, { includeExamples: true });
    expect(overview.inspections).toBe(2);
    expect(overview.total.problems).toBe(1);
    expect(overview.outcomeTotals.funds_returned).toBe("0.30");
    expect(overview.outcomeTotals.rules_new).toBe("3");
  });

  it("chains every write into an intact audit trail", async () => {
    await createLedger(deps, SYSTEM_ACTOR, makeLedger());
    await createLedger(deps, SYSTEM_ACTOR, makeLedger());
    const [first, second] = await Promise.all(
      (await store.inspections.list(SCOPE_ALL)).map((i) => store.audit.listForEntity("inspection", i.id)),
    );
    expect([...first!, ...second!].map((e) => e.seq).sort()).toEqual([1, 2]);
    expect(await store.audit.verify()).toBeNull();
  });
});
