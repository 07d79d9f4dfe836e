// Corrections of a staged import before confirming (PATCH /api/v1/imports/:id), on both databases: the unit office
// changes a status, a title, a measure, merges and splits problems of the seed notice, maps a workbook's column to
// another field; the preview is rebuilt, stale versions and unknown problems are refused, and the confirmed ledger's
// audit trail says who changed what.

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { testDatabases } from "../support/test-stores.ts";
import { writeForeignLedger } from "../support/xlsx-files.ts";
import { signedInUser, type SignedInUser, type TestApp } from "./http-test-app.ts";
import { IMPORT_UNIT_ID, openImportTestApp, stageImportFile } from "./import-test-app.ts";

const SEED = readFileSync(new URL("../fixtures/notices/seed.txt", import.meta.url));

interface Staged {
  id: string;
  version: number;
  confirmable: boolean;
  corrections: Array<{ at: string; by: { id: string; name: string }; summary: string }>;
  preview: {
    counts: { problems: number; measures: number; byStatus: Record<string, number> };
    problems: Array<{
      no: number;
      title: string;
      status: string;
      measures: Array<{
        text: string;
        status: string;
        kind: string;
        deadline: string | null;
        department: string | null;
        person: string | null;
        leader: string | null;
      }>;
    }>;
    columns: Array<{ sheet: string; column: string; header: string; field: string | null }>;
    fieldChoices: Array<{ field: string; label: string }>;
    warnings: Array<{ code: string; message: string }>;
  };
}

describe.each(testDatabases)("corrections of a staged import on $name", (database) => {
  let t: TestApp;
  let office: SignedInUser;
  let dir: string;
  const unitId = IMPORT_UNIT_ID;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "zhenggai-import-corrections-"));
    ({ t, office } = await openImportTestApp(database));
  });
  afterEach(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const stage = (name: string, content: Buffer, user = office) =>
    stageImportFile<Staged>(t, user, name, content);
  const correct = (staged: { id: string }, version: number | null, corrections: unknown[], user = office) =>
    t.app.inject({
      method: "PATCH",
      url: `/api/v1/imports/${staged.id}`,
      headers: { ...user.headers, ...(version === null ? {} : { "if-match": `"${version}"` }) },
      payload: { corrections },
    });

  it("changes a status, a title and a measure, rebuilds the preview and writes the changes into the audit trail", async () => {
    const staged = await stage("seed.txt", SEED);
    expect(staged.version).toBe(1);
    expect(staged.corrections).toEqual([]);
    const first = staged.preview.problems[0]!;
    expect(first.status).toBe("completed");

    const res = await correct(staged, 1, [
      { op: "setProblemStatus", problem: 1, status: "in_progress" },
      { op: "setProblemTitle", problem: 2, title: "  修改后的问题标题  " },
      {
        op: "setMeasure",
        problem: 1,
        measure: 1,
        fields: { department: "办公室", person: "张三", deadline: "2027-06-30", text: "重新表述的整改措施" },
      },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    const body = res.json<Staged>();
    expect(body.version).toBe(2);
    expect(body.preview.counts.byStatus).toEqual({ completed: 7, in_progress: 4, long_term: 0 });
    expect(body.preview.problems[0]!.status).toBe("in_progress");
    expect(body.preview.problems[0]!.measures.every((m) => m.status !== "closed")).toBe(true);
    expect(body.preview.problems[1]!.title).toBe("修改后的问题标题");
    expect(body.preview.problems[0]!.measures[0]).toMatchObject({
      text: "重新表述的整改措施",
      department: "办公室",
      person: "张三",
      deadline: "2027-06-30",
    });
    expect(body.corrections.map((c) => c.summary)).toEqual([
      expect.stringMatching(/^第1个问题“.+”的整改状态由“已整改完成”改为“正在推进”$/),
      expect.stringMatching(/^第2个问题的标题由“.+”改为“修改后的问题标题”$/),
      "第1个问题第1条措施：内容改为“重新表述的整改措施”，时限改为“2027-06-30”，责任部门改为“办公室”，责任人改为“张三”",
    ]);
    const user = (await t.deps.store.users.findByLogin("office.wl"))!;
    expect(body.corrections[0]!.by).toEqual({ id: user.id, name: user.displayName });

    // GET shows the corrected preview with its version.
    const again = await t.app.inject({
      method: "GET",
      url: `/api/v1/imports/${staged.id}`,
      headers: office.headers,
    });
    expect(again.headers.etag).toBe('"2"');
    expect(again.json<Staged>().preview.problems[0]!.status).toBe("in_progress");

    const confirmed = await t.app.inject({
      method: "POST",
      url: `/api/v1/imports/${staged.id}/confirm`,
      headers: office.headers,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const { inspectionId } = confirmed.json<{ inspectionId: string }>();
    const ledger = await t.app.inject({
      method: "GET",
      url: `/api/v1/inspections/${inspectionId}/ledger`,
      headers: office.headers,
    });
    const problems = ledger.json<{ problems: Array<{ title: string; status: string }> }>().problems;
    expect(problems).toHaveLength(11);
    expect(problems[0]!.status).toBe("in_progress");
    expect(problems[1]!.title).toBe("修改后的问题标题");
    const events = (await t.deps.store.audit.listForEntity("inspection", inspectionId)).filter(
      (e) => e.action === "ledger.import",
    );
    expect(events).toHaveLength(1);
    const data = events[0]!.data as {
      corrections: Array<{ by: { name: string }; summary: string; correction: { op: string } }>;
    };
    expect(data.corrections.map((c) => c.correction.op)).toEqual([
      "setProblemStatus",
      "setProblemTitle",
      "setMeasure",
    ]);
    expect(data.corrections[0]!.by.name).toBe(user.displayName);
    expect(data.corrections[0]!.summary).toContain("改为“正在推进”");
  });

  it("merges two problems and splits one, and says when the count no longer matches the notice's own", async () => {
    const staged = await stage("seed.txt", SEED);
    const [p1, p2] = staged.preview.problems;
    const merged = await correct(staged, 1, [{ op: "mergeProblems", into: 1, from: 2 }]);
    expect(merged.statusCode, merged.body).toBe(200);
    const afterMerge = merged.json<Staged>();
    expect(afterMerge.preview.counts.problems).toBe(10);
    expect(afterMerge.preview.counts.measures).toBe(33);
    expect(afterMerge.preview.problems[0]!.measures).toHaveLength(p1!.measures.length + p2!.measures.length);
    expect(afterMerge.preview.problems[1]!.title).toBe(staged.preview.problems[2]!.title);
    expect(afterMerge.preview.warnings).toContainEqual({
      code: "corrected_problem_count",
      message: "通报称11个问题，修改后为10个问题",
    });

    const split = await correct(staged, 2, [
      { op: "splitProblem", problem: 1, measures: [1, p1!.measures.length + 1], title: "拆出的问题" },
    ]);
    expect(split.statusCode, split.body).toBe(200);
    const afterSplit = split.json<Staged>();
    expect(afterSplit.preview.counts.problems).toBe(11);
    expect(afterSplit.preview.problems[1]).toMatchObject({ no: 2, title: "拆出的问题" });
    expect(afterSplit.preview.problems[1]!.measures.map((m) => m.text)).toEqual([
      p1!.measures[0]!.text,
      p2!.measures[0]!.text,
    ]);
    // Back at the stated count: the warning of the merge is gone, not repeated.
    expect(afterSplit.preview.warnings.filter((w) => w.code === "corrected_problem_count")).toEqual([]);
    expect(afterSplit.corrections).toHaveLength(2);
  });

  it("merges a withheld workbook problem into a public one: stays withheld, keeps its title, drops its emptied aspect", async () => {
    const workbook = join(dir, "台账.xlsx");
    await writeForeignLedger(workbook, [
      ["市文联党组巡察整改台账"],
      ["序号", "方面", "存在问题", "整改措施", "责任部门", "完成时限", "状态", "公开范围"],
      [1, "作风建设", "四风问题依然存在", "完善公务接待制度", "办公室", "2021-05-31", "已完成", "社会公开"],
      [
        2,
        "保密工作",
        "涉密文件管理不规范",
        "清理涉密文件",
        "保密办",
        "2021-12-31",
        "推进中",
        "不公开（涉及国家秘密）",
      ],
      [3, "党的建设", "党建工作质量不高", "落实三会一课", "机关党委", "2021-12-31", "推进中", "社会公开"],
    ]);
    const staged = await stage("台账.xlsx", readFileSync(workbook));
    expect((staged.preview.counts as { aspects?: number }).aspects).toBe(3);
    // The draft as a workbook that marks its second problem 不公开 gives it (the foreign layout's reader drops the
    // column today, so the staged draft is given it here).
    const pending = (await t.deps.store.pendingImports.get(staged.id))!;
    const input = pending.input as { problems: Array<Record<string, unknown>> };
    input.problems[1] = { ...input.problems[1], disclosure: "withheld", withholdingReason: "state_secret" };
    const revision = {
      input,
      preview: pending.preview,
      confirmable: true,
      corrections: [],
      undoneCorrections: [],
    };
    expect(
      await t.deps.store.pendingImports.revise(staged.id, pending.userId, 1, revision, pending.createdAt),
    ).toBe(true);
    const res = await correct(staged, 2, [{ op: "mergeProblems", into: 1, from: 2 }]);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<Staged & { preview: { aspects: string[]; counts: { aspects: number } } }>();
    expect(body.preview.aspects).toEqual(["作风建设", "党的建设"]);
    expect(body.preview.counts.aspects).toBe(2);
    expect(body.corrections[0]!.summary).toBe(
      "把第2个问题“涉密文件管理不规范”合并到第1个问题“四风问题依然存在”（1条措施并入），合并后按较严的公开范围“不公开”（涉及国家秘密）",
    );

    const confirmed = await t.app.inject({
      method: "POST",
      url: `/api/v1/imports/${staged.id}/confirm`,
      headers: office.headers,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const ledger = await t.app.inject({
      method: "GET",
      url: `/api/v1/inspections/${confirmed.json<{ inspectionId: string }>().inspectionId}/ledger`,
      headers: office.headers,
    });
    const created = ledger.json<{
      aspects: Array<{ title: string }>;
      problems: Array<{
        title: string;
        feedbackText: string;
        disclosure: string;
        withholdingReason: string | null;
      }>;
    }>();
    expect(created.aspects.map((a) => a.title)).toEqual(["作风建设", "党的建设"]);
    expect(created.problems[0]).toMatchObject({
      title: "四风问题依然存在",
      disclosure: "withheld",
      withholdingReason: "state_secret",
    });
    expect(created.problems[0]!.feedbackText).toContain("涉密文件管理不规范");
  });

  it("refuses to confirm an import a correction made unconfirmable between the first read and the claim", async () => {
    const staged = await stage("seed.txt", SEED);
    const store = t.deps.store;
    const transaction = store.transaction.bind(store);
    // A correction lands after confirm read the import (confirmable) and before its transaction claims it.
    store.transaction = async (work) => {
      store.transaction = transaction;
      const pending = (await store.pendingImports.get(staged.id))!;
      const revision = {
        input: pending.input,
        preview: pending.preview,
        confirmable: false,
        corrections: [],
        undoneCorrections: [],
      };
      expect(
        await store.pendingImports.revise(staged.id, pending.userId, 1, revision, pending.createdAt),
      ).toBe(true);
      return transaction(work);
    };
    const confirmed = await t.app.inject({
      method: "POST",
      url: `/api/v1/imports/${staged.id}/confirm`,
      headers: office.headers,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(409);
    expect(confirmed.json()).toMatchObject({ error: { code: "import_not_confirmable" } });
    expect(await store.inspections.count(SCOPE_ALL)).toBe(0);
    // The claim was undone with the transaction: the import is still there, unconfirmed.
    expect((await store.pendingImports.get(staged.id))!.confirmedAt).toBeNull();
  });

  it("reads the stored workbook once for all the column mappings of a request", async () => {
    const workbook = join(dir, "台账.xlsx");
    await writeForeignLedger(workbook, [
      ["市文联党组巡察整改台账"],
      ["序号", "存在问题", "整改措施", "经办", "牵头", "完成时限"],
      [1, "四风问题依然存在", "完善公务接待制度", "王芳", "杨建", "2021-05-31"],
      [2, "党建工作质量不高", "落实三会一课", "李四", "赵六", "2021-12-31"],
    ]);
    const staged = await stage("台账.xlsx", readFileSync(workbook));
    const store = t.deps.store;
    const getUpload = store.pendingImports.getUpload.bind(store.pendingImports);
    let reads = 0;
    store.pendingImports.getUpload = (id) => {
      reads += 1;
      return getUpload(id);
    };
    const res = await correct(staged, 1, [
      { op: "mapColumn", header: "经办", field: "person" },
      { op: "setProblemTitle", problem: 2, title: "党建工作不到位" },
      { op: "mapColumn", header: "牵头", field: "责任领导" },
      { op: "setMeasure", problem: 1, measure: 1, fields: { department: "办公室" } },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(reads).toBe(1);
    const body = res.json<Staged>();
    expect(body.preview.problems.map((p) => [p.title, p.measures[0]!.person, p.measures[0]!.leader])).toEqual(
      [
        ["四风问题依然存在", "王芳", "杨建"],
        ["党建工作不到位", "李四", "赵六"],
      ],
    );
    expect(body.preview.problems[0]!.measures[0]!.department).toBe("办公室");
    expect(body.corrections.map((c) => c.summary)).toEqual([
      "把列“经办”读作“责任人”",
      "第2个问题的标题由“党建工作质量不高”改为“党建工作不到位”",
      "把列“牵头”读作“牵头领导”",
      "第1个问题第1条措施：责任部门改为“办公室”",
    ]);
  });

  it("keeps at most 500 corrections on a staged import and refuses more in Chinese", async () => {
    const staged = await stage("seed.txt", SEED);
    const hundred = Array.from({ length: 100 }, (_, i) => ({
      op: "setProblemTitle",
      problem: 1,
      title: `标题${i}`,
    }));
    for (let version = 1; version <= 5; version += 1)
      expect((await correct(staged, version, hundred)).statusCode).toBe(200);
    const refused = await correct(staged, 6, [{ op: "setProblemTitle", problem: 1, title: "再改" }]);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      error: {
        code: "too_many_corrections",
        message: "一次导入最多保存500项修改（已有500项，本次1项）：请放弃本次导入，改好文件后重新上传",
      },
    });
  });

  it("refuses an unknown problem or measure by number, a stale version, a missing If-Match and another user", async () => {
    const staged = await stage("seed.txt", SEED);
    const unknown = await correct(staged, 1, [
      { op: "setProblemTitle", problem: 1, title: "新标题" },
      { op: "setProblemStatus", problem: 12, status: "completed" },
    ]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      error: {
        code: "invalid_input",
        message: "第2项修改有误：没有第12个问题（预览中共11个问题）",
        fields: [{ path: "corrections.1.problem", code: "unknown_problem" }],
      },
    });
    const measure = await correct(staged, 1, [
      { op: "setMeasure", problem: 1, measure: 99, fields: { person: "张三" } },
    ]);
    expect(measure.json<{ error: { message: string } }>().error.message).toMatch(/第1个问题没有第99条措施/);
    const all = staged.preview.problems[0]!.measures.map((_, i) => i + 1);
    const takesAll = await correct(staged, 1, [
      { op: "splitProblem", problem: 1, measures: all, title: "新" },
    ]);
    expect(takesAll.json()).toMatchObject({ error: { fields: [{ code: "split_takes_all" }] } });
    const badStatus = await correct(staged, 1, [{ op: "setProblemStatus", problem: 1, status: "done" }]);
    expect(badStatus.statusCode).toBe(400);
    expect(badStatus.json<{ error: { message: string } }>().error.message).toContain("整改状态应为以下之一");
    const mapOnNotice = await correct(staged, 1, [{ op: "mapColumn", header: "问题", field: "problem" }]);
    expect(mapOnNotice.json()).toMatchObject({ error: { fields: [{ code: "not_a_workbook" }] } });
    // Nothing of the refused requests was stored.
    const unchanged = await t.app.inject({
      method: "GET",
      url: `/api/v1/imports/${staged.id}`,
      headers: office.headers,
    });
    expect(unchanged.json<Staged>()).toMatchObject({ version: 1, corrections: [] });

    const noIfMatch = await correct(staged, null, [{ op: "setProblemTitle", problem: 1, title: "新标题" }]);
    expect(noIfMatch.statusCode).toBe(428);
    expect((await correct(staged, 1, [{ op: "setProblemTitle", problem: 1, title: "甲" }])).statusCode).toBe(
      200,
    );
    const stale = await correct(staged, 1, [{ op: "setProblemTitle", problem: 1, title: "乙" }]);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: "import_changed" } });

    // Two corrections of the same version at once: one is stored, the other is told the preview changed.
    const both = await Promise.all([
      correct(staged, 2, [{ op: "setProblemTitle", problem: 1, title: "丙" }]),
      correct(staged, 2, [{ op: "setProblemTitle", problem: 1, title: "丁" }]),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const stored = await t.app.inject({
      method: "GET",
      url: `/api/v1/imports/${staged.id}`,
      headers: office.headers,
    });
    expect(stored.json<Staged>()).toMatchObject({ version: 3 });
    expect(stored.json<Staged>().corrections).toHaveLength(2);

    // Confirming the version on screen: one corrected meanwhile is not confirmed unseen.
    const staleConfirm = await t.app.inject({
      method: "POST",
      url: `/api/v1/imports/${staged.id}/confirm`,
      headers: office.headers,
      payload: { version: 2 },
    });
    expect(staleConfirm.statusCode).toBe(409);
    expect(staleConfirm.json()).toMatchObject({ error: { code: "import_changed" } });
    expect(await t.deps.store.inspections.count(SCOPE_ALL)).toBe(0);

    const colleague = await signedInUser(t, "office.two", { role: "unit_office", orgId: unitId });
    const other = await correct(staged, 3, [{ op: "setProblemTitle", problem: 1, title: "戊" }], colleague);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ error: { code: "pending_import_not_found" } });

    const confirmed = await t.app.inject({
      method: "POST",
      url: `/api/v1/imports/${staged.id}/confirm`,
      headers: office.headers,
      payload: { version: 3 },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const late = await correct(staged, 3, [{ op: "setProblemTitle", problem: 1, title: "己" }]);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ error: { code: "import_already_confirmed" } });
  });

  it("maps a workbook's column to another field and reads the stored upload again, keeping earlier corrections", async () => {
    const workbook = join(dir, "台账.xlsx");
    await writeForeignLedger(workbook, [
      ["市文联党组巡察整改台账"],
      ["序号", "存在问题", "整改措施", "责任部门", "经办", "完成时限", "状态"],
      [1, "四风问题依然存在", "完善公务接待制度", "办公室", "王芳", "2021-05-31", "已完成"],
      [2, "党建工作质量不高", "落实三会一课", "机关党委", "李四", "2021-12-31", "推进中"],
    ]);
    const staged = await stage("台账.xlsx", readFileSync(workbook));
    expect(staged.preview.columns.find((c) => c.header === "经办")).toMatchObject({
      column: "E",
      field: null,
    });
    expect(staged.preview.fieldChoices).toContainEqual({ field: "person", label: "责任人" });
    expect(staged.preview.problems[0]!.measures[0]!.person).toBeNull();

    const titled = await correct(staged, 1, [{ op: "setProblemTitle", problem: 2, title: "党建工作不到位" }]);
    expect(titled.statusCode, titled.body).toBe(200);
    const mapped = await correct(staged, 2, [{ op: "mapColumn", header: "经办", field: "责任人" }]);
    expect(mapped.statusCode, mapped.body).toBe(200);
    const body = mapped.json<Staged>();
    expect(body.preview.columns.find((c) => c.header === "经办")).toMatchObject({ field: "person" });
    expect(body.preview.problems.map((p) => p.measures[0]!.person)).toEqual(["王芳", "李四"]);
    expect(body.preview.problems[1]!.title).toBe("党建工作不到位");
    expect(body.corrections.map((c) => c.summary)).toContain("把列“经办”读作“责任人”");

    const unknownColumn = await correct(staged, 3, [
      { op: "mapColumn", header: "不存在的列", field: "person" },
    ]);
    expect(unknownColumn.json()).toMatchObject({
      error: { message: "第1项修改有误：工作簿中没有名为“不存在的列”的列" },
    });
    const unknownField = await correct(staged, 3, [{ op: "mapColumn", header: "经办", field: "星座" }]);
    expect(unknownField.json<{ error: { message: string } }>().error.message).toMatch(
      /^第1项修改有误：“星座”不是台账字段，应为以下之一：.*责任人/,
    );

    const confirmed = await t.app.inject({
      method: "POST",
      url: `/api/v1/imports/${staged.id}/confirm`,
      headers: office.headers,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const measures = await t.deps.store.measures.listByInspection(
      SCOPE_ALL,
      confirmed.json<{ inspectionId: string }>().inspectionId,
    );
    expect(measures).toHaveLength(2);
  });
});
