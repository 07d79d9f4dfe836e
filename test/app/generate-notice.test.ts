// Generating notices from a stored ledger, on both databases: public redaction and its record.

import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import mammoth from "mammoth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR, type Deps } from "../../src/app/deps.ts";
import { generateNotice } from "../../src/app/generate-notice.ts";
import { noticeToLedgerInput } from "../../src/documents/notice/notice-to-ledger-input.ts";
import { parseNotice } from "../../src/documents/notice/parse-notice.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import type { Store } from "../../src/storage/store.ts";
import { makeLedger, makeMeasure, makeProblem } from "../support/ledger-builders.ts";
import { readZip } from "../support/read-zip.ts";
import { testDatabases, testDeps } from "../support/test-stores.ts";

describe.each(testDatabases)("generate notice on $name", (database) => {
  let store: Store;
  let deps: Deps;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await database.open());
    deps = testDeps(store, "2021-07-01");
  });
  afterEach(async () => cleanup());

  const ledgerWithSecret = (reason: "personal_privacy" | null) =>
    makeLedger({
      problems: [
        makeProblem({ title: "四风问题依然存在", measures: [makeMeasure({ state: "closed" })] }),
        makeProblem({
          title: "某干部违规收受礼金",
          disclosure: "withheld",
          withholdingReason: reason,
          measures: [makeMeasure({ state: "closed" })],
        }),
        makeProblem({
          title: "党内组织生活不够严格",
          disclosure: "internal",
          measures: [makeMeasure({ state: "closed" })],
        }),
        makeProblem({
          title: "某项目招标线索核查",
          source: "clue",
          measures: [makeMeasure({ state: "closed" })],
        }),
      ],
    });

  it("refuses the public version while a withheld problem lacks a reason, listing it, and records nothing", async () => {
    const { inspectionId } = await createLedger(deps, SYSTEM_ACTOR, ledgerWithSecret(null));
    const error = await generateNotice(deps, SYSTEM_ACTOR, SCOPE_ALL, {
      inspectionId,
      version: "public",
      format: "md",
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "withholding_reason_missing",
      message: expect.stringContaining("“某干部违规收受礼金”") as string,
    });
    expect(await store.publications.listByInspection(SCOPE_ALL, inspectionId)).toEqual([]);
  });

  it("refuses a PDF in Chinese when no converter is configured, and records nothing", async () => {
    const { inspectionId } = await createLedger(deps, SYSTEM_ACTOR, ledgerWithSecret("personal_privacy"));
    const error = await generateNotice(deps, SYSTEM_ACTOR, SCOPE_ALL, {
      inspectionId,
      version: "internal",
      format: "pdf",
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "pdf_converter_missing",
      message: expect.stringContaining("LibreOffice") as string,
    });
    expect(await store.publications.listByInspection(SCOPE_ALL, inspectionId)).toEqual([]);
  });

  it("makes a PDF from the portable-grid .docx through the converter port and records the PDF's hash", async () => {
    const { inspectionId } = await createLedger(deps, SYSTEM_ACTOR, ledgerWithSecret("personal_privacy"));
    const seen: Uint8Array[] = [];
    const fakePdf = new TextEncoder().encode("%PDF-1.7 fake");
    const result = await generateNotice(
      { ...deps, pdf: (docx) => (seen.push(docx), Promise.resolve(fakePdf)) },
      SYSTEM_ACTOR,
      SCOPE_ALL,
      { inspectionId, version: "internal", format: "pdf", official: { grid: "word" } },
    );
    expect(result.content).toEqual(fakePdf);
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(seen[0]!) });
    expect(value).toContain("四风问题依然存在");
    const zip = await readZip(Buffer.from(seen[0]!));
    expect(zip.get("word/document.xml")).toContain('w:type="default"'); // LibreOffice gets no character grid
    const [record] = await store.publications.listByInspection(SCOPE_ALL, inspectionId);
    expect(record).toMatchObject({
      format: "pdf",
      sha256: createHash("sha256").update(fakePdf).digest("hex"),
    });
  });

  it("leaves withheld problems out of the public version and stores the redaction record", async () => {
    const { inspectionId } = await createLedger(deps, SYSTEM_ACTOR, ledgerWithSecret("personal_privacy"));
    const publicNotice = await generateNotice(deps, SYSTEM_ACTOR, SCOPE_ALL, {
      inspectionId,
      version: "public",
      format: "docx",
    });
    const { value: publicText } = await mammoth.extractRawText({ buffer: Buffer.from(publicNotice.content) });
    expect(publicText).toContain("四风问题依然存在");
    expect(publicText).not.toContain("某干部违规收受礼金");
    expect(publicText).not.toContain("党内组织生活不够严格");
    expect(publicText).not.toContain("某项目招标线索核查");

    const internal = await generateNotice(deps, SYSTEM_ACTOR, SCOPE_ALL, {
      inspectionId,
      version: "internal",
      format: "md",
    });
    expect(new TextDecoder().decode(internal.content)).toContain("某干部违规收受礼金");
    expect(new TextDecoder().decode(internal.content)).toContain("党内组织生活不够严格");

    const records = await store.publications.listByInspection(SCOPE_ALL, inspectionId);
    expect(
      records.map((r) => [r.version, r.format, r.withheld.map((w) => [w.title, w.reason]), r.approvedBy]),
    ).toEqual([
      [
        "public",
        "docx",
        [
          ["某干部违规收受礼金", "涉及个人隐私"],
          ["党内组织生活不够严格", "仅限党内通报"],
          ["某项目招标线索核查", "问题线索，细节不予公开"],
        ],
        "system",
      ],
      ["internal", "md", [], "system"],
    ]);
    expect(records[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await store.audit.listForEntity("inspection", inspectionId)).map((e) => e.action)).toEqual([
      "ledger.create",
      "notice.generate",
      "notice.generate",
    ]);
  });

  it("computes every count in the text from the ledger at generation time", async () => {
    const { inspectionId } = await createLedger(deps, SYSTEM_ACTOR, makeLedger());
    const text = new TextDecoder().decode(
      (
        await generateNotice(deps, SYSTEM_ACTOR, SCOPE_ALL, {
          inspectionId,
          version: "internal",
          format: "md",
        })
      ).content,
    );
    expect(text).toContain("2个方面3项问题，细化分解为5条整改措施");
    expect(text).toContain("共计1个问题已整改");
    expect(text).toContain("共计1个问题正在整改过程中");
  });

  it("writes back the imported notice's own words (issuer, organisation, plan lead-in) with the ledger's counts", async () => {
    const seed = await readFile(new URL("../fixtures/notices/seed.txt", import.meta.url), "utf8");
    const { input } = noticeToLedgerInput(parseNotice(seed));
    const { inspectionId } = await createLedger(deps, SYSTEM_ACTOR, input);
    const internal = async () =>
      new TextDecoder().decode(
        (
          await generateNotice(deps, SYSTEM_ACTOR, SCOPE_ALL, {
            inspectionId,
            version: "internal",
            format: "md",
          })
        ).content,
      );
    const text = await internal();
    expect(text).toMatch(/^# 中共无锡市文学艺术界联合会党组关于巡察整改情况的通报/);
    expect(text).toContain("（三）提升整改成效，巩固巡察成果。严格执行巡察整改工作纪律");
    expect(text).toContain(
      "下一步，市文联党组将继续按照市委和市委巡察组要求，采取更加有力的措施，不断巩固巡察反馈问题整改成果，推动文艺事业高质量发展。",
    );
    // The seed says 4个方面 and 40条: the ledger holds no aspects and 33 measures, and the notice says what it holds.
    expect(text).toContain("根据巡察反馈意见中指出的11项问题，细化分解为33条整改措施");
    expect(text).toContain("先后3次召开会议");

    await store.transaction((tx) =>
      tx.plans.insertMeetings([{ id: "mtg-extra", inspectionId, heldOn: null, title: "再次部署" }]),
    );
    expect(await internal()).toContain("先后4次召开会议");
  });
});
