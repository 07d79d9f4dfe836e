// A deterministic, province-scale synthetic ledger for the benchmark: one oversight office, 20 rounds of
// 100 inspected units, streamed one unit at a time, plus the figures the store must reproduce from it.

import { addDays, addMonths, daysBetween, type CalendarDate } from "../src/domain/calendar-date.ts";
import { formatChineseNumber } from "../src/domain/chinese-numerals.ts";
import { computeInspectionDeadlines, type Inspection } from "../src/domain/inspection.ts";
import { countLedger, type LedgerCounts, type ProblemTally } from "../src/domain/ledger-statistics.ts";
import type { Measure, MeasureKind, MeasureState } from "../src/domain/measure.ts";
import { fenToYuan, yuanToFen } from "../src/domain/money.ts";
import { childPath, type Org, type Person } from "../src/domain/org.ts";
import {
  MONEY_OUTCOME_KINDS,
  OUTCOME_KINDS,
  SANCTION_TYPES,
  type Outcome,
  type OutcomeKind,
} from "../src/domain/outcome.ts";
import type { Aspect, Disclosure, Problem, ProblemSource } from "../src/domain/problem.ts";
import type { ProgressReport } from "../src/domain/progress.ts";

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

// ---------------------------------------------------------------- randomness

/** mulberry32: a tiny seeded PRNG, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

class Random {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  /** Picks by weight (weights need not sum to 1). */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [item, w] of items) {
      x -= w;
      if (x < 0) return item;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }
  /** `n` items spread over `bins` bins, each bin at least `min`. */
  spread(n: number, bins: number, min: number): number[] {
    const out = Array.from({ length: bins }, () => min);
    for (let i = bins * min; i < n; i++) out[this.int(0, bins - 1)]! += 1;
    return out;
  }
}

const ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

/** Ids shaped like the app's (prefix, 9 time-ordered characters, 10 random ones), but reproducible. */
function idMaker(random: Random): (prefix: string) => string {
  let tick = Date.UTC(2021, 0, 1);
  return (prefix) => {
    tick += 1;
    let time = tick;
    let head = "";
    for (let i = 0; i < 9; i++) {
      head = (ID_ALPHABET[time % 32] as string) + head;
      time = Math.floor(time / 32);
    }
    let tail = "";
    for (let i = 0; i < 10; i++) tail += ID_ALPHABET[random.int(0, 31)] as string;
    return `${prefix}${head}${tail}`;
  };
}

// ---------------------------------------------------------------- text

const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力斌宇浩凯健俊帆帅旭宁龙林欣佳";
const UNIT_KINDS = [
  "发展和改革委员会",
  "教育厅",
  "科学技术厅",
  "工业和信息化厅",
  "民政厅",
  "司法厅",
  "财政厅",
  "人力资源和社会保障厅",
  "自然资源厅",
  "生态环境厅",
  "住房和城乡建设厅",
  "交通运输厅",
  "水利厅",
  "农业农村厅",
  "商务厅",
  "文化和旅游厅",
  "卫生健康委员会",
  "审计厅",
  "市场监督管理局",
  "统计局",
  "林业局",
  "医疗保障局",
  "体育局",
  "粮食和物资储备局",
  "机关事务管理局",
  "投资集团有限公司",
  "交通投资集团",
  "能源集团",
  "大学",
  "人民医院",
];
const PLACES = [
  "省",
  "长沙市",
  "株洲市",
  "湘潭市",
  "衡阳市",
  "邵阳市",
  "岳阳市",
  "常德市",
  "张家界市",
  "益阳市",
  "郴州市",
  "永州市",
  "怀化市",
  "娄底市",
  "湘西州",
];
const DEPARTMENTS = [
  "办公室",
  "组织人事处",
  "财务审计处",
  "机关党委",
  "政策法规处",
  "规划发展处",
  "综合业务处",
  "监督检查处",
  "信息中心",
  "后勤服务中心",
  "宣传教育处",
  "安全监管处",
];
const ASPECTS = [
  "贯彻落实党的路线方针政策和党中央决策部署方面",
  "落实全面从严治党战略部署方面",
  "落实新时代党的组织路线方面",
  "落实巡视巡察、主题教育和审计等监督发现问题整改方面",
  "意识形态工作责任制落实方面",
  "选人用人和干部队伍建设方面",
];
const PROBLEM_TITLES = [
  "学习贯彻习近平新时代中国特色社会主义思想不够深入",
  "服务全省发展大局站位不高",
  "重点任务推进落实不到位",
  "四风问题依然存在",
  "落实中央八项规定精神不够严格",
  "执行财务管理制度不够严格",
  "政府采购管理不规范",
  "党建工作质量不高",
  "基层党组织建设薄弱",
  "干部选拔任用程序不规范",
  "意识形态工作责任制落实不够到位",
  "廉政风险防控机制不健全",
  "对下属单位监管不力",
  "履行监督责任不到位",
  "上轮巡视整改不彻底",
];
const SYMPTOMS = [
  "个别党员干部理论学习流于形式，学用脱节",
  "公务接待超标准、超范围问题时有发生",
  "部分项目资金拨付滞后，使用效益不高",
  "三重一大事项集体决策制度执行不严",
  "会议记录不完整，议事规则落实不到位",
  "干部档案审核把关不严，存在信息不一致",
  "合同管理不规范，部分合同未经法律审核",
  "固定资产账实不符，清查盘点不及时",
  "党支部三会一课制度落实不够经常",
  "对关键岗位人员轮岗交流不到位",
];
const ACTIONS = [
  "制定专项整改方案，明确责任分工和完成时限",
  "组织开展专题学习研讨，形成学习成果清单",
  "修订完善相关管理制度，堵塞制度漏洞",
  "开展全面自查自纠，建立问题台账逐项销号",
  "对相关责任人进行约谈提醒和批评教育",
  "清理规范历史遗留问题，追回违规资金",
  "加强日常监督检查，定期通报整改进展",
  "建立健全长效机制，防止问题反弹回潮",
  "组织专项审计，对发现的问题立查立改",
  "强化考核问效，将整改情况纳入年度考核",
];
const PROGRESS = [
  "已召开专题会议研究部署，",
  "已完成自查自纠并形成问题清单，",
  "已修订制度文件并印发执行，",
  "已对相关人员开展谈话提醒，",
  "已完成资金清退并取得收据，",
  "已组织专题培训，参训人员全覆盖，",
  "整改工作按计划推进，",
  "已形成阶段性成果并报送整改办，",
];
const NEXT = [
  "下一步将持续跟踪督促落实。",
  "下月将完成制度汇编。",
  "将结合年度考核进行检查验收。",
  "待审计确认后申请销号。",
  "将建立长效机制巩固整改成果。",
];

const SURNAME_CHARS = [...SURNAMES];
const GIVEN_CHARS = [...GIVEN];
const personName = (r: Random): string =>
  r.pick(SURNAME_CHARS) + r.pick(GIVEN_CHARS) + (r.chance(0.6) ? r.pick(GIVEN_CHARS) : "");

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

// ---------------------------------------------------------------- expected figures

/** Rows of each table (measure_cooperators included), for load rates and sanity checks. */
export type TableCounts = Record<
  | "orgs"
  | "people"
  | "inspections"
  | "aspects"
  | "problems"
  | "measures"
  | "measure_cooperators"
  | "progress_reports"
  | "outcomes",
  number
>;

/** What the generated ledger must look like from the store, accumulated while streaming. */
export class LedgerTruth {
  readonly rows: TableCounts = {
    orgs: 0,
    people: 0,
    inspections: 0,
    aspects: 0,
    problems: 0,
    measures: 0,
    measure_cooperators: 0,
    progress_reports: 0,
    outcomes: 0,
  };
  readonly byInspection = new Map<string, LedgerCounts>();
  /** Per department: in_progress measures overdue on REFERENCE_DATE, and all its measures. */
  readonly departments = new Map<string, { inProgressOverdue: number; measures: number }>();
  readonly outcomeFen = new Map<OutcomeKind, bigint>(OUTCOME_KINDS.map((k) => [k, 0n]));
  overdue = 0;
  private readonly allTallies: ProblemTally[] = [];

  add(unit: UnitLedger): void {
    this.rows.orgs += unit.orgs.length;
    this.rows.people += unit.people.length;
    this.rows.inspections += 1;
    this.rows.aspects += unit.aspects.length;
    this.rows.problems += unit.problems.length;
    this.rows.measures += unit.measures.length;
    this.rows.measure_cooperators += unit.measures.reduce((s, m) => s + m.cooperatingDepartmentIds.length, 0);
    this.rows.progress_reports += unit.reports.length;
    this.rows.outcomes += unit.outcomes.length;
    this.byInspection.set(unit.inspection.id, countLedger(unit.tallies));
    this.allTallies.push(...unit.tallies);
    for (const m of unit.measures) {
      const overdue = m.state !== "closed" && m.deadline !== null && m.deadline < REFERENCE_DATE;
      if (overdue) this.overdue += 1;
      if (m.departmentId === null) continue;
      const d = this.departments.get(m.departmentId) ?? { inProgressOverdue: 0, measures: 0 };
      d.measures += 1;
      if (overdue && m.state === "in_progress") d.inProgressOverdue += 1;
      this.departments.set(m.departmentId, d);
    }
    for (const o of unit.outcomes) {
      const amount = MONEY_OUTCOME_KINDS.has(o.kind) ? yuanToFen(o.quantity) : BigInt(o.quantity);
      this.outcomeFen.set(o.kind, (this.outcomeFen.get(o.kind) ?? 0n) + amount);
    }
  }

  get totalRows(): number {
    return Object.values(this.rows).reduce((s, n) => s + n, 0);
  }

  /** Counts over every problem, as summarizeInspections must report them. */
  total(): LedgerCounts {
    return countLedger(this.allTallies);
  }

  /** Outcome totals formatted as totalOutcomes formats them. */
  outcomeTotals(): Record<OutcomeKind, string> {
    return Object.fromEntries(
      OUTCOME_KINDS.map((k) => {
        const sum = this.outcomeFen.get(k) ?? 0n;
        return [k, MONEY_OUTCOME_KINDS.has(k) ? fenToYuan(sum) : String(sum)];
      }),
    ) as Record<OutcomeKind, string>;
  }

  /** The `n` departments with the most in-progress overdue measures (then most measures, then id). */
  busiestDepartments(n: number): Array<{ id: string; inProgressOverdue: number; measures: number }> {
    return [...this.departments]
      .map(([id, d]) => ({ id, ...d }))
      .sort(
        (a, b) =>
          b.inProgressOverdue - a.inProgressOverdue || b.measures - a.measures || (a.id < b.id ? -1 : 1),
      )
      .slice(0, n);
  }
}
