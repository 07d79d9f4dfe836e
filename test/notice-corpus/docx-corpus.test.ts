// The .docx entries of the corpus: each is built (docx-notices.ts), written to a temp file, read back by
// readNoticeFile as an import would, parsed and scored field by field against its expected output.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseNotice } from "../../src/documents/notice/parse-notice.ts";
import { readNoticeFile } from "../../src/documents/notice/read-notice-file.ts";
import { DOCX_NOTICES } from "./docx-notices.ts";
import { scoreDraft, type ExpectedNotice } from "./notice-score.ts";

const expected = (name: string): ExpectedNotice =>
  JSON.parse(
    readFileSync(new URL(`../fixtures/notices-docx/${name}.expected.json`, import.meta.url), "utf8"),
  ) as ExpectedNotice;

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "notice-docx-corpus-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the notice parser on the .docx corpus", () => {
  for (const [name, build] of Object.entries(DOCX_NOTICES)) {
    it(`notices-docx/${name}: every field as a careful reader would extract it`, async () => {
      const path = join(dir, `${name}.docx`);
      await writeFile(path, await build());
      const score = scoreDraft(name, parseNotice((await readNoticeFile(path)).text), expected(name));
      expect(score.refused).toBe(false);
      expect(score.wrong).toEqual([]);
      expect(score.right).toBe(score.total);
    });
  }
});
