// GET /api/v1/measures across inspections leaves the example ledger (示例) out, as every total does — the dashboard's
// 督办预警 listed its measures (逾期1799天) on a fresh install; asked for by its id, the example is listed.

import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { importNotice } from "../../src/app/import-notice.ts";
import { parseNotice } from "../../src/documents/notice/parse-notice.ts";
import { makeLedger } from "../support/ledger-builders.ts";
import { testDatabases } from "../support/test-stores.ts";
import { openTestApp, signedInUser, type SignedInUser, type TestApp } from "./http-test-app.ts";

const SEED = readFileSync(new URL("../../assets/example-notice.txt", import.meta.url), "utf8");

describe.each(testDatabases)("the measures list and the example ledger on $name", (database) => {
  let t: TestApp;
  let admin: SignedInUser;
  let real: string;
  let example: string;

  beforeEach(async () => {
    t = await openTestApp({}, database);
    real = (await createLedger(t.deps, SYSTEM_ACTOR, makeLedger())).inspectionId;
    const imported = await importNotice(t.deps, SYSTEM_ACTOR, parseNotice(SEED), {
      unitName: "市文联党组（示例）",
      isExample: true,
    });
    example = imported.created!.inspectionId;
    admin = await signedInUser(t, "admin", { role: "admin", orgId: null });
  });
  afterEach(async () => t.close());

  const inspectionsOf = async (query: string) => {
    const res = await t.app.inject({
      method: "GET",
      url: `/api/v1/measures${query}`,
      headers: admin.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return new Set(res.json<{ items: { inspectionId: string }[] }>().items.map((m) => m.inspectionId));
  };

  it("lists only real ledgers' measures across inspections, the example's when asked by id", async () => {
    expect(await inspectionsOf("?limit=200")).toEqual(new Set([real]));
    expect(await inspectionsOf("?overdue=true&limit=200")).toEqual(new Set([real]));
    expect(await inspectionsOf(`?inspectionId=${example}&limit=5`)).toEqual(new Set([example]));
  });
});
