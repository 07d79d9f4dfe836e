// Undoing one correction of an import draft: the others are replayed on the draft as read, each on the problems and
// measures it meant (a merge or split renumbers what follows), and a correction made on what the undone one changed
// refuses the undo by name. The property compares with a model that finds problems by title and measures by a marker
// instead of following numbers.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { undoCorrection } from "../../src/app/import-correction-undo.ts";
import { applyCorrection, type ContentCorrection } from "../../src/app/import-corrections.ts";
import { DomainError } from "../../src/domain/domain-error.ts";
import type { ProblemStatus } from "../../src/domain/problem.ts";
import type { LedgerInput } from "../../src/shared/ledger-input.ts";
import { makeLedger, makeMeasure, makeProblem } from "../support/ledger-builders.ts";

interface Record {
  readonly correction: ContentCorrection;
  readonly summary: string;
}

/** The corrections applied in order, each to the draft the previous ones left, with their sentences. */
function applyAll(
  input: LedgerInput,
  corrections: readonly ContentCorrection[],
): { input: LedgerInput; records: Record[] } {
  const records: Record[] = [];
  for (const [i, correction] of corrections.entries()) {
    const applied = applyCorrection(input, correction, i);
    input = applied.input;
    records.push({ correction, summary: applied.summary });
  }
  return { input, records };
}

const draft = makeLedger({
  problems: ["一", "二", "三", "四", "五"].map((title, i) =>
    makeProblem({
      title,
      aspect: i < 2 ? "全面从严治党" : "党的建设",
      measures: [1, 2, 3].map((m) =>
        makeMeasure({ text: `${title}的措施${m}`, state: m === 1 ? "closed" : "in_progress" }),
      ),
    }),
  ),
});

describe("undoing one correction of an import draft", () => {
  it("undoes a merge in the middle: the preview equals applying only the other two, on the problems they meant", () => {
    const { records } = applyAll(draft, [
      { op: "setProblemStatus", problem: 5, status: "completed" },
      { op: "mergeProblems", into: 1, from: 2 },
      // Made after the merge: the fourth problem is then 五.
      { op: "setProblemTitle", problem: 4, title: "五改" },
    ]);
    const undone = undoCorrection(draft, records, 1);
    const expected = applyAll(draft, [
      { op: "setProblemStatus", problem: 5, status: "completed" },
      { op: "setProblemTitle", problem: 5, title: "五改" },
    ]);
    expect(undone.input).toEqual(expected.input);
    expect(undone.records).toEqual(expected.records);
    expect(undone.input.problems.map((p) => p.title)).toEqual(["一", "二", "三", "四", "五改"]);
  });

  it("undoes a title change of a problem a later merge removed, and the merge still takes its measures", () => {
    const { records } = applyAll(draft, [
      { op: "setProblemTitle", problem: 3, title: "三改" },
      { op: "mergeProblems", into: 1, from: 3 },
      { op: "setMeasure", problem: 1, measure: 4, fields: { person: "王五" } },
    ]);
    const undone = undoCorrection(draft, records, 0);
    expect(undone.input).toEqual(
      applyAll(draft, [
        { op: "mergeProblems", into: 1, from: 3 },
        { op: "setMeasure", problem: 1, measure: 4, fields: { person: "王五" } },
      ]).input,
    );
    // Its sentence is said again of the draft without the title change.
    expect(undone.records[0]!.summary).toContain("把第3个问题“三”合并到第1个问题“一”");
  });

  it("gives a measure corrected after a merge back to its problem when the merge is undone", () => {
    const { records } = applyAll(draft, [
      { op: "mergeProblems", into: 1, from: 4 },
      // The fifth measure of the merged problem is 四's second.
      { op: "setMeasure", problem: 1, measure: 5, fields: { department: "办公室" } },
    ]);
    const undone = undoCorrection(draft, records, 0);
    expect(undone.records.map((r) => r.correction)).toEqual([
      { op: "setMeasure", problem: 4, measure: 2, fields: { department: "办公室" } },
    ]);
    expect(undone.input.problems[3]!.measures![1]!.department).toBe("办公室");
  });

  it("refuses to undo a split whose new problem a later correction changed, naming that correction", () => {
    const { records } = applyAll(draft, [
      { op: "splitProblem", problem: 2, measures: [2, 3], title: "二之二" },
      { op: "setProblemTitle", problem: 1, title: "一改" },
      { op: "setProblemStatus", problem: 3, status: "completed" },
    ]);
    const refusal = (() => {
      try {
        undoCorrection(draft, records, 0);
      } catch (e) {
        return e;
      }
    })();
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({
      code: "correction_depends",
      message:
        "不能单独撤销第1项修改：之后的第3项修改（第3个问题“二之二”的整改状态由“正在推进”改为“已整改完成”）是在它的基础上做的。请先撤销第3项修改",
    });
    // Undone in that order, both go.
    const first = undoCorrection(draft, records, 2);
    const second = undoCorrection(draft, first.records, 0);
    expect(second.input).toEqual(
      applyAll(draft, [{ op: "setProblemTitle", problem: 1, title: "一改" }]).input,
    );
  });

  it("refuses to undo a merge that a later split took measures across, saying why", () => {
    const { records } = applyAll(draft, [
      { op: "mergeProblems", into: 1, from: 2 },
      // 一's third measure and 二's first, split off together.
      { op: "splitProblem", problem: 1, measures: [3, 4], title: "新" },
    ]);
    expect(() => undoCorrection(draft, records, 0)).toThrow(
      /^不能单独撤销第1项修改：之后的第2项修改（从第1个问题“一”拆出第3、4条措施，成为第2个问题“新”）是在它的基础上做的。请先撤销第2项修改$/,
    );
  });

  it("undoing the last correction gives the draft before it, with the records before it", () => {
    fc.assert(
      fc.property(scenario(), ({ original, intents }) => {
        const full = recorded(original, intents);
        if (full.records.length === 0) return;
        const before = applyAll(
          original,
          full.records.slice(0, -1).map((r) => r.correction),
        );
        const undone = undoCorrection(original, full.records, full.records.length - 1);
        expect(undone.input).toEqual(before.input);
        expect(undone.records).toEqual(before.records);
      }),
      { numRuns: 150 },
    );
  });

  it("undoing any correction equals applying the others to what they meant, or refuses when one meant its work", () => {
    fc.assert(
      fc.property(scenario(), ({ original, intents }) => {
        const full = recorded(original, intents);
        for (const k of full.records.keys()) {
          const expected = model(
            original,
            intents.filter((_, i) => i !== k),
          );
          let undone: ReturnType<typeof undoCorrection<Record>> | undefined;
          try {
            undone = undoCorrection(original, full.records, k);
          } catch (e) {
            expect(e).toMatchObject({ code: "correction_depends" });
          }
          expect(undone === undefined).toBe(expected === undefined);
          if (undone === undefined || expected === undefined) continue;
          expect(undone.input).toEqual(expected);
          // The records kept are what a later replay applies: literally, they make the same draft and sentences.
          const replayed = applyAll(
            original,
            undone.records.map((r) => r.correction),
          );
          expect(replayed.input).toEqual(undone.input);
          expect(replayed.records).toEqual(undone.records);
        }
      }),
      { numRuns: 150 },
    );
  });
});

// The model: problems found by their title (kept unique), measures by a marker in acceptanceCriteria (never corrected).

type Intent =
  | { readonly op: "title"; readonly problem: string; readonly title: string }
  | { readonly op: "status"; readonly problem: string; readonly status: ProblemStatus }
  | { readonly op: "measure"; readonly measure: string; readonly person: string }
  | { readonly op: "merge"; readonly into: string; readonly from: string }
  | {
      readonly op: "split";
      readonly problem: string;
      readonly measures: readonly string[];
      readonly id: string;
      readonly title: string;
    };

/** The model's draft: the ledger input and the current title of each problem it knows by id. */
interface ModelDraft {
  readonly input: LedgerInput;
  readonly titles: ReadonlyMap<string, string>;
}

const problemAt = (d: ModelDraft, id: string): number | undefined => {
  const title = d.titles.get(id);
  const at = d.input.problems.findIndex((p) => p.title === title);
  return title === undefined || at < 0 ? undefined : at + 1;
};

const measureAt = (d: ModelDraft, marker: string): { problem: number; measure: number } | undefined => {
  for (const [i, p] of d.input.problems.entries()) {
    const at = (p.measures ?? []).findIndex((m) => m.acceptanceCriteria === marker);
    if (at >= 0) return { problem: i + 1, measure: at + 1 };
  }
  return undefined;
};

/** The correction that carries out `intent` on `d` by numbers, or undefined when what it means is not there. */
function resolve(d: ModelDraft, intent: Intent): ContentCorrection | undefined {
  switch (intent.op) {
    case "title": {
      const problem = problemAt(d, intent.problem);
      return problem === undefined ? undefined : { op: "setProblemTitle", problem, title: intent.title };
    }
    case "status": {
      const problem = problemAt(d, intent.problem);
      return problem === undefined ? undefined : { op: "setProblemStatus", problem, status: intent.status };
    }
    case "measure": {
      const at = measureAt(d, intent.measure);
      return at && { op: "setMeasure", ...at, fields: { person: intent.person } };
    }
    case "merge": {
      const into = problemAt(d, intent.into);
      const from = problemAt(d, intent.from);
      return into && from ? { op: "mergeProblems", into, from } : undefined;
    }
    case "split": {
      const problem = problemAt(d, intent.problem);
      const at = intent.measures.map((m) => measureAt(d, m));
      if (!problem || at.some((m) => m?.problem !== problem)) return undefined;
      return { op: "splitProblem", problem, measures: at.map((m) => m!.measure), title: intent.title };
    }
  }
}

/** `intent` carried out on `d`; undefined when it cannot be. */
function modelStep(
  d: ModelDraft,
  intent: Intent,
): { draft: ModelDraft; correction: ContentCorrection; summary: string } | undefined {
  const correction = resolve(d, intent);
  if (correction === undefined) return undefined;
  let applied: ReturnType<typeof applyCorrection>;
  try {
    applied = applyCorrection(d.input, correction, 0);
  } catch (e) {
    if (e instanceof DomainError) return undefined;
    throw e;
  }
  const titles = new Map(d.titles);
  if (intent.op === "title") titles.set(intent.problem, intent.title);
  if (intent.op === "merge") titles.delete(intent.from);
  if (intent.op === "split") titles.set(intent.id, intent.title);
  return { draft: { input: applied.input, titles }, correction, summary: applied.summary };
}

const modelDraft = (original: LedgerInput): ModelDraft => ({
  input: original,
  titles: new Map(original.problems.map((p, i) => [`p${i}`, p.title])),
});

/** The draft the model makes of `intents` in order; undefined when one of them cannot be carried out. */
function model(original: LedgerInput, intents: readonly Intent[]): LedgerInput | undefined {
  let d = modelDraft(original);
  for (const intent of intents) {
    const next = modelStep(d, intent);
    if (next === undefined) return undefined;
    d = next.draft;
  }
  return d.input;
}

/** The records a person makes by carrying out `intents` in order, by numbers as the page shows them. */
function recorded(original: LedgerInput, intents: readonly Intent[]): { records: Record[] } {
  let d = modelDraft(original);
  const records: Record[] = [];
  for (const intent of intents) {
    const next = modelStep(d, intent);
    if (next === undefined) throw new Error(`generated intent does not apply: ${JSON.stringify(intent)}`);
    records.push({ correction: next.correction, summary: next.summary });
    d = next.draft;
  }
  return { records };
}

const STATUSES: readonly ProblemStatus[] = ["completed", "in_progress", "long_term"];

/** A draft of 2–5 problems with 1–4 measures each, and up to 6 corrections that apply in order to it. */
function scenario(): fc.Arbitrary<{ original: LedgerInput; intents: Intent[] }> {
  const measure = fc.record({ closed: fc.boolean(), longTerm: fc.boolean() });
  const problem = fc.record({
    measures: fc.array(measure, { minLength: 1, maxLength: 4 }),
    second: fc.boolean(),
  });
  const choice = fc.tuple(fc.nat(4), fc.nat(1000), fc.nat(1000), fc.nat(1000));
  return fc
    .record({
      problems: fc.array(problem, { minLength: 2, maxLength: 5 }),
      choices: fc.array(choice, { maxLength: 6 }),
    })
    .map(({ problems, choices }) => {
      let marker = 0;
      const original = makeLedger({
        problems: problems.map((p, i) =>
          makeProblem({
            title: `问题${i}`,
            aspect: p.second ? "党的建设" : "全面从严治党",
            measures: p.measures.map((m) =>
              makeMeasure({
                text: `措施${marker}`,
                acceptanceCriteria: `m${marker++}`,
                state: m.closed ? "closed" : "in_progress",
                kind: m.longTerm ? "long_term" : "time_limited",
              }),
            ),
          }),
        ),
      });
      let d = modelDraft(original);
      const intents: Intent[] = [];
      for (const [n, [op, a, b, c]] of choices.entries()) {
        const intent = intentOf(d, n, op, a, b, c);
        const next = modelStep(d, intent);
        if (next === undefined) continue;
        intents.push(intent);
        d = next.draft;
      }
      return { original, intents };
    });
}

/** The `n`th intent chosen by the numbers among what `d` allows (a title change when the chosen kind is not possible). */
function intentOf(d: ModelDraft, n: number, op: number, a: number, b: number, c: number): Intent {
  const ids = [...d.titles.keys()].filter((id) => problemAt(d, id) !== undefined);
  const id = ids[a % ids.length]!;
  const measuresOf = (pid: string) =>
    (d.input.problems[problemAt(d, pid)! - 1]?.measures ?? []).map((m) => m.acceptanceCriteria!);
  const all = ids.flatMap(measuresOf);
  if (op === 1) return { op: "status", problem: id, status: STATUSES[b % 3]! };
  if (op === 2) return { op: "measure", measure: all[b % all.length]!, person: `人${n}` };
  if (op === 3 && ids.length > 1)
    return { op: "merge", into: id, from: ids[(a + 1 + (b % (ids.length - 1))) % ids.length]! };
  const splittable = ids.filter((pid) => measuresOf(pid).length > 1);
  if (op === 4 && splittable.length > 0) {
    const pid = splittable[a % splittable.length]!;
    const keys = measuresOf(pid);
    // A mask choosing some measures but not all of them.
    const mask = 1 + (c % (2 ** keys.length - 2));
    return {
      op: "split",
      problem: pid,
      measures: keys.filter((_, i) => (mask >> i) & 1),
      id: `s${n}`,
      title: `拆出${n}`,
    };
  }
  return { op: "title", problem: id, title: `标题${n}` };
}
