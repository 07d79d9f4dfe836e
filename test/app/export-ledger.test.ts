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
import { SYSTEM_CALLER } from "../../src/domain/account.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { SHEET_NAMES } from "../../src/documents/xlsx/ledger-columns.ts";
import { makeLedger } from "../support/ledger-builders.ts";
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
