// A deterministic, province-scale synthetic ledger for the benchmark: one oversight office, 20 rounds of
// 100 inspected units, streamed one unit at a time, plus the figures the store must reproduce from it.

import { addDays, addMonths, daysBetween, type CalendarDate } from "../src/domain/calendar-date.ts";
import { formatChineseNumber } from "../src/domain/chinese-numerals.ts";
import { computeInspectionDeadlines, type Inspection } from "../src/domain/inspection.ts";
import type { ProblemTally } from "../src/domain/ledger-statistics.ts";
import type { Measure, MeasureKind, MeasureState } from "../src/domain/measure.ts";
import { fenToYuan } from "../src/domain/money.ts";
import { childPath, type Org, type Person } from "../src/domain/org.ts";
import {
  MONEY_OUTCOME_KINDS,
  SANCTION_TYPES,
  type Outcome,
  type OutcomeKind,
} from "../src/domain/outcome.ts";
import type { Aspect, Disclosure, Problem, ProblemSource } from "../src/domain/problem.ts";
import type { ProgressReport } from "../src/domain/progress.ts";
import { idMaker, mulberry32, Random } from "./synthetic-random.ts";
import {
  ACTIONS,
  ASPECTS,
  DEPARTMENTS,
  NEXT,
  personName,
  PLACES,
  PROBLEM_TITLES,
  PROGRESS,
  SYMPTOMS,
  UNIT_KINDS,
} from "./synthetic-text.ts";

export interface LedgerShape {
  readonly rounds: number;
  readonly unitsPerRound: number;
  readonly problemsPerInspection: number;
  readonly measuresPerInspection: number;
  readonly reportsPerInspection: number;
  readonly outcomesPerInspection: number;
}

/** 20 × 100 units; 24,000 problems, 100,000 measures, 600,000 progress reports, 50,000 outcomes. */
export const PROVINCE_SHAPE: LedgerShape = {
  rounds: 20,
  unitsPerRound: 100,
  problemsPerInspection: 12,
  measuresPerInspection: 50,
  reportsPerInspection: 300,
  outcomesPerInspection: 25,
};

/** The date every statistic and overdue test refers to. */
export const REFERENCE_DATE: CalendarDate = "2023-06-30";
const FIRST_FEEDBACK: CalendarDate = "2021-01-20";
const LAST_DEADLINE: CalendarDate = "2023-12-31";

/** Everything written for one inspected unit, in insertion order (parents before children). */
export interface UnitLedger {
  readonly round: number;
  readonly orgs: Org[];
  readonly people: Person[];
  readonly inspection: Inspection;
  readonly aspects: Aspect[];
  readonly problems: Problem[];
  readonly measures: Measure[];
  readonly reports: ProgressReport[];
  readonly outcomes: Outcome[];
  /** What the store's problemTallies must return for this inspection on REFERENCE_DATE. */
  readonly tallies: ProblemTally[];
}

// ---------------------------------------------------------------- the ledger

const MEASURE_KIND_WEIGHTS: readonly (readonly [MeasureKind, number])[] = [
  ["immediate", 0.3],
  ["time_limited", 0.55],
  ["long_term", 0.15],
];
const OUTCOME_WEIGHTS: readonly (readonly [OutcomeKind, number])[] = [
  ["rules_new", 20],
  ["rules_revised", 15],
  ["meetings", 15],
  ["trainings", 10],
  ["people_accountable", 10],
  ["admonition_talks", 8],
  ["funds_returned", 6],
  ["funds_recovered", 5],
  ["losses_recovered", 3],
  ["clues_transferred", 4],
  ["lectures", 3],
  ["other", 1],
];
const PROBLEM_SOURCE_WEIGHTS: readonly (readonly [ProblemSource, number])[] = [
  ["feedback", 85],
  ["immediate_notice", 8],
  ["clue", 4],
  ["audit", 3],
];
const DISCLOSURE_WEIGHTS: readonly (readonly [Disclosure, number])[] = [
  ["public", 75],
  ["internal", 20],
  ["withheld", 5],
];

/** The feedback date of round `r` (0-based): rounds six weeks apart from January 2021 to spring 2023. */
export const roundFeedbackDate = (r: number): CalendarDate => addDays(FIRST_FEEDBACK, r * 42);

function measureState(
  random: Random,
  kind: MeasureKind,
  feedback: CalendarDate,
  deadline: CalendarDate | null,
): MeasureState {
  const due = deadline ?? addMonths(feedback, 12);
  let pClosed: number;
  if (due < REFERENCE_DATE) {
    // Past its deadline: most are closed, the longer ago the more.
    pClosed = 0.8 + 0.15 * Math.min(1, daysBetween(due, REFERENCE_DATE) / 365);
  } else {
    const span = Math.max(1, daysBetween(feedback, due));
    pClosed = 0.45 * Math.min(1, daysBetween(feedback, REFERENCE_DATE) / span);
  }
  if (kind === "long_term") pClosed *= 0.7;
  if (random.chance(pClosed)) return "closed";
  return due < REFERENCE_DATE
    ? random.weighted<MeasureState>([
        ["in_progress", 65],
        ["submitted", 20],
        ["returned", 10],
        ["draft", 5],
      ])
    : random.weighted<MeasureState>([
        ["in_progress", 55],
        ["draft", 25],
        ["submitted", 15],
        ["returned", 5],
      ]);
}

function measureDeadline(random: Random, kind: MeasureKind, feedback: CalendarDate): CalendarDate | null {
  let d: CalendarDate;
  if (kind === "immediate") d = addDays(feedback, random.int(7, 45));
  else if (kind === "time_limited") d = addDays(addMonths(feedback, random.int(2, 9)), random.int(-10, 10));
  else if (random.chance(0.6)) return null;
  else d = addMonths(feedback, random.int(12, 18));
  return d > LAST_DEADLINE ? LAST_DEADLINE : d;
}

/** Streams the ledger one inspected unit at a time. Same seed, same ledger. */
export function* generateLedger(
  seed = 20_210_120,
  shape: LedgerShape = PROVINCE_SHAPE,
): Generator<UnitLedger, void, undefined> {
  const random = new Random(mulberry32(seed));
  const id = idMaker(random);
  const oversightId = id("org");
  const oversightOrg: Org = {
    id: oversightId,
    parentId: null,
    kind: "oversight",
    name: "中共湖南省委巡视工作领导小组办公室",
    path: childPath(null, oversightId),
  };

  for (let round = 0; round < shape.rounds; round++) {
    const roundLabel = `十二届省委第${formatChineseNumber(round + 1)}轮巡视`;
    const roundFeedback = roundFeedbackDate(round);
    for (let u = 0; u < shape.unitsPerRound; u++) {
      const createdAt = `${roundFeedback}T01:00:00.000Z`;
      const unitNo = round * shape.unitsPerRound + u + 1;
      const unitId = id("org");
      const unit: Org = {
        id: unitId,
        parentId: oversightOrg.id,
        kind: "unit",
        name: `${random.pick(PLACES)}${random.pick(UNIT_KINDS)}党组（第${unitNo}号）`,
        path: childPath(oversightOrg.path, unitId),
      };
      const orgs: Org[] = round === 0 && u === 0 ? [oversightOrg, unit] : [unit];
      const people: Person[] = ["党组书记", "党组副书记", "纪检监察组组长"].map((post) => ({
        id: id("per"),
        orgId: unit.id,
        name: personName(random),
        post,
      }));
      const leaders = people.slice();
      const departments: Org[] = [];
      const heads: Person[] = [];
      const departmentCount = random.int(6, 10);
      for (let d = 0; d < departmentCount; d++) {
        const deptId = id("org");
        const dept: Org = {
          id: deptId,
          parentId: unit.id,
          kind: "department",
          name: DEPARTMENTS[d] as string,
          path: childPath(unit.path, deptId),
        };
        departments.push(dept);
        const head: Person = {
          id: id("per"),
          orgId: deptId,
          name: personName(random),
          post: `${dept.name}负责人`,
        };
        heads.push(head);
        people.push(head);
      }
      orgs.push(...departments);

      const feedback = addDays(roundFeedback, Math.floor(u / 10)); // ten teams, one feedback day each
      const inspection: Inspection = {
        id: id("ins"),
        regime: "xunshi",
        kind: random.chance(0.9) ? "regular" : "follow_up",
        roundLabel,
        team: `省委第${formatChineseNumber(Math.floor(u / 10) + 1)}巡视组`,
        oversightOrgId: oversightOrg.id,
        targetOrgId: unit.id,
        onsiteStart: addDays(feedback, -100),
        onsiteEnd: addDays(feedback, -40),
        feedbackDate: feedback,
        ...computeInspectionDeadlines(feedback),
        isExample: false,
        createdAt,
      };

      const aspectCount = random.int(3, 5);
      const aspects: Aspect[] = Array.from({ length: aspectCount }, (_, i) => ({
        id: id("asp"),
        inspectionId: inspection.id,
        seq: i + 1,
        title: ASPECTS[i] as string,
      }));
      const problemsPerAspect = random.spread(shape.problemsPerInspection, aspectCount, 1);
      const problems: Problem[] = [];
      for (const [ai, n] of problemsPerAspect.entries()) {
        for (let k = 0; k < n; k++) {
          const disclosure = random.weighted(DISCLOSURE_WEIGHTS);
          const title = random.pick(PROBLEM_TITLES);
          problems.push({
            id: id("prb"),
            inspectionId: inspection.id,
            aspectId: (aspects[ai] as Aspect).id,
            seq: problems.length + 1,
            title,
            feedbackText: `${title}。${random.pick(SYMPTOMS)}；${random.pick(SYMPTOMS)}；${random.pick(SYMPTOMS)}。`,
            symptoms: random.pick(SYMPTOMS),
            source: random.weighted(PROBLEM_SOURCE_WEIGHTS),
            disclosure,
            withholdingReason: disclosure === "withheld" ? "work_secret" : null,
            isCommon: random.chance(0.15),
          });
        }
      }

      // Measures: a Zipf-like share per department (办公室 gets the most), 1–9 per problem.
      const deptWeights = departments.map((d, i) => [i, 1 / (i + 1)] as const);
      const measuresPerProblem = random.spread(shape.measuresPerInspection, problems.length, 1);
      const measures: Measure[] = [];
      const tallies: ProblemTally[] = [];
      for (const [pi, problem] of problems.entries()) {
        const tally = { measures: 0, open: 0, closed: 0, closedLongTerm: 0, overdue: 0 };
        for (let k = 0; k < (measuresPerProblem[pi] as number); k++) {
          const kind = random.weighted(MEASURE_KIND_WEIGHTS);
          const deadline = measureDeadline(random, kind, feedback);
          const state = measureState(random, kind, feedback, deadline);
          const di = random.weighted(deptWeights);
          const dept = departments[di] as Org;
          const cooperators = random.chance(0.3)
            ? [...new Set([random.pick(departments).id, random.pick(departments).id])]
                .filter((c) => c !== dept.id)
                .sort()
            : [];
          const closedOn = state === "closed" ? (deadline ?? addMonths(feedback, 3)) : null;
          measures.push({
            id: id("msr"),
            inspectionId: inspection.id,
            problemId: problem.id,
            seq: k + 1,
            text: `${random.pick(ACTIONS)}；${random.pick(ACTIONS)}。`,
            kind,
            deadline,
            leadLeaderId: random.pick(leaders).id,
            departmentId: dept.id,
            personId: (heads[di] as Person).id,
            cooperatingDepartmentIds: cooperators,
            acceptanceCriteria: random.chance(0.5) ? "问题整改到位，制度建立健全，佐证材料齐全" : null,
            evidenceRequired: random.chance(0.7),
            state,
            closedAt: closedOn && `${closedOn < REFERENCE_DATE ? closedOn : REFERENCE_DATE}T08:00:00.000Z`,
            version: state === "draft" ? 1 : random.int(2, 6),
            submissions: state === "submitted" || state === "closed" ? 1 : 0,
            originalDeadline: null,
          });
          tally.measures += 1;
          if (state === "closed") {
            tally.closed += 1;
            if (kind === "long_term") tally.closedLongTerm += 1;
          } else {
            tally.open += 1;
            if (deadline !== null && deadline < REFERENCE_DATE) tally.overdue += 1;
          }
        }
        tallies.push({
          problemId: problem.id,
          inspectionId: inspection.id,
          aspectId: problem.aspectId,
          ...tally,
        });
      }

      // Progress reports: monthly, one after another from the month after feedback; drafts report nothing.
      const reporting = measures.filter((m) => m.state !== "draft");
      const reportsPerMeasure =
        reporting.length === 0 ? [] : random.spread(shape.reportsPerInspection, reporting.length, 1);
      const reports: ProgressReport[] = [];
      for (const [mi, m] of reporting.entries()) {
        for (let k = 0; k < (reportsPerMeasure[mi] as number); k++) {
          const period = addMonths(feedback, k + 1).slice(0, 7);
          reports.push({
            id: id("rpt"),
            measureId: m.id,
            period,
            text: `${period}：${random.pick(PROGRESS)}${random.pick(PROGRESS)}${random.pick(NEXT)}`,
            figures: [],
            authorId: m.personId,
            createdAt: `${period}-${String(random.int(20, 28))}T0${random.int(1, 9)}:00:00.000Z`,
          });
        }
      }

      const outcomes: Outcome[] = [];
      for (let k = 0; k < shape.outcomesPerInspection; k++) {
        const kind = random.weighted(OUTCOME_WEIGHTS);
        const problem = random.pick(problems);
        const ofProblem = measures.filter((m) => m.problemId === problem.id);
        const quantity = MONEY_OUTCOME_KINDS.has(kind)
          ? fenToYuan(BigInt(random.int(100, 5_000_000)) * BigInt(random.chance(0.2) ? 100 : 1))
          : String(random.int(0, 12));
        outcomes.push({
          id: id("out"),
          inspectionId: inspection.id,
          problemId: problem.id,
          measureId: random.chance(0.6) ? random.pick(ofProblem).id : null,
          kind,
          quantity,
          sanctionType: kind === "people_accountable" ? random.pick(SANCTION_TYPES) : null,
          note: random.chance(0.2) ? "已报送佐证材料" : null,
        });
      }

      yield { round, orgs, people, inspection, aspects, problems, measures, reports, outcomes, tallies };
    }
  }
}
