// Scores parseNotice against a corpus of notices with expected outputs (the format of test/fixtures/notices/*.expected.json):
// one point per inspection field, per stated count (expected or produced), per problem's title, status and aspect
// (missing and extra problems count as wrong), and one for the count-mismatch flag.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseNotice } from "../../src/documents/notice/parse-notice.ts";
import type { NoticeDraft } from "../../src/documents/notice/notice-draft.ts";

export interface ExpectedNotice {
  readonly inspection: Readonly<Record<string, string | null>>;
  readonly stated: Readonly<Record<string, number>>;
  readonly problems: readonly { title: string; status: string; aspect?: string }[];
  readonly countMismatch: boolean;
}

export interface DocumentScore {
  readonly name: string;
  readonly right: number;
  readonly total: number;
  readonly refused: boolean;
  /** One line per wrong field: "problems[2].status: expected completed, got null". */
  readonly wrong: readonly string[];
}

const show = (v: unknown): string => (v === undefined ? "—" : JSON.stringify(v));

/** Compares one draft with its expected output, field by field. */
export function scoreDraft(name: string, draft: NoticeDraft, expected: ExpectedNotice): DocumentScore {
  const wrong: string[] = [];
  let right = 0;
  let total = 0;
  const check = (field: string, want: unknown, got: unknown): void => {
    total += 1;
    if (JSON.stringify(want ?? null) === JSON.stringify(got ?? null)) right += 1;
    else wrong.push(`${field}: expected ${show(want)}, got ${show(got)}`);
  };
  for (const [key, want] of Object.entries(expected.inspection))
    check(`inspection.${key}`, want, (draft.inspection as unknown as Record<string, unknown>)[key]);
  const { completionRate: _rate, ...stated } = draft.stated;
  const keys = new Set([...Object.keys(expected.stated), ...Object.keys(stated)]);
  for (const key of keys)
    check(`stated.${key}`, expected.stated[key], (stated as Record<string, unknown>)[key]);
  const count = Math.max(expected.problems.length, draft.problems.length);
  for (let i = 0; i < count; i += 1) {
    const want = expected.problems[i];
    const got = draft.problems[i];
    check(`problems[${i}].title`, want?.title, got?.title);
    check(`problems[${i}].status`, want?.status, got?.status);
    if (want?.aspect !== undefined || got?.aspect !== undefined)
      check(`problems[${i}].aspect`, want?.aspect, got?.aspect);
  }
  check(
    "countMismatch",
    expected.countMismatch,
    draft.warnings.some((w) => w.code === "count_mismatch"),
  );
  return { name, right, total, refused: !draft.recognised, wrong };
}

/** Scores every `X.txt` with an `X.expected.json` beside it in `dir`. */
export function scoreCorpus(dir: string): DocumentScore[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".expected.json"))
    .sort()
    .map((f) => {
      const name = f.replace(/\.expected\.json$/, "");
      const expected = JSON.parse(readFileSync(join(dir, f), "utf8")) as ExpectedNotice;
      const draft = parseNotice(readFileSync(join(dir, `${name}.txt`), "utf8"));
      return scoreDraft(name, draft, expected);
    });
}
