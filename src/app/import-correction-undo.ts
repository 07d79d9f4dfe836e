// Undoes one correction of a staged import: the corrections are replayed on the draft as first read, without the
// undone one. A correction names problems and measures by their numbers when it was made, and a merge or a split
// renumbers everything after it, so each later correction is first tied to the problems and measures it meant (followed
// through the replay of all of them) and numbered again for the draft without the undone one. A correction that meant
// something only the undone one made (a problem it split off, measures it merged together), or that no longer
// applies, refuses the undo and names it. Pure: no store, no clock; column mappings are the caller's (read again).

import { DomainError } from "../domain/domain-error.ts";
import type { ImportCorrection } from "../shared/import-corrections.ts";
import type { LedgerInput } from "../shared/ledger-input.ts";
import { applyCorrection, type ContentCorrection } from "./import-corrections.ts";

/** A draft whose problems and measures carry who they are, whatever their numbers become. */
interface Tracked {
  readonly input: LedgerInput;
  /** One key per problem: `p3` for the fourth problem read, `s5` for the one correction 5 split off. */
  readonly problems: readonly string[];
  /** Per problem, one key per measure: `p3.1` for the second measure of the fourth problem read. */
  readonly measures: readonly (readonly string[])[];
}

/** A correction numbered again for a draft from what it meant; undefined when something it meant is not there. */
type Renumber = (t: Tracked) => ContentCorrection | undefined;

const tracked = (input: LedgerInput): Tracked => ({
  input,
  problems: input.problems.map((_, i) => `p${i}`),
  measures: input.problems.map((p, i) => (p.measures ?? []).map((_, j) => `p${i}.${j}`)),
});

/** Key of number `no` (1-based) in `keys`; "" past the end, which no draft holds. */
const keyAt = (keys: readonly string[] | undefined, no: number): string => keys?.[no - 1] ?? "";

/** Number (1-based) of the problem `key` in `t`, 0 when it has none. */
const problemNo = (t: Tracked, key: string): number => t.problems.indexOf(key) + 1;

/** What `c` meant in `t` (where it was made), as a way to number it again for another draft. */
function meaning(t: Tracked, c: ContentCorrection): Renumber {
  switch (c.op) {
    case "setProblemTitle":
    case "setProblemStatus": {
      const key = keyAt(t.problems, c.problem);
      return (now) => {
        const problem = problemNo(now, key);
        return problem === 0 ? undefined : { ...c, problem };
      };
    }
    case "setMeasure": {
      // The measure, wherever it is now: undoing a merge gives it back to the problem it came from.
      const key = keyAt(t.measures[c.problem - 1], c.measure);
      return (now) => {
        const at = now.measures.findIndex((keys) => keys.includes(key));
        const measure = (now.measures[at] ?? []).indexOf(key) + 1;
        return at < 0 ? undefined : { ...c, problem: at + 1, measure };
      };
    }
    case "mergeProblems": {
      const into = keyAt(t.problems, c.into);
      const from = keyAt(t.problems, c.from);
      return (now) => {
        const numbers = { into: problemNo(now, into), from: problemNo(now, from) };
        return numbers.into === 0 || numbers.from === 0 ? undefined : { ...c, ...numbers };
      };
    }
    case "splitProblem": {
      // The same measures, still together in the same problem.
      const key = keyAt(t.problems, c.problem);
      const keys = c.measures.map((m) => keyAt(t.measures[c.problem - 1], m));
      return (now) => {
        const problem = problemNo(now, key);
        const held = now.measures[problem - 1] ?? [];
        const measures = keys.map((k) => held.indexOf(k) + 1);
        return problem === 0 || measures.includes(0) ? undefined : { ...c, problem, measures };
      };
    }
  }
}

/** Applies `c` to `t` and follows its problems and measures; `splitKey` names the problem a split makes. */
function step(
  t: Tracked,
  c: ContentCorrection,
  index: number,
  splitKey: string,
): { tracked: Tracked; summary: string } {
  const applied = applyCorrection(t.input, c, index);
  const problems = [...t.problems];
  const measures = [...t.measures];
  if (c.op === "mergeProblems") {
    measures[c.into - 1] = [...(measures[c.into - 1] ?? []), ...(measures[c.from - 1] ?? [])];
    problems.splice(c.from - 1, 1);
    measures.splice(c.from - 1, 1);
  } else if (c.op === "splitProblem") {
    // The same order as applyCorrection: the split-off measures keep their order in the problem.
    const chosen = new Set(c.measures.map((m) => m - 1));
    const keys = measures[c.problem - 1] ?? [];
    measures.splice(
      c.problem - 1,
      1,
      keys.filter((_, i) => !chosen.has(i)),
      keys.filter((_, i) => chosen.has(i)),
    );
    problems.splice(c.problem, 0, splitKey);
  }
  return { tracked: { input: applied.input, problems, measures }, summary: applied.summary };
}

/** One recorded correction: what it asked and the sentence that says it (a column mapping keeps its own). */
export interface UndoableRecord {
  readonly correction: ImportCorrection;
  readonly summary: string;
}

/**
 * The corrections replayed on `original` without number `undone` (0-based): the draft they make, and the remaining
 * records with each content correction numbered for that draft and its sentence said again. Column mappings are passed
 * over (the caller reads the workbook with them before). Refuses (DomainError correction_depends) when a later
 * correction meant a problem or measure that only the undone one made, or no longer applies without it.
 */
export function undoCorrection<R extends UndoableRecord>(
  original: LedgerInput,
  records: readonly R[],
  undone: number,
): { input: LedgerInput; records: R[] } {
  // What every correction meant, from the replay of all of them.
  const meanings: (Renumber | undefined)[] = [];
  let all = tracked(original);
  for (const [i, r] of records.entries()) {
    if (r.correction.op === "mapColumn") {
      meanings.push(undefined);
      continue;
    }
    meanings.push(meaning(all, r.correction));
    // Fails only on a workbook read without the undone column mapping.
    all = stepOrRefuse(all, r.correction, i, i, undone, r.summary).tracked;
  }
  let now = tracked(original);
  const kept: R[] = [];
  for (const [i, r] of records.entries()) {
    if (i === undone) continue;
    const m = meanings[i];
    if (r.correction.op === "mapColumn" || m === undefined) {
      kept.push(r);
      continue;
    }
    const c = m(now);
    if (c === undefined) throw correctionDepends(undone, i, r.summary);
    const next = stepOrRefuse(now, c, kept.length, i, undone, r.summary);
    now = next.tracked;
    kept.push({ ...r, correction: c, summary: next.summary });
  }
  return { input: now.input, records: kept };
}

/** `step`, saying a refusal as the refusal to undo correction `undone` (`at`: the correction's number in the log). */
function stepOrRefuse(
  t: Tracked,
  c: ContentCorrection,
  index: number,
  at: number,
  undone: number,
  summary: string,
): ReturnType<typeof step> {
  try {
    return step(t, c, index, `s${at}`);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    throw correctionDepends(undone, at, summary, e.fields?.[0]?.message ?? e.message);
  }
}

/**
 * The refusal of undoing correction `undone` because correction `other` (0-based) was made on what it changed, or
 * (`reason`) no longer applies without it.
 */
function correctionDepends(undone: number, other: number, summary: string, reason?: string): DomainError {
  const message =
    other > undone
      ? `不能单独撤销第${undone + 1}项修改：之后的第${other + 1}项修改（${summary}）是在它的基础上做的${
          reason ? `，没有它就无法套用（${reason}）` : ""
        }。请先撤销第${other + 1}项修改`
      : `不能撤销第${undone + 1}项修改：撤销后第${other + 1}项修改（${summary}）无法再套用（${reason ?? "所指的问题已不存在"}）`;
  return new DomainError("correction_depends", message, [
    { path: `corrections.${other}`, code: "correction_depends", message },
  ]);
}
