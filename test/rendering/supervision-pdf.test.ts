// The supervision notice (督办通知) through LibreOffice: a ledger with a dozen overdue measures is issued as PDF with the
// oversight office's 版头 and measured like the notices (test/rendering/notice-pdf.test.ts): A4, fonts embedded,
// 22 lines on a full page, 28 characters on a full line, the items and the reply date in the text. Pages are kept as
// PNGs under .tmp/rendering/ (supervision-*.png) to be looked at.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { issueSupervisionNotice } from "../../src/app/issue-supervision-notice.ts";
import { readConfig } from "../../src/config.ts";
import { SYSTEM_CALLER } from "../../src/domain/account.ts";
import { chineseDaysCalendar } from "../../src/main.ts";
import { libreOfficePdf } from "../../src/runtime/libreoffice-pdf.ts";
import { openStore } from "../../src/storage/kysely/kysely-store.ts";
import type { Store } from "../../src/storage/store.ts";
import { makeLedger, makeMeasure, makeProblem } from "../support/ledger-builders.ts";
import {
  MM,
  pdfFonts,
  pdfLayout,
  savePagePictures,
  type PdfLine,
  type PdfPage,
} from "../support/pdf-layout.ts";
import { testDeps } from "../support/test-stores.ts";

const ARTIFACTS = new URL("../../.tmp/rendering/", import.meta.url).pathname;
const BLOCK = { left: 28 * MM, right: 184 * MM, top: 37 * MM, bottom: 262 * MM };
const TOLERANCE = 1 * MM;
const isBody = (line: PdfLine) =>
  line.yMax - line.yMin > 19 && line.yMax - line.yMin < 23 && line.yMax < BLOCK.bottom + TOLERANCE;
const ALL_CJK = /^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’—…·]+$/u;

const TITLES = [
  "四风问题依然存在",
  "执行财务管理制度不够严格",
  "党建工作质量不高",
  "意识形态工作责任制落实不到位",
];

const pdf = libreOfficePdf({ binary: readConfig({}, process.env).soffice, timeoutMs: 180_000 });
let store: Store;
let dir: string;
let pages: PdfPage[] = [];
let content: Uint8Array;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "zhenggai-supervision-rendering-"));
  store = await openStore({ kind: "sqlite", file: join(dir, "test.db") });
  const deps = {
    ...testDeps(store),
    calendar: chineseDaysCalendar(),
    pdf,
    noticeSettings: {
      default: {},
      units: {
        市委巡察办: {
          issuer: "中共无锡市委巡察工作领导小组办公室",
          contactPerson: "王五",
          contactPhone: "0510-81820000",
          copyTo: ["市纪委监委", "市委第八巡察组"],
        },
      },
    },
  };
  const { inspectionId } = await createLedger(
    deps,
    SYSTEM_ACTOR,
    makeLedger({
      problems: TITLES.map((title, p) =>
        makeProblem({
          title,
          measures: [0, 1, 2].map((m) =>
            makeMeasure({
              // No digits in the text: a line holding one is not measured, and the lines must not depend on where a
              // digit falls when the text wraps (a different LibreOffice or font build wraps elsewhere).
              text: `针对${title}的问题，制定专项整改方案，逐项明确整改目标、整改措施和完成时限，第${"一二三"[m]}项任务按月报送进展情况`,
              deadline: `2021-0${4 + m}-${10 + p}`,
              department: ["办公室", "财务科", "组织人事处"][m],
              person: ["张三", "李明", "赵六"][m],
            }),
          ),
        }),
      ),
    }),
  );
  const issued = await issueSupervisionNotice(deps, SYSTEM_CALLER, {
    inspectionId,
    request: { format: "pdf", docNumber: "市巡办〔2021〕7号" },
  });
  content = issued.content;
  savePagePictures(content, ARTIFACTS, "supervision", 4);
  pages = pdfLayout(content);
}, 300_000);

afterAll(async () => {
  await pdf.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the supervision notice as PDF", () => {
  it("embeds every font it uses and is A4", () => {
    for (const font of pdfFonts(content)) expect(font.embedded, font.name).toBe(true);
    for (const page of pages) expect(Math.abs(page.width - 210 * MM)).toBeLessThan(TOLERANCE);
  });

  it("holds the items, the responsibility and the reply date", () => {
    const text = pages.flatMap((p) => p.lines.map((l) => l.text)).join("");
    expect(text).toContain("市巡办〔2021〕7号");
    expect(text).toContain("市文联党组：");
    expect(text).toContain("责任部门：组织人事处；责任人：赵六；");
    expect(text).toContain("已逾期");
    expect(text).toContain("请于2021年7月7日前（5个工作日内）");
    expect(text).toContain("（联系人：王五，电话：0510-81820000）");
    expect(text).toContain("抄送：市纪委监委，市委第八巡察组。");
  });

  it("has 22 lines on every full page and 28 characters on every full CJK line", () => {
    // Full: after page 1 (the 版头) and before the page from which the signature's keep-with-next may carry the last
    // paragraph over (as in notice-pdf.test.ts).
    const lastText = pages.findLastIndex((p) => p.lines.some(isBody));
    const full = pages.filter((_, i) => i > 0 && i < lastText - 1);
    expect(full.length).toBeGreaterThanOrEqual(2);
    let counted = 0;
    for (const page of full) {
      const body = page.lines.filter(isBody);
      expect(body.length, body.map((l) => l.text).join("\n")).toBe(22);
      for (const [i, line] of body.entries()) {
        if (/^[0-9A-Za-z]/.test(body[i + 1]?.text ?? "")) continue;
        const wide = Math.abs(line.xMin - BLOCK.left) < TOLERANCE && line.xMax > BLOCK.right - TOLERANCE;
        if (!wide || !ALL_CJK.test(line.text)) continue;
        const hanging = line.xMax > BLOCK.right + TOLERANCE ? 1 : 0;
        expect([...line.text].length - hanging, line.text).toBe(28);
        counted += 1;
      }
    }
    expect(counted).toBeGreaterThanOrEqual(4);
  });
});
