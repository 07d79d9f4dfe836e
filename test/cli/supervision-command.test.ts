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
