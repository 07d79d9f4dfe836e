// 销号时间 in the exported ledger is the day a review closed the measure; a measure that was already closed
// when its ledger was imported has no known day, and the export must not print the import day instead.

import { PassThrough } from "node:stream";
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

describe.each(testDatabases)("销号时间 in exported ledgers on $name", (database) => {
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

      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on("data", (c: Buffer) => chunks.push(c));
      await exportLedger(testDeps(store, "2021-06-30"), SCOPE_ALL, { inspectionId }, out);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
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
});
