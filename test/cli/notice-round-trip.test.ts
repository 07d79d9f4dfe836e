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

const root = mkdtempSync(join(tmpdir(), "zhenggai-roundtrip-"));
const data = join(root, "data");
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function run(argv: string[]): Promise<string> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {} };
  const code = await main([...argv, "--data", data], io);
  if (code !== 0) throw new Error(`exit ${code}: ${err.join("")}`);
  return out.join("");
}

const importJson = async (file: string) =>
  JSON.parse(await run(["import", "notice", file, "--json"])) as ImportJson;
// A measure of several paragraphs may come back with its line breaks folded; the words must be the same.
const words = (text: string) => text.replace(/\s+/g, "");
const summary = (draft: ImportJson) =>
  draft.problems.map((p) => ({
    title: p.title,
    status: p.status,
    measures: p.measures.map((m) => words(m.text)),
    ongoing: p.ongoing.length,
  }));

describe("notice round trip through the ledger", () => {
  it("gives back the same problems, statuses and measure texts from .md and .docx", async () => {
    const seed = await importJson(new URL("../fixtures/notices/seed.txt", import.meta.url).pathname);
    expect(seed.problems).toHaveLength(11);

    const md = join(root, "notice.md");
    await run([
      "report",
      "notice",
      "--inspection",
      seed.import.inspectionId,
      "--version",
      "internal",
      "--format",
      "md",
      "--out",
      md,
      "--date",
      "2021-07-01",
    ]);
    const fromMd = await importJson(md);
    expect(summary(fromMd)).toEqual(summary(seed));
    expect(fromMd.organisation).toMatchObject({ leader: "杨建", meetings: 3 });
    expect(fromMd.warnings.filter((w) => w.code === "count_mismatch")).toEqual([]);

    const docx = join(root, "notice.docx");
    await run([
      "report",
      "notice",
      "--inspection",
      fromMd.import.inspectionId,
      "--version",
      "public",
      "--format",
      "docx",
      "--out",
      docx,
      "--date",
      "2021-07-01",
    ]);
    const fromDocx = await importJson(docx);
    expect(summary(fromDocx)).toEqual(summary(seed));
  });
});

describe("long-term problems through the ledger", () => {
  it("keep their 基本完成、持续深化 status after generate → import", async () => {
    const { openStore } = await import("../../src/storage/kysely/kysely-store.ts");
    const { createLedger } = await import("../../src/app/create-ledger.ts");
    const { getInspectionLedger } = await import("../../src/app/get-inspection-ledger.ts");
    const { SYSTEM_ACTOR } = await import("../../src/app/deps.ts");
    const { SCOPE_ALL } = await import("../../src/domain/scope.ts");
    const { makeLedger } = await import("../support/ledger-builders.ts");
    const { testDeps } = await import("../support/test-stores.ts");
    const dir = mkdtempSync(join(tmpdir(), "zhenggai-longterm-"));
    const dataDir = join(dir, "data");
    const file = join(dataDir, "zhenggai.db");
    try {
      const store = await openStore({ kind: "sqlite", file });
      const deps = testDeps(store);
      const { inspectionId } = await createLedger(deps, SYSTEM_ACTOR, makeLedger());
      const before = await getInspectionLedger(deps, SCOPE_ALL, inspectionId, "2021-06-30");
      await store.close();

      const md = join(dir, "notice.md");
      const out: string[] = [];
      const io: CliIo = { out: (t) => out.push(t), err: (t) => out.push(t), env: {} };
      expect(
        await main(
          [
            "report",
            "notice",
            "--inspection",
            inspectionId,
            "--version",
            "internal",
            "--format",
            "md",
            "--out",
            md,
            "--date",
            "2021-06-30",
            "--data",
            dataDir,
          ],
          io,
        ),
      ).toBe(0);
      out.length = 0;
      expect(await main(["import", "notice", md, "--json", "--data", dataDir], io)).toBe(0);
      const imported = JSON.parse(out.join("")) as ImportJson;

      const again = await openStore({ kind: "sqlite", file });
      try {
        const after = await getInspectionLedger(
          testDeps(again),
          SCOPE_ALL,
          imported.import.inspectionId,
          "2021-06-30",
        );
        const byTitle = (l: typeof before) => Object.fromEntries(l.problems.map((p) => [p.title, p.status]));
        expect(byTitle(after)).toEqual(byTitle(before));
        expect(after.counts).toMatchObject({
          completed: before.counts.completed,
          inProgress: before.counts.inProgress,
          longTerm: before.counts.longTerm,
        });
      } finally {
        await again.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
