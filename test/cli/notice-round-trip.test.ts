// Seed .txt → import → generate .md → import → generate .docx → read back → import: the same ledger each time.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import type { CliIo } from "../../src/cli/cli-io.ts";

interface ImportJson {
  organisation: { leader: string | null; meetings: number | null } | null;
  problems: { title: string; status: string; measures: { text: string }[]; ongoing: { text: string }[] }[];
  warnings: { code: string }[];
  import: { inspectionId: string };
}

const data = mkdtempSync(join(tmpdir(), "zhenggai-roundtrip-"));
afterAll(() => rmSync(data, { recursive: true, force: true }));

async function run(argv: string[]): Promise<string> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {} };
  const code = await main([...argv, "--data", data], io);
  if (code !== 0) throw new Error(`exit ${code}: ${err.join("")}`);
  return out.join("");
}

const importJson = async (file: string) => JSON.parse(await run(["import", "notice", file, "--json"])) as ImportJson;
// A measure of several paragraphs may come back with its line breaks folded; the words must be the same.
const words = (text: string) => text.replace(/\s+/g, "");
const summary = (draft: ImportJson) =>
  draft.problems.map((p) => ({ title: p.title, status: p.status, measures: p.measures.map((m) => words(m.text)), ongoing: p.ongoing.length }));

describe("notice round trip through the ledger", () => {
  it("gives back the same problems, statuses and measure texts from .md and .docx", async () => {
    const seed = await importJson(new URL("../fixtures/notices/seed.txt", import.meta.url).pathname);
    expect(seed.problems).toHaveLength(11);

    const md = join(data, "notice.md");
    await run(["report", "notice", "--inspection", seed.import.inspectionId, "--version", "internal", "--format", "md", "--out", md, "--date", "2021-07-01"]);
    const fromMd = await importJson(md);
    expect(summary(fromMd)).toEqual(summary(seed));
    expect(fromMd.organisation).toMatchObject({ leader: "杨建", meetings: 3 });
    expect(fromMd.warnings.filter((w) => w.code === "count_mismatch")).toEqual([]);

    const docx = join(data, "notice.docx");
    await run(["report", "notice", "--inspection", fromMd.import.inspectionId, "--version", "public", "--format", "docx", "--out", docx, "--date", "2021-07-01"]);
    const fromDocx = await importJson(docx);
    expect(summary(fromDocx)).toEqual(summary(seed));
  });
});
