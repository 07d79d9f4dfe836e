// `zhenggai report supervision`: the same 督办通知 as the API, written beside its target and recorded only once written.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/cli-io.ts";
import { main } from "../../src/cli/main.ts";
import { openStore } from "../../src/storage/kysely/kysely-store.ts";

const root = mkdtempSync(join(tmpdir(), "zhenggai-supervision-"));
const data = join(root, "data");
let inspectionId = "";

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {} };
  const code = await main([...argv, "--data", data], io);
  return { code, out: out.join(""), err: err.join("") };
}

async function issues() {
  const store = await openStore({ kind: "sqlite", file: join(data, "zhenggai.db") });
  try {
    const events = await store.audit.listForEntity("inspection", inspectionId);
    return events.filter((e) => e.action === "supervision_notice.issue");
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  const seed = new URL("../fixtures/notices/seed.txt", import.meta.url).pathname;
  const imported = await run(["import", "notice", seed, "--json"]);
  inspectionId = (JSON.parse(imported.out) as { import: { inspectionId: string } }).import.inspectionId;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("zhenggai report supervision", () => {
  it("writes the .docx with the seed's overdue measures and the reply date, and records the issue", async () => {
    const out = join(root, "督办单.docx");
    const result = await run([
      "report",
      "supervision",
      "--inspection",
      inspectionId,
      "--out",
      out,
      "--doc-number",
      "市巡办〔2026〕12号",
      "--reply-days",
      "7",
    ]);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toMatch(
      /^已生成督办通知：.*（\d+项整改措施，书面回复时限 \d{4}-\d\d-\d\d，市巡办〔2026〕12号）\n$/,
    );
    const { value } = await mammoth.extractRawText({ buffer: readFileSync(out) });
    expect(value).toContain("市巡办〔2026〕12号");
    expect(value).toContain("关于督促加快");
    expect(value).toContain("（7个工作日内）");
    expect(value).toMatch(/已逾期\d+天）。/);
    const recorded = await issues();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.actor).toBe("system");
    expect(recorded[0]!.data).toMatchObject({ docNumber: "市巡办〔2026〕12号", replyWithinWorkingDays: 7 });
  });

  it("names the flag of a bad reply time and records nothing", async () => {
    const result = await run([
      "report",
      "supervision",
      "--inspection",
      inspectionId,
      "--out",
      join(root, "x.md"),
      "--reply-days",
      "0",
    ]);
    expect(result.code).toBe(2);
    expect(result.err).toContain("--reply-days");
    expect(await issues()).toHaveLength(1);
  });

  it("never overwrites an existing file, and records nothing then", async () => {
    const out = join(root, "existing.md");
    writeFileSync(out, "keep me");
    const result = await run(["report", "supervision", "--inspection", inspectionId, "--out", out]);
    expect(result.code).not.toBe(0);
    expect(readFileSync(out, "utf8")).toBe("keep me");
    expect(await issues()).toHaveLength(1);
  });
});
