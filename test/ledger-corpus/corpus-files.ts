// The ledger corpus on disk (test/fixtures/ledgers/*.xlsx with their .expected.json) and the import's output
// in the same shape as the expected files, for the corpus test, its properties and the timing script.

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ReadLedger } from "../../src/documents/xlsx/read-ledger-xlsx.ts";
import type { Expected, ExpectedFinding } from "../fixtures/ledgers/render-ledger.ts";

export const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), "../fixtures/ledgers");

export interface CorpusLedger {
  readonly name: string;
  readonly path: string;
  readonly expected: Expected;
}

export function corpusLedgers(): CorpusLedger[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => {
      const name = f.replace(/\.xlsx$/, "");
      const expected = JSON.parse(
        readFileSync(join(CORPUS_DIR, `${name}.expected.json`), "utf8"),
      ) as Expected;
      return { name, path: join(CORPUS_DIR, f), expected };
    });
}

const byPlace = (a: ExpectedFinding, b: ExpectedFinding): number =>
  a.sheet.localeCompare(b.sheet) ||
  (a.row ?? 0) - (b.row ?? 0) ||
  a.code.localeCompare(b.code) ||
  (a.column ?? "").localeCompare(b.column ?? "");

const findings = (list: readonly ExpectedFinding[]): ExpectedFinding[] =>
  list.map(({ code, sheet, row, column }) => ({ code, sheet, row, column })).sort(byPlace);

/** What an import read, in the shape of an .expected.json (findings by place, without their messages). */
export function asExpected(read: ReadLedger): Expected {
  return {
    unitName: read.unitName,
    problems: read.problems.map((p) => ({
      title: p.title,
      aspect: p.aspect ?? null,
      measures: (p.measures ?? []).map((m) => ({
        text: m.text,
        kind: m.kind ?? "time_limited",
        deadline: m.deadline ?? null,
        leader: m.leader ?? null,
        department: m.department ?? null,
        person: m.person ?? null,
        cooperatingDepartments: m.cooperatingDepartments ?? [],
        state: m.state ?? "draft",
      })),
    })),
    errors: findings(read.errors),
    warnings: findings(read.warnings),
  };
}

/** The expected file without its description, findings in the same order as asExpected. */
export const normalisedExpected = (e: Expected): Expected => ({
  unitName: e.unitName,
  problems: e.problems,
  errors: findings(e.errors),
  warnings: findings(e.warnings),
});
