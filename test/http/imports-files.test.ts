// Imports over HTTP of workbooks with invalid rows (previewed, not confirmable until skipped), of a notice .docx the
// server generated itself, and of a file over the upload limit; on both databases.

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { makeLedger } from "../support/ledger-builders.ts";
import { testDatabases } from "../support/test-stores.ts";
import { writeForeignLedger } from "../support/xlsx-files.ts";
import { openTestApp, signedInUser, type SignedInUser, type TestApp } from "./http-test-app.ts";
import { multipartBody } from "./multipart-body.ts";

const HEADER = ["序号", "存在问题", "整改措施", "责任领导", "责任部门", "完成时限", "状态"];
const ROWS = [
  ["市文联党组巡察整改台账"],
  HEADER,
  [1, "四风问题依然存在", "完善公务接待制度", "杨建", "办公室", "2021年5月底", "已完成"],
  [2, "党建工作质量不高", "落实三会一课", "李四", "机关党委", "下个月吧", "推进中"],
  [3, "财务管理不严格", "清理往来款项", "杨建", "财务科", "2021/12/31", "未启动"],
];

interface Staged {
  id: string;
  kind: string;
  confirmable: boolean;
  preview: {
    counts: { problems: number; measures: number };
    errors: unknown[];
    warnings: { code: string; message: string }[];
    notes: string[];
  };
}

describe.each(testDatabases)("import files over HTTP on $name", (database) => {
  let t: TestApp;
  let unitId: string;
  let inspectionId: string;
  let office: SignedInUser;
  let dir: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "zhenggai-import-files-"));
    t = await openTestApp({ uploadLimits: { fileBytes: 256 * 1024, files: 10 } }, database);
    ({ inspectionId, unitId } = await createLedger(t.deps, SYSTEM_ACTOR, makeLedger()));
    office = await signedInUser(t, "office.wl", { role: "unit_office", orgId: unitId });
  });
  afterEach(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const upload = (name: string, content: Buffer, fields: Record<string, string> = {}) => {
    const body = multipartBody([
      { name: "unitId", value: unitId },
      ...Object.entries(fields).map(([field, value]) => ({ name: field, value })),
      { name: "file", fileName: name, content },
    ]);
    return t.app.inject({
      method: "POST",
      url: "/api/v1/imports",
      headers: { ...office.headers, "content-type": body.contentType },
      payload: body.payload,
    });
  };
  const confirm = (id: string) =>
    t.app.inject({ method: "POST", url: `/api/v1/imports/${id}/confirm`, headers: office.headers });

  it("lists a workbook's invalid rows, refuses to confirm it, and confirms it with skipInvalid", async () => {
    const file = join(dir, "foreign.xlsx");
    await writeForeignLedger(file, [...ROWS, ["合计", null, "3项"]]);
    const bytes = readFileSync(file);

    const strict = await upload("foreign.xlsx", bytes);
    expect(strict.statusCode).toBe(201);
    const staged = strict.json<Staged>();
    expect(staged.confirmable).toBe(false);
    // The name it was uploaded under, not the server's temporary copy, in every finding.
    expect(staged.preview.errors).toEqual([
      expect.objectContaining({
        file: "foreign.xlsx",
        sheet: "整改台账",
        row: 4,
        column: "F",
        code: "invalid_deadline",
      }),
    ]);
    expect(staged.preview.warnings.length).toBeGreaterThan(0);
    for (const w of staged.preview.warnings) expect(w.message).toMatch(/^foreign\.xlsx 整改台账 第\d+行/);
    const refused = await confirm(staged.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: "import_not_confirmable" } });

    const skipping = (await upload("foreign.xlsx", bytes, { skipInvalid: "true" })).json<Staged>();
    expect(skipping.confirmable).toBe(true);
    expect(skipping.preview.counts).toMatchObject({ problems: 3, measures: 2 });
    expect(skipping.preview.notes.join("")).toContain("有1行数据有误，已跳过");
    const confirmed = await confirm(skipping.id);
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json()).toMatchObject({ unitId, problems: 3, measures: 2 });
  });

  it("imports a notice .docx the server generated from a ledger", async () => {
    const notice = await t.app.inject({
      method: "POST",
      url: `/api/v1/inspections/${inspectionId}/notice`,
      headers: office.headers,
      payload: { format: "docx" },
    });
    expect(notice.statusCode).toBe(200);
    const res = await upload("通报.docx", notice.rawPayload);
    expect(res.statusCode).toBe(201);
    const staged = res.json<Staged>();
    expect(staged.kind).toBe("notice");
    expect(staged.preview.counts.problems).toBe(3);
    expect((await confirm(staged.id)).statusCode).toBe(201);
  });

  it("answers 413 to a file over the upload limit and stages nothing", async () => {
    const res = await upload("big.txt", Buffer.alloc(300 * 1024, "问"));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: { code: "body_too_large" } });
    const user = await t.deps.store.users.findByLogin("office.wl");
    expect(await t.deps.store.pendingImports.countOpen(user?.id ?? "?", t.deps.clock.now())).toBe(0);
  });
});
