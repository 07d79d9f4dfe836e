// The monthly progress bulletin (月度整改进展通报) through LibreOffice: a ledger with closed, overdue and unreported
// measures in four departments is made into a PDF for May 2021 with the oversight office's 版头, and measured like the
// notices (test/rendering/notice-pdf.test.ts): A4, fonts embedded, 22 lines on a full page, 28 characters on a full
// line. Pages are kept as PNGs under .tmp/rendering/ (bulletin-*.png) to be looked at.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { generateMonthlyBulletin } from "../../src/app/monthly-bulletin.ts";
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
  "选人用人工作不够规范",
  "巡察整改日常监督不够有力",
];
const DEPARTMENTS = ["办公室", "财务科", "组织人事处", "宣传科"];

const pdf = libreOfficePdf({ binary: readConfig({}, process.env).soffice, timeoutMs: 180_000 });
let store: Store;
let dir: string;
let pages: PdfPage[] = [];
let content: Uint8Array;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "zhenggai-bulletin-rendering-"));
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
  // Per problem: one closed in May, one overdue at May's end, one open and not yet due; none reported for May.
  const { inspectionId } = await createLedger(
    deps,
    SYSTEM_ACTOR,
    makeLedger({
      problems: TITLES.map((title, p) =>
        makeProblem({
          title,
          measures: [0, 1, 2].map((m) =>
            makeMeasure({
              text: `针对${title}的问题，制定专项整改方案，逐项明确整改目标、整改措施和完成时限，第${"一二三"[m]}项任务按月报送进展情况`,
              deadline: ["2021-05-31", `2021-05-${10 + p}`, "2021-09-30"][m],
              department: DEPARTMENTS[(p + m) % 4],
              ...(m === 0 ? { state: "closed" as const, closedOn: `2021-05-${20 + p}` } : {}),
            }),
          ),
        }),
      ),
    }),
  );
  const made = await generateMonthlyBulletin(deps, SYSTEM_CALLER, {
    inspectionId,
    request: { month: "2021-05", format: "pdf", docNumber: "市巡办〔2021〕9号" },
  });
  content = made.content;
  savePagePictures(content, ARTIFACTS, "bulletin", 6);
  pages = pdfLayout(content);
}, 300_000);

afterAll(async () => {
  await pdf.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the monthly progress bulletin as PDF", () => {
  it("embeds every font it uses and is A4", () => {
    for (const font of pdfFonts(content)) expect(font.embedded, font.name).toBe(true);
    for (const page of pages) expect(Math.abs(page.width - 210 * MM)).toBeLessThan(TOLERANCE);
  });

  it("holds the month's figures, the departments that did not report and the 版头 and 版记", () => {
    const text = pages.flatMap((p) => p.lines.map((l) => l.text)).join("");
    expect(text).toContain("市巡办〔2021〕9号");
    expect(text).toContain("市文联党组：");
    expect(text).toContain("整改措施共18项，5月完成销号6项，累计完成6项，完成率33.33%");
    expect(text).toContain("按期完成率33.33%");
    expect(text).toContain("逾期未完成6项");
    expect(text).toContain("应报送18项，按期报送0项，逾期报送0项，未报送18项");
    expect(text).toContain("组织人事处：应报送5项，未报送5项。");
    expect(text).toContain("已逾期");
    expect(text).toContain("（联系人：王五，电话：0510-81820000）");
    expect(text).toContain("抄送：市纪委监委，市委第八巡察组。");
  });

  it("has 22 lines on every full page and 28 characters on every full CJK line", () => {
    const lastText = pages.findLastIndex((p) => p.lines.some(isBody));
    const full = pages.filter((_, i) => i > 0 && i < lastText - 1);
    expect(full.length).toBeGreaterThanOrEqual(1);
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
    expect(counted).toBeGreaterThanOrEqual(2);
  });
});
