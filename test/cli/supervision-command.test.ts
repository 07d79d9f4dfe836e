// `zhenggai supervision list|reply`: the register the API keeps, read and answered from the command line.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/cli-io.ts";
import { main } from "../../src/cli/main.ts";
import { openStore } from "../../src/storage/kysely/kysely-store.ts";

const root = mkdtempSync(join(tmpdir(), "zhenggai-register-"));
const data = join(root, "data");
let inspectionId = "";

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {} };
  const code = await main([...argv, "--data", data], io);
  return { code, out: out.join(""), err: err.join("") };
}

beforeAll(async () => {
  const seed = new URL("../fixtures/notices/seed.txt", import.meta.url).pathname;
  const imported = await run(["import", "notice", seed, "--json"]);
  inspectionId = (JSON.parse(imported.out) as { import: { inspectionId: string } }).import.inspectionId;
  const issued = await run([
    "report",
    "supervision",
    "--inspection",
    inspectionId,
    "--out",
    join(root, "督办.md"),
    "--format",
    "md",
  ]);
  expect(issued.code, issued.err).toBe(0);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("zhenggai supervision", () => {
  it("lists the issued notice with its system number awaiting a reply, then records the reply", async () => {
    const listed = await run(["supervision", "list", "--inspection", inspectionId, "--json"]);
    expect(listed.code, listed.err).toBe(0);
    const register = JSON.parse(listed.out) as {
      awaitingReply: number;
      items: Array<{ id: string; issuedOn: string; docNumber: string; replyStatus: string }>;
    };
    expect(register.awaitingReply).toBe(1);
    const notice = register.items[0]!;
    expect(notice.docNumber).toMatch(/督〔\d{4}〕1号$/);
    expect(notice.replyStatus).toBe("awaiting");
    const text = await run(["supervision", "list", "--inspection", inspectionId]);
    expect(text.out).toContain(`${notice.id}\t督办通知\t${notice.docNumber}`);

    const replied = await run([
      "supervision",
      "reply",
      notice.id,
      "--date",
      notice.issuedOn,
      "--summary",
      "已整改",
    ]);
    expect(replied.code, replied.err).toBe(0);
    expect(replied.out).toBe(`已登记 ${notice.docNumber} 的书面回复（${notice.issuedOn}收到）\n`);
    const store = await openStore({ kind: "sqlite", file: join(data, "zhenggai.db") });
    try {
      const events = await store.audit.listForEntity("inspection", inspectionId);
      expect(events.some((e) => e.action === "supervision_notice.reply" && e.actor === "system")).toBe(true);
    } finally {
      await store.close();
    }
  });

  it("refuses a 告诫 while the notice's reply time runs, then records one after an older notice's time ran out", async () => {
    const early = await run([
      "supervision",
      "admonish",
      "--inspection",
      inspectionId,
      "--content",
      "限期整改",
      "--person",
      "王五（党组书记）",
    ]);
    expect(early.code).not.toBe(0);
    expect(early.err).toContain("才届满");
    const missing = await run(["supervision", "talk", "--inspection", inspectionId, "--date", "2026-01-05"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("--place");
    // An earlier notice over the same measures, its reply date long past.
    const store = await openStore({ kind: "sqlite", file: join(data, "zhenggai.db") });
    try {
      const [issued] = await store.supervisionActions.listByInspection(inspectionId);
      await store.supervisionActions.insert(
        {
          ...issued!,
          id: "sva-older",
          docNumber: null,
          issuedOn: "2026-01-05",
          replyBy: "2026-01-12",
          reply: null,
        },
        null,
      );
    } finally {
      await store.close();
    }
    const talked = await run([
      "supervision",
      "talk",
      "--inspection",
      inspectionId,
      "--date",
      "2026-02-01",
      "--place",
      "巡察办会议室",
      "--person",
      "王五（党组书记）",
      "--held-by",
      "赵六（巡察办主任）",
      "--summary",
      "指出整改滞后",
      "--follow-up",
      "月底前报告",
    ]);
    expect(talked.code, talked.err).toBe(0);
    expect(talked.out).toMatch(/^已登记约谈（2026-02-01，\d+项整改措施，编号 \S+）\n$/);
  });

  it("names the flag of a bad date and a missing summary", async () => {
    const listed = JSON.parse(
      (await run(["supervision", "list", "--inspection", inspectionId, "--json"])).out,
    ) as {
      items: Array<{ id: string }>;
    };
    const bad = await run([
      "supervision",
      "reply",
      listed.items[0]!.id,
      "--date",
      "2026-02-30",
      "--summary",
      "x",
    ]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--date");
    const missing = await run(["supervision", "reply", listed.items[0]!.id, "--date", "2026-02-01"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("--summary");
  });
});
