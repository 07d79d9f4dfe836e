// `npm run bench -- import-corrections [--rows 5000] [--mappings 10] [--runs 5]`: the cost of correcting a staged
// workbook import (PATCH /api/v1/imports/:id, in-process over SQLite): one request of `mappings` column mappings,
// each of which used to read the stored workbook again, and one request of a single mapping.

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { openTestApp, signedInUser } from "../test/http/http-test-app.ts";
import { multipartBody } from "../test/http/multipart-body.ts";
import { writeForeignLedger, type Cell } from "../test/support/xlsx-files.ts";
import { check, timeRuns, type Timing } from "./timing.ts";

const option = (args: readonly string[], name: string, fallback: number): number => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};

export async function runImportCorrectionsBench(args: readonly string[]): Promise<number> {
  const rows = option(args, "rows", 5000);
  const mappings = option(args, "mappings", 10);
  const runs = option(args, "runs", 5);
  const dir = mkdtempSync(join(os.tmpdir(), "zhenggai-import-corrections-bench-"));
  const t = await openTestApp();
  try {
    const unitId = "unt-bench";
    await t.deps.store.orgs.insertMany([
      { id: "ovs-bench", parentId: null, kind: "oversight", name: "市委巡察办", path: "/ovs-bench/" },
      { id: unitId, parentId: "ovs-bench", kind: "unit", name: "市文联党组", path: `/ovs-bench/${unitId}/` },
    ]);
    const office = await signedInUser(t, "office.bench", { role: "unit_office", orgId: unitId });
    const workbook = join(dir, "台账.xlsx");
    const body: Cell[][] = Array.from({ length: rows }, (_, i) => [
      i + 1,
      `第${i + 1}个问题：公务接待制度执行不严格`,
      `完善第${i + 1}项制度并组织专题培训`,
      "办公室",
      `经办人${i % 50}`,
      `牵头领导${i % 7}`,
      "2021-12-31",
    ]);
    await writeForeignLedger(workbook, [
      ["市文联党组巡察整改台账"],
      ["序号", "存在问题", "整改措施", "责任部门", "经办", "牵头", "完成时限"],
      ...body,
    ]);
    const upload = multipartBody([
      { name: "unitId", value: unitId },
      { name: "file", fileName: "台账.xlsx", content: readFileSync(workbook) },
    ]);
    const staged = await t.app.inject({
      method: "POST",
      url: "/api/v1/imports",
      headers: { ...office.headers, "content-type": upload.contentType },
      payload: upload.payload,
    });
    check(staged.statusCode === 201, `staged (${staged.statusCode} ${staged.body.slice(0, 200)})`);
    const { id } = staged.json<{ id: string }>();
    let version = 1;
    const patch = async (corrections: unknown[]) => {
      const res = await t.app.inject({
        method: "PATCH",
        url: `/api/v1/imports/${id}`,
        headers: { ...office.headers, "if-match": `"${version}"` },
        payload: { corrections },
      });
      check(res.statusCode === 200, `corrected (${res.statusCode} ${res.body.slice(0, 200)})`);
      version += 1;
      return res.json<{ preview: { counts: { problems: number } } }>();
    };
    const verify = (r: { preview: { counts: { problems: number } } }) =>
      check(r.preview.counts.problems === rows, `${rows} problems`);
    const many = Array.from({ length: mappings }, (_, i) =>
      i % 2 === 0
        ? { op: "mapColumn", header: "经办", field: "person" }
        : { op: "mapColumn", header: "牵头", field: "leader" },
    );
    const timings: Record<string, Timing> = {
      [`one PATCH of ${mappings} mappings`]: await timeRuns(() => patch(many), verify, { runs, warmups: 1 }),
      ["one PATCH of 1 mapping"]: await timeRuns(() => patch(many.slice(0, 1)), verify, { runs, warmups: 1 }),
    };
    console.log(`import corrections, ${rows}-row workbook, SQLite, ${runs} runs after 1 warm-up`);
    for (const [what, timing] of Object.entries(timings))
      console.log(
        `${what}: median ${timing.medianMs.toFixed(0)} ms (min ${timing.minMs.toFixed(0)}, max ${timing.maxMs.toFixed(0)})`,
      );
    return 0;
  } finally {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
