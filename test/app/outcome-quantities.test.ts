// Outcome figures: counts are whole numbers, money is 元 with at most two decimals; a bad one never breaks totals.

import { describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { getInspectionLedger } from "../../src/app/get-inspection-ledger.ts";
import { importNotice } from "../../src/app/import-notice.ts";
import { parseNotice } from "../../src/documents/notice/parse-notice.ts";
import { MONEY_OUTCOME_KINDS } from "../../src/domain/outcome.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { makeLedger, makeProblem } from "../support/ledger-builders.ts";
import { testDatabases, testDeps } from "../support/test-stores.ts";

describe("outcome quantities", () => {
  it("refuses a fractional count, naming the field", async () => {
    const { store, cleanup } = await testDatabases[0]!.open();
    try {
      const input = makeLedger({
        problems: [makeProblem({ outcomes: [{ kind: "meetings", quantity: "1.5" }] })],
      });
      await expect(createLedger(testDeps(store), SYSTEM_ACTOR, input)).rejects.toMatchObject({
        code: "invalid_input",
        fields: [
          expect.objectContaining({
            path: "problems.0.outcomes.0.quantity",
            message: "该类成效是数量，应为非负整数",
          }),
        ],
      });
    } finally {
      await cleanup();
    }
  });

  it("imports a notice mentioning an unclassified amount of money without breaking the ledger's totals", async () => {
    const { store, cleanup } = await testDatabases[0]!.open();
    try {
      const deps = testDeps(store);
      const text = [
        "中共某县某局党组关于巡察整改情况的通报",
        "2023年4月10日至6月9日，县委第一巡察组对某局党组开展了巡察。2023年7月18日反馈了巡察意见。",
        "一、整改落实情况",
        "（一）已整改完成的问题",
        "1.关于“收费管理不规范”的问题",
        "整改情况：一是清理收费项目，违规收取费用1234.56元已全部整改。二是召开专题会议2次。该问题已整改完成。",
      ].join("\n");
      const { created, notes } = await importNotice(deps, SYSTEM_ACTOR, parseNotice(text));
      const ledger = await getInspectionLedger(deps, SCOPE_ALL, created!.inspectionId);
      expect(ledger.counts.completed).toBe(1);
      expect(Object.values(ledger.outcomeTotals).every((v) => /^\d+(\.\d{2})?$/.test(v))).toBe(true);
      const outcomes = ledger.problems.flatMap((p) => p.outcomes);
      expect(outcomes.every((o) => MONEY_OUTCOME_KINDS.has(o.kind) || /^\d+$/.test(o.quantity))).toBe(true);
      // The amount is either a money outcome or reported as not imported; it is never added to counts.
      const asMoney = outcomes.some((o) => MONEY_OUTCOME_KINDS.has(o.kind) && o.quantity === "1234.56");
      expect(asMoney || notes.some((n) => n.includes("1234.56元"))).toBe(true);
    } finally {
      await cleanup();
    }
  });
});
