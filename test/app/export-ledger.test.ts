// What the ledger export knows and prints: 销号时间 is the day a review closed the measure (a measure already
// closed when its ledger was imported has no known day, and the import day must not stand in for it);
// 填报单位 is the unit, or for several units their common oversight office.

import { PassThrough } from "node:stream";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { changeMeasureState } from "../../src/app/change-measure-state.ts";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { exportLedger } from "../../src/app/export-ledger.ts";
import { decideExtension, requestExtension } from "../../src/app/extensions.ts";
import { SYSTEM_CALLER } from "../../src/domain/account.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { SHEET_NAMES } from "../../src/documents/xlsx/ledger-columns.ts";
import { makeLedger, makeMeasure, makeProblem } from "../support/ledger-builders.ts";
import { testDatabases, testDeps } from "../support/test-stores.ts";

async function exported(write: (out: Writable) => Promise<unknown>): Promise<ExcelJS.Workbook> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  await write(out);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return wb;
}

describe.each(testDatabases)("exported ledgers on $name", (database) => {
  it("shows the day of the closing review and leaves measures closed before the import blank", async () => {
    const { store, cleanup } = await database.open();
    try {
      const { inspectionId } = await createLedger(testDeps(store, "2021-05-20"), SYSTEM_ACTOR, makeLedger());
      const reviewDay = testDeps(store, "2021-06-10");
      const open = (await store.measures.listByInspection(SCOPE_ALL, inspectionId)).find(
        (m) => m.state === "in_progress",
      )!;
      const submitted = await changeMeasureState(reviewDay, SYSTEM_CALLER, {
        measureId: open.id,
        event: "submit",
        expectedVersion: open.version,
      });
      await changeMeasureState(reviewDay, SYSTEM_CALLER, {
        measureId: open.id,
        event: "close",
        expectedVersion: submitted.version,
      });

      const wb = await exported((out) =>
        exportLedger(testDeps(store, "2021-06-30"), SCOPE_ALL, { inspectionId }, out),
      );
      expect(wb.getWorksheet(SHEET_NAMES.measures)!.getCell("A2").value).toMatch(
        /^填报单位：市文联党组\s+填报日期：2021年6月30日\s+审核人：$/,
      );
      const ws = wb.getWorksheet(SHEET_NAMES.measures)!;
      const headers = ws.getRow(3).values as unknown[];
      const [status, day] = [headers.indexOf("状态"), headers.indexOf("销号时间")];
      const closedOn = ws
        .getRows(4, ws.rowCount - 3)!
        .filter((r) => r.getCell(status).value === "已销号")
        .map((r) => r.getCell(day).value);
      expect(closedOn).toHaveLength(5);
      expect(closedOn.filter((v) => v !== null)).toEqual([new Date("2021-06-10T00:00:00Z")]);
    } finally {
      await cleanup();
    }
  });

  it("shows the day a source stated for measures closed before the import, and says in 备注 what else is known", async () => {
    const { store, cleanup } = await database.open();
    try {
      const deps = testDeps(store, "2021-07-20");
      const { inspectionId } = await createLedger(
        deps,
        SYSTEM_ACTOR,
        makeLedger({
          aspects: [],
          problems: [
            makeProblem({
              aspect: null,
              measures: [
                makeMeasure({
                  text: "建立台账",
                  state: "closed",
                  closedOn: "2021-06-30",
                  acceptanceCriteria: "台账覆盖全部问题",
                }),
                makeMeasure({ text: "修订制度", state: "in_progress", deadline: "2021-07-31" }),
              ],
            }),
          ],
        }),
      );
      const open = (await store.measures.listByInspection(SCOPE_ALL, inspectionId)).find(
        (m) => m.state === "in_progress",
      )!;
      const extension = await requestExtension(deps, SYSTEM_CALLER, open.id, {
        reason: "制度需经党组会审议",
        newDeadline: "2021-09-30",
      });
      await decideExtension(deps, SYSTEM_CALLER, extension.id, { decision: "approved" });

      const wb = await exported((out) => exportLedger(deps, SCOPE_ALL, { inspectionId }, out));
      const ws = wb.getWorksheet(SHEET_NAMES.measures)!;
      const headers = ws.getRow(3).values as unknown[];
      const cell = (row: number, header: string) => ws.getRow(row).getCell(headers.indexOf(header)).value;
      expect([cell(4, "整改措施"), cell(4, "销号时间"), cell(4, "备注")]).toEqual([
        "建立台账",
        new Date("2021-06-30T00:00:00Z"),
        "验收标准：台账覆盖全部问题",
      ]);
      expect([cell(5, "整改措施"), cell(5, "销号时间"), cell(5, "备注")]).toEqual([
        "修订制度",
        null,
        "已延期，原定完成时限2021年7月31日",
      ]);
    } finally {
      await cleanup();
    }
  });

  it("names the common oversight office as 填报单位 of a ledger over several units", async () => {
    const { store, cleanup } = await database.open();
    try {
      const deps = testDeps(store);
      await createLedger(deps, SYSTEM_ACTOR, makeLedger());
      await createLedger(deps, SYSTEM_ACTOR, makeLedger({ unitName: "市科协党组" }));
      const wb = await exported((out) => exportLedger(deps, SCOPE_ALL, { all: true }, out));
      expect(wb.getWorksheet(SHEET_NAMES.problems)!.getCell("A2").value).toMatch(/^填报单位：市委巡察办\s/);
    } finally {
      await cleanup();
    }
  });
});
