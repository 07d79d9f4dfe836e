// Scores a ledger reader on the corpus: one point per expected problem title and aspect, per field of each
// expected measure (text, kind, deadline, leader, department, person, cooperating, state; a missing measure
// loses all eight) and per expected finding found at its place (code, sheet, row, column). Extra problems
// or measures count against the total. Run: `node --import tsx test/ledger-corpus/score-ledgers.ts [reader.ts]`
// (default: the current reader; give another checkout's read-ledger-xlsx.ts to score it).

import { pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import type { ReadLedger } from "../../src/documents/xlsx/read-ledger-xlsx.ts";
import type { Expected, ExpectedFinding } from "../fixtures/ledgers/render-ledger.ts";
import { asExpected, corpusLedgers } from "./corpus-files.ts";

type Reader = (path: string) => Promise<ReadLedger>;

const MEASURE_FIELDS = [
  "text",
  "kind",
  "deadline",
  "leader",
  "department",
  "person",
  "cooperatingDepartments",
  "state",
] as const;

function score(got: Expected, want: Expected): { right: number; total: number } {
  let right = 0;
  let total = 0;
  const problems = Math.max(got.problems.length, want.problems.length);
  for (let i = 0; i < problems; i++) {
    const g = got.problems[i];
    const w = want.problems[i];
    total += 2;
    if (g && w && g.title === w.title) right += 1;
    if (g && w && g.aspect === w.aspect) right += 1;
    const measures = Math.max(g?.measures.length ?? 0, w?.measures.length ?? 0);
    for (let k = 0; k < measures; k++) {
      const gm = g?.measures[k];
      const wm = w?.measures[k];
      for (const f of MEASURE_FIELDS) {
        total += 1;
        if (gm && wm && isDeepStrictEqual(gm[f], wm[f])) right += 1;
      }
    }
  }
  const place = (f: ExpectedFinding) => `${f.code}|${f.sheet}|${f.row}|${f.column}`;
  const found = new Set([...(got.errors ?? []), ...(got.warnings ?? [])].map(place));
  for (const f of [...want.errors, ...want.warnings]) {
    total += 1;
    if (found.has(place(f))) right += 1;
  }
  return { right, total };
}

const readerPath = process.argv[2];
const reader: Reader = readerPath
  ? ((await import(pathToFileURL(readerPath).href)) as { readLedgerXlsx: Reader }).readLedgerXlsx
  : (await import("../../src/documents/xlsx/read-ledger-xlsx.ts")).readLedgerXlsx;

let right = 0;
let total = 0;
let whole = 0;
const ledgers = corpusLedgers();
for (const l of ledgers) {
  let got: Expected;
  try {
    const read = await reader(l.path);
    got = asExpected({ ...read, warnings: read.warnings ?? [] });
  } catch (e) {
    got = { unitName: null, problems: [], errors: [], warnings: [] };
    process.stdout.write(`${l.name}: refused (${e instanceof Error ? e.message.slice(0, 60) : ""})\n`);
  }
  const s = score(got, l.expected);
  right += s.right;
  total += s.total;
  if (s.right === s.total) whole += 1;
  process.stdout.write(`${l.name}: ${s.right}/${s.total}\n`);
}
process.stdout.write(
  `corpus: ${right}/${total} (${((100 * right) / total).toFixed(1)} %), ${whole}/${ledgers.length} ledgers fully right\n`,
);
