// `npm run bench -- notice`: seed import (parse alone, and parse + store), .docx generation of the seed ledger and of
// a 60-problem / 300-measure inspection, the same to PDF through LibreOffice (cold and warm converter), peak RSS.
// Temp SQLite file. Writes bench/out/notice-sqlite.json.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { createLedger } from "../src/app/create-ledger.ts";
import { SYSTEM_ACTOR, type Deps } from "../src/app/deps.ts";
import { generateNotice, type PdfConverter } from "../src/app/generate-notice.ts";
import { importNotice } from "../src/app/import-notice.ts";
import { parseNotice } from "../src/documents/notice/parse-notice.ts";
import { SCOPE_ALL } from "../src/domain/scope.ts";
import { readConfig } from "../src/config.ts";
import { libreOfficePdf } from "../src/runtime/libreoffice-pdf.ts";
import { randomIds, systemClock } from "../src/runtime/system-ports.ts";
import { openStore } from "../src/storage/kysely/kysely-store.ts";
import { largeLedger } from "../test/support/large-ledger.ts";
import { check, peakRssMiB, timeRuns, type Timing } from "./timing.ts";

const SEED = readFileSync(new URL("../assets/example-notice.txt", import.meta.url), "utf8");
const TARGETS = { importMs: 5, seedDocxMs: 100, largeDocxMs: 500 } as const;

export async function runNoticeBench(): Promise<number> {
  const dir = mkdtempSync(join(os.tmpdir(), "zhenggai-bench-notice-"));
  const store = await openStore({ kind: "sqlite", file: join(dir, "bench.db") });
  const deps: Deps = { store, clock: systemClock, ids: randomIds };
  try {
    const parse = await timeRuns(
      () => parseNotice(SEED),
      (d) => check(d.problems.length === 11, "seed parses into 11 problems"),
      { runs: 200, warmups: 50 },
    );
    const importTiming = await timeRuns(
      () => importNotice(deps, SYSTEM_ACTOR, parseNotice(SEED), { allowDuplicate: true }),
      (r) => check(r.created?.problems === 11, "seed imports 11 problems"),
      { runs: 50, warmups: 10 },
    );
    const seedId = (await importNotice(deps, SYSTEM_ACTOR, parseNotice(SEED), { allowDuplicate: true }))
      .created!.inspectionId;
    const seedDocx = await timeRuns(
      () =>
        generateNotice(deps, SYSTEM_ACTOR, SCOPE_ALL, {
          inspectionId: seedId,
          version: "internal",
          format: "docx",
        }),
      (r) => check(r.content.byteLength > 5_000, "seed docx written"),
    );
    const large = await createLedger(deps, SYSTEM_ACTOR, largeLedger());
    check(large.problems === 60 && large.measures === 300, "large ledger has 60 problems and 300 measures");
    const largeDocx = await timeRuns(
      () =>
        generateNotice(deps, SYSTEM_ACTOR, SCOPE_ALL, {
          inspectionId: large.inspectionId,
          version: "internal",
          format: "docx",
        }),
      (r) => check(r.content.byteLength > 8_000, "large docx written"),
      { runs: 10, warmups: 2 },
    );
    // PDF through LibreOffice: cold = a new converter (fresh profile, LibreOffice starts from nothing) per run;
    // warm = one converter whose profile already exists. Each conversion still starts soffice.
    const soffice = readConfig({}, process.env).soffice;
    check(soffice !== undefined, "soffice installed (libreoffice-writer-nogui)");
    const pdfOf = (converter: PdfConverter, inspectionId: string) =>
      generateNotice({ ...deps, pdf: converter }, SYSTEM_ACTOR, SCOPE_ALL, {
        inspectionId,
        version: "internal",
        format: "pdf",
      });
    const isPdf = (r: { content: Uint8Array }) =>
      check(Buffer.from(r.content.subarray(0, 5)).toString() === "%PDF-", "a PDF came out");
    const seedPdfCold = await timeRuns(
      async () => {
        const converter = libreOfficePdf({ binary: soffice });
        try {
          return await pdfOf(converter, seedId);
        } finally {
          await converter.close();
        }
      },
      isPdf,
      { runs: 3, warmups: 0 },
    );
    const warm = libreOfficePdf({ binary: soffice });
    let seedPdfWarm: Timing;
    let largePdf: Timing;
    try {
      seedPdfWarm = await timeRuns(() => pdfOf(warm, seedId), isPdf, { runs: 5, warmups: 1 });
      largePdf = await timeRuns(() => pdfOf(warm, large.inspectionId), isPdf, { runs: 3, warmups: 1 });
    } finally {
      await warm.close();
    }
    const rows: [string, Timing, number | null][] = [
      ["parse the seed (parseNotice)", parse, TARGETS.importMs],
      ["import the seed (parse + one transaction into SQLite)", importTiming, null],
      [
        "generate .docx of the seed ledger (read ledger + build + write + record)",
        seedDocx,
        TARGETS.seedDocxMs,
      ],
      ["generate .docx of 60 problems / 300 measures", largeDocx, TARGETS.largeDocxMs],
      ["seed → PDF, cold converter (new LibreOffice profile)", seedPdfCold, null],
      ["seed → PDF, warm converter", seedPdfWarm, null],
      ["60 problems → PDF, warm converter", largePdf, null],
    ];
    const fmt = (ms: number) => ms.toFixed(2);
    console.log(
      `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, load ${os.loadavg()[0]?.toFixed(2)}`,
    );
    console.log(
      "| measure | runs | target ms | median ms | p90 | min | met? |\n|---|--:|--:|--:|--:|--:|:-:|",
    );
    for (const [name, t, target] of rows) {
      console.log(
        `| ${name} | ${t.runs} | ${target ?? "—"} | ${fmt(t.medianMs)} | ${fmt(t.p90Ms)} | ${fmt(t.minMs)} | ${target === null ? "" : t.medianMs <= target ? "met" : "missed"} |`,
      );
    }
    console.log(`Peak RSS: ${peakRssMiB()} MiB`);
    mkdirSync(new URL("./out/", import.meta.url), { recursive: true });
    writeFileSync(
      new URL("./out/notice-sqlite.json", import.meta.url),
      JSON.stringify({ rows, peakRssMiB: peakRssMiB() }, null, 2),
    );
    return 0;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
