// Undoing one correction of a staged import (DELETE /api/v1/imports/:id/corrections/:no), on both databases: the
// undone merge in the middle of three corrections gives the preview of the other two alone, the last undone gives the
// preview before it, a split a later correction built on is refused by name, a workbook's column mapping undone reads
// the workbook as first uploaded; the confirmed ledger's audit event holds what stayed and, apart, what was undone.

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from "vitest";
import { testDatabases } from "../support/test-stores.ts";
import { writeForeignLedger } from "../support/xlsx-files.ts";
import { signedInUser, type SignedInUser, type TestApp } from "./http-test-app.ts";
import { IMPORT_UNIT_ID, openImportTestApp, stageImportFile } from "./import-test-app.ts";

const SEED = readFileSync(new URL("../fixtures/notices/seed.txt", import.meta.url));

interface Staged {
  id: string;
  version: number;
  confirmable: boolean;
  corrections: Array<{ summary: string }>;
  preview: {
    counts: { problems: number; byStatus: Record<string, number> };
    problems: Array<{ no: number; title: string; status: string; measures: Array<{ text: string }> }>;
    columns: Array<{ header: string; field: string | null }>;
    errors: unknown[];
    warnings: Array<{ code: string; message: string }>;
  };
}

describe.each(testDatabases)("undoing a correction of a staged import on $name", (database) => {
  let t: TestApp;
  let office: SignedInUser;
  beforeEach(async () => {
    ({ t, office } = await openImportTestApp(database));
  });
  afterEach(() => t.close());

  const stage = (name: string, content: Buffer, user = office) =>
    stageImportFile<Staged>(t, user, name, content);
  /** The corrections, one request each, as the page sends them; answers the last staged import. */
  const correctEach = async (staged: Staged, corrections: unknown[]): Promise<Staged> => {
    let current = staged;
    for (const correction of corrections) {
      const res = await t.app.inject({
        method: "PATCH",
        url: `/api/v1/imports/${staged.id}`,
        headers: { ...office.headers, "if-match": `"${current.version}"` },
        payload: { corrections: [correction] },
      });
      expect(res.statusCode, res.body).toBe(200);
      current = res.json<Staged>();
    }
    return current;
  };
  /** Confirms the staged import at `version` and answers the data of its ledger.import audit event. */
  const confirmedEvent = async <D>(staged: { id: string }, version: number): Promise<D> => {
    const confirmed = await t.app.inject({
      method: "POST",
      url: `/api/v1/imports/${staged.id}/confirm`,
      headers: office.headers,
      payload: { version },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const { inspectionId } = confirmed.json<{ inspectionId: string }>();
    const events = await t.deps.store.audit.listForEntity("inspection", inspectionId);
    return events.find((e) => e.action === "ledger.import")!.data as D;
  };
  const undo = (staged: { id: string }, version: number | null, no: number | string, user = office) =>
    t.app.inject({
      method: "DELETE",
      url: `/api/v1/imports/${staged.id}/corrections/${no}`,
      headers: { ...user.headers, ...(version === null ? {} : { "if-match": `"${version}"` }) },
    });

  it("undoes a merge between two corrections: the preview is that of the other two alone", async () => {
    const staged = await stage("seed.txt", SEED);
    const titles = staged.preview.problems.map((p) => p.title);
    const corrected = await correctEach(staged, [
      { op: "setProblemStatus", problem: 1, status: "in_progress" },
      { op: "mergeProblems", into: 2, from: 3 },
      // After the merge the fourth problem is the fifth read.
      { op: "setProblemTitle", problem: 4, title: "四风问题依然存在（改）" },
    ]);
    expect(corrected.preview.counts.problems).toBe(10);

    const res = await undo(staged, 4, 2);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe('"5"');
    const undone = res.json<Staged>();
    expect(undone.version).toBe(5);

    const alone = await correctEach(await stage("seed.txt", SEED), [
      { op: "setProblemStatus", problem: 1, status: "in_progress" },
      { op: "setProblemTitle", problem: 5, title: "四风问题依然存在（改）" },
    ]);
    expect(undone.preview).toEqual(alone.preview);
    expect(undone.corrections.map((c) => c.summary)).toEqual(alone.corrections.map((c) => c.summary));
    expect(undone.preview.problems.map((p) => p.title)).toEqual(
      titles.map((title, i) => (i === 4 ? "四风问题依然存在（改）" : title)),
    );

    // The last one undone gives the preview before it; then the first.
    const last = (await undo(staged, 5, 2)).json<Staged>();
    const first = await correctEach(await stage("seed.txt", SEED), [
      { op: "setProblemStatus", problem: 1, status: "in_progress" },
    ]);
    expect(last.preview).toEqual(first.preview);
    const none = (await undo(staged, 6, 1)).json<Staged>();
    expect(none.preview).toEqual(staged.preview);
    expect(none.corrections).toEqual([]);

    const nothing = await undo(staged, 7, 1);
    expect(nothing.statusCode).toBe(404);
    expect(nothing.json()).toMatchObject({
      error: { code: "import_correction_not_found", message: "该导入还没有任何修改，没有可撤销的修改" },
    });
  });

  it("keeps what was undone: the confirmed ledger's audit event names each undone correction, who undid it and when", async () => {
    const staged = await stage("seed.txt", SEED);
    const [first, second, third, fourth] = staged.preview.problems;
    t.clock.advanceMinutes(1);
    await correctEach(staged, [{ op: "setProblemStatus", problem: 1, status: "in_progress" }]);
    t.clock.advanceMinutes(1);
    await correctEach({ ...staged, version: 2 }, [{ op: "setProblemTitle", problem: 2, title: "甲" }]);
    t.clock.advanceMinutes(1);
    const res = await undo(staged, 3, 1);
    expect(res.statusCode, res.body).toBe(200);
    const undone = res.json<Staged & { undoneCorrections: unknown[] }>();
    // The undone one is not replayed: the first problem keeps the status it was read with.
    expect(undone.preview.problems[0]!.status).toBe(first!.status);
    const user = await t.deps.store.users.findByLogin("office.wl");
    const by = { id: user!.id, name: "office.wl" };
    const statusChange = {
      at: "2021-06-30T08:01:00.000Z",
      by,
      summary: `第1个问题“${first!.title}”的整改状态由“已整改完成”改为“正在推进”`,
    };
    const undoneBy = { undoneAt: "2021-06-30T08:03:00.000Z", undoneBy: by };
    expect(undone.undoneCorrections).toEqual([{ ...statusChange, ...undoneBy }]);

    // A third made and undone: the record keeps both, in the order they were undone.
    t.clock.advanceMinutes(1);
    await correctEach({ ...staged, version: 4 }, [{ op: "mergeProblems", into: 3, from: 4 }]);
    t.clock.advanceMinutes(1);
    const last = (await undo(staged, 5, 2)).json<Staged & { undoneCorrections: unknown[] }>();
    expect(last.corrections.map((c) => c.summary)).toEqual([`第2个问题的标题由“${second!.title}”改为“甲”`]);
    expect(last.undoneCorrections).toHaveLength(2);

    t.clock.advanceMinutes(1);
    const data = await confirmedEvent<{ corrections: unknown[]; undoneCorrections: unknown[] }>(staged, 6);
    expect(data.corrections).toEqual([
      {
        at: "2021-06-30T08:02:00.000Z",
        by,
        summary: `第2个问题的标题由“${second!.title}”改为“甲”`,
        correction: { op: "setProblemTitle", problem: 2, title: "甲" },
      },
    ]);
    expect(data.undoneCorrections).toEqual([
      {
        ...statusChange,
        correction: { op: "setProblemStatus", problem: 1, status: "in_progress" },
        ...undoneBy,
      },
      {
        at: "2021-06-30T08:04:00.000Z",
        by,
        summary: `把第4个问题“${fourth!.title}”合并到第3个问题“${third!.title}”（${fourth!.measures.length}条措施并入）`,
        correction: { op: "mergeProblems", into: 3, from: 4 },
        undoneAt: "2021-06-30T08:05:00.000Z",
        undoneBy: by,
      },
    ]);
  });

  it("refuses to undo a split a later correction built on, by name, and then undoes them in turn", async () => {
    const staged = await stage("seed.txt", SEED);
    await correctEach(staged, [
      { op: "splitProblem", problem: 9, measures: [1, 2], title: "改革推进问题" },
      { op: "setProblemStatus", problem: 10, status: "in_progress" },
    ]);
    const refused = await undo(staged, 3, 1);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      error: {
        code: "correction_depends",
        message:
          "不能单独撤销第1项修改：之后的第2项修改（第10个问题“改革推进问题”的整改状态由“已整改完成”改为“正在推进”）是在它的基础上做的。请先撤销第2项修改",
      },
    });
    const past = await undo(staged, 3, 3);
    expect(past.statusCode).toBe(404);
    expect(past.json()).toMatchObject({
      error: { code: "import_correction_not_found", message: "没有第3项修改（该导入共有2项修改）" },
    });
    // Nothing of the refusals was stored.
    const unchanged = await t.app.inject({
      method: "GET",
      url: `/api/v1/imports/${staged.id}`,
      headers: office.headers,
    });
    expect(unchanged.json<Staged>()).toMatchObject({ version: 3 });

    expect((await undo(staged, 3, 2)).statusCode).toBe(200);
    const back = await undo(staged, 4, 1);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json<Staged>().preview).toEqual(staged.preview);
  });

  it("refuses a missing or stale If-Match, a bad number and another user's import", async () => {
    const staged = await stage("seed.txt", SEED);
    await correctEach(staged, [{ op: "setProblemTitle", problem: 1, title: "甲" }]);
    expect((await undo(staged, null, 1)).statusCode).toBe(428);
    const stale = await undo(staged, 1, 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: "import_changed" } });
    const bad = await undo(staged, 2, "一");
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toContain("修改序号应为数字");
    const colleague = await signedInUser(t, "office.two", { role: "unit_office", orgId: IMPORT_UNIT_ID });
    const other = await undo(staged, 2, 1, colleague);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ error: { code: "pending_import_not_found" } });
  });

  it("keeps at most 500 undone corrections: one more undo is refused and nothing changes", async () => {
    const staged = await stage("seed.txt", SEED);
    await correctEach(staged, [{ op: "setProblemTitle", problem: 1, title: "甲" }]);
    const pending = (await t.deps.store.pendingImports.get(staged.id))!;
    const undoneOne = (pending.corrections as object[])[0]!;
    const revision = {
      ...pending,
      undoneCorrections: Array.from({ length: 500 }, () => ({
        ...undoneOne,
        undoneAt: pending.createdAt,
        undoneBy: { id: pending.userId, name: "office.wl" },
      })),
    };
    expect(
      await t.deps.store.pendingImports.revise(staged.id, pending.userId, 2, revision, pending.createdAt),
    ).toBe(true);
    const res = await undo(staged, 3, 1);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: {
        code: "too_many_corrections",
        message: "一次导入最多保存500项已撤销的修改：请放弃本次导入，改好文件后重新上传",
      },
    });
    const unchanged = await t.app.inject({
      method: "GET",
      url: `/api/v1/imports/${staged.id}`,
      headers: office.headers,
    });
    expect(unchanged.json<Staged>()).toMatchObject({ version: 3 });
    expect(unchanged.json<Staged>().corrections).toHaveLength(1);
  });

  it("says an import staged without its file (before undo existed) cannot be undone", async () => {
    const staged = await stage("seed.txt", SEED);
    await correctEach(staged, [{ op: "setProblemTitle", problem: 1, title: "甲" }]);
    t.deps.store.pendingImports.getUpload = () => Promise.resolve(undefined);
    const res = await undo(staged, 2, 1);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: { message: "该导入未保存上传的文件，不能撤销修改：请放弃本次导入后重新上传" },
    });
  });

  it("undoes a workbook's column mapping: the bad row is back, later corrections stay, the audit keeps what stayed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zhenggai-import-undo-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const workbook = join(dir, "台账.xlsx");
    await writeForeignLedger(workbook, [
      ["市文联党组巡察整改台账"],
      ["序号", "存在问题", "整改措施", "责任部门", "经办", "完成时限"],
      [1, "四风问题依然存在", "完善公务接待制度", "办公室", "王芳", "2021-05-31"],
      [2, "党建工作质量不高", "落实三会一课", "机关党委", "李四", "下个月吧"],
    ]);
    const staged = await stage("台账.xlsx", readFileSync(workbook));
    expect(staged.confirmable).toBe(false);
    const corrected = await correctEach(staged, [
      { op: "mapColumn", header: "完成时限", field: "note" },
      { op: "mapColumn", header: "经办", field: "责任人" },
      { op: "setProblemTitle", problem: 2, title: "党建工作不到位" },
    ]);
    expect(corrected.confirmable).toBe(true);

    const res = await undo(staged, 4, 1);
    expect(res.statusCode, res.body).toBe(200);
    const undone = res.json<Staged>();
    expect(undone.confirmable).toBe(false);
    expect(undone.preview.errors).toHaveLength(1);
    expect(undone.preview.columns.find((c) => c.header === "经办")).toMatchObject({ field: "person" });
    expect(undone.preview.problems[1]!.title).toBe("党建工作不到位");
    expect(undone.corrections.map((c) => c.summary)).toEqual([
      "把列“经办”读作“责任人”",
      "第2个问题的标题由“党建工作质量不高”改为“党建工作不到位”",
    ]);

    // Undoing the title change keeps the workbook read with the mapping that stays.
    const titled = (await undo(staged, 5, 2)).json<Staged>();
    expect(titled.preview.problems[1]!.title).toBe("党建工作质量不高");
    const remapped = await correctEach(titled, [{ op: "mapColumn", header: "完成时限", field: "note" }]);
    const data = await confirmedEvent<{
      corrections: Array<{ summary: string }>;
      undoneCorrections: Array<{ summary: string }>;
    }>(staged, remapped.version);
    expect(data.corrections.map((c) => c.summary)).toEqual([
      "把列“经办”读作“责任人”",
      "把列“完成时限”读作“不导入”",
    ]);
    expect(data.undoneCorrections.map((c) => c.summary)).toEqual([
      "把列“完成时限”读作“不导入”",
      "第2个问题的标题由“党建工作质量不高”改为“党建工作不到位”",
    ]);
  });
});
