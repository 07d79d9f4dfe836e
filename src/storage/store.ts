// THE storage interface: repositories grouped by noun plus transactions. Only src/storage implements it.

import type { CalendarDate } from "../domain/calendar-date.ts";
import type { ClosureHour } from "../domain/closure-trend.ts";
import type { Inspection } from "../domain/inspection.ts";
import type { ProblemTally } from "../domain/ledger-statistics.ts";
import type { Measure, MeasureKind, MeasureState } from "../domain/measure.ts";
import type { Outcome, OutcomeKind } from "../domain/outcome.ts";
import type { LeadingGroup, LedgerPlan, NoticeNarrative, PlanItem, PlanMeeting } from "../domain/plan.ts";
import type { Aspect, Problem } from "../domain/problem.ts";
import type {
  CloseoutHold,
  Evidence,
  ExtensionRequest,
  MeasureComment,
  ProgressReport,
  Review,
} from "../domain/progress.ts";
import type { ReviewChain } from "../domain/review-chain.ts";
import type { Org, OrgKind, Person } from "../domain/org.ts";
import type { Scope } from "../domain/scope.ts";
import type { CalendarOverride } from "../domain/working-days.ts";
import type {
  ApiTokenRepository,
  GrantRepository,
  SessionRepository,
  UserRepository,
} from "./account-store.ts";
import type { AuditCheckpoint, AuditRepository } from "./audit-store.ts";
import type { DeadlineProfileRepository } from "./deadline-profile-store.ts";
import type { EvidenceRepository } from "./evidence-store.ts";
import type { PendingImportRepository } from "./pending-import-store.ts";
import type { PublicNoticeRepository } from "./public-notice-store.ts";
import type { PublicNoticeRequestRepository } from "./public-notice-request-store.ts";
import type {
  DeliveryRepository,
  NotificationPreferenceRepository,
  NotificationRepository,
  NotificationTargetRepository,
  SchedulerRepository,
} from "./notification-store.ts";
import type { SupervisionActionRepository } from "./supervision-action-store.ts";

// The audit and account parts live in their own files; re-exported so callers import one module.
export type * from "./account-store.ts";
export type * from "./audit-store.ts";
export type * from "./deadline-profile-store.ts";
export type * from "./evidence-store.ts";
export type * from "./pending-import-store.ts";
export type * from "./public-notice-store.ts";
export type * from "./public-notice-request-store.ts";
export type * from "./notification-store.ts";
export type * from "./supervision-action-store.ts";

export interface OrgRepository {
  insert(org: Org): Promise<void>;
  /** Parents before children. */
  insertMany(orgs: readonly Org[]): Promise<void>;
  get(scope: Scope, id: string): Promise<Org | undefined>;
  list(scope: Scope, filter?: { kind?: OrgKind; parentId?: string | null }): Promise<Org[]>;
  /** The child of `parentId` with this exact name, if any (used to reuse departments on import). */
  findChildByName(parentId: string | null, name: string): Promise<Org | undefined>;
  /**
   * Inserts `org` unless its parent already has a child of that name, committed or being inserted by a
   * concurrent transaction (which this one then waits for); returns the org that is stored under the name.
   */
  insertUnlessNamed(org: Org): Promise<Org>;
  /**
   * Orgs whose path lies in the scope's subtrees or department subtrees, in path order (parents first), those
   * with a path after `afterPath` (null = from the start), at most `limit`.
   */
  page(scope: Scope, page: { afterPath: string | null; limit: number }): Promise<Org[]>;
}

export interface PersonRepository {
  insert(person: Person): Promise<void>;
  insertMany(people: readonly Person[]): Promise<void>;
  findByName(orgId: string, name: string): Promise<Person | undefined>;
  listByOrg(scope: Scope, orgId: string): Promise<Person[]>;
  /** By id, unscoped: the caller checks the person's org against their scope. */
  get(id: string): Promise<Person | undefined>;
  /** Several by id, unscoped like get (the ledger names the people its visible measures refer to). */
  getMany(ids: readonly string[]): Promise<Person[]>;
}

export interface InspectionFilter {
  readonly roundLabel?: string;
  readonly targetOrgId?: string;
  readonly includeExamples?: boolean;
}

/** Where a page of inspections continues: after this inspection in list order. */
export interface InspectionCursor {
  readonly feedbackDate: CalendarDate | null;
  readonly id: string;
}

export interface InspectionRepository {
  insert(inspection: Inspection): Promise<void>;
  get(scope: Scope, id: string): Promise<Inspection | undefined>;
  /** List order: feedback date, newest first, inspections without one last; then id. */
  list(scope: Scope, filter?: InspectionFilter): Promise<Inspection[]>;
  /** At most `limit` inspections in list order, those after `after` (null = from the start): keyset paging. */
  page(
    scope: Scope,
    filter: InspectionFilter,
    page: { after: InspectionCursor | null; limit: number },
  ): Promise<Inspection[]>;
  count(scope: Scope, filter?: InspectionFilter): Promise<number>;
}

export interface AspectRepository {
  insertMany(aspects: readonly Aspect[]): Promise<void>;
  listByInspection(scope: Scope, inspectionId: string): Promise<Aspect[]>;
}

export interface ProblemRepository {
  insertMany(problems: readonly Problem[]): Promise<void>;
  get(scope: Scope, id: string): Promise<Problem | undefined>;
  listByInspection(scope: Scope, inspectionId: string): Promise<Problem[]>;
}

export interface MeasureFilter {
  readonly inspectionId?: string;
  readonly departmentId?: string;
  readonly states?: readonly MeasureState[];
  /** Only measures overdue on this date (open, deadline before it). */
  readonly overdueOn?: CalendarDate;
  /** Leave out the example ledger's measures (示例: never counted, and not to be chased). */
  readonly withoutExamples?: boolean;
}

/** 三清单 of one measure: 牵头领导, 责任部门, 责任人, 配合部门, 时限, whether evidence is required. */
export interface MeasureResponsibility {
  readonly leadLeaderId: string | null;
  readonly departmentId: string | null;
  readonly personId: string | null;
  readonly cooperatingDepartmentIds: readonly string[];
  readonly deadline: CalendarDate | null;
  readonly evidenceRequired: boolean;
}

export interface MeasurePageRequest {
  readonly limit: number;
  readonly offset?: number;
  /** Continue after this measure in page order (keyset paging). */
  readonly after?: { readonly deadline: CalendarDate | null; readonly id: string };
}

export interface MeasureRepository {
  insertMany(measures: readonly Measure[]): Promise<void>;
  get(scope: Scope, id: string): Promise<Measure | undefined>;
  listByInspection(scope: Scope, inspectionId: string): Promise<Measure[]>;
  /** A page ordered by deadline (open-ended last), then id: after a keyset position, or skipping `offset` rows. */
  page(scope: Scope, filter: MeasureFilter, page: MeasurePageRequest): Promise<Measure[]>;
  countOverdue(scope: Scope, on: CalendarDate): Promise<number>;
  /**
   * Writes a new state if the stored version still equals `expectedVersion` (optimistic lock);
   * returns false when someone else changed the measure first.
   */
  updateState(
    id: string,
    expectedVersion: number,
    change: { state: MeasureState; closedAt: string | null; submissions?: number },
  ): Promise<boolean>;
  /** Sets who answers for the measure (and a first deadline, evidence rule); replaces the cooperating departments. */
  updateResponsibility(id: string, expectedVersion: number, change: MeasureResponsibility): Promise<boolean>;
  /** Moves the deadline (an approved extension), keeping the first one in originalDeadline. */
  updateDeadline(
    id: string,
    expectedVersion: number,
    change: { deadline: CalendarDate; originalDeadline: CalendarDate | null },
  ): Promise<boolean>;
}

export interface ProgressRepository {
  insertReport(report: ProgressReport, evidence: readonly Evidence[]): Promise<void>;
  insertReports(reports: readonly ProgressReport[]): Promise<void>;
  listByMeasure(scope: Scope, measureId: string): Promise<Array<ProgressReport & { evidence: Evidence[] }>>;
  /** The newest report of each measure of an inspection, keyed by measure id. */
  latestByInspection(scope: Scope, inspectionId: string): Promise<Map<string, ProgressReport>>;
  /** Label and time of every report on the inspection's measures visible in scope (the reporting cycle). */
  cycleReportsByInspection(
    scope: Scope,
    inspectionId: string,
  ): Promise<Array<Pick<ProgressReport, "measureId" | "period" | "createdAt">>>;
  insertReview(review: Review): Promise<void>;
  listReviews(scope: Scope, measureId: string): Promise<Review[]>;
  insertExtension(request: ExtensionRequest): Promise<void>;
  /** The request if its measure is visible in `scope`. */
  getExtension(scope: Scope, id: string): Promise<ExtensionRequest | undefined>;
  /** Decides a pending request; false when it was already decided (by someone else first). */
  decideExtension(
    id: string,
    decision: "approved" | "rejected",
    by: string | null,
    at: string,
    note: string | null,
  ): Promise<boolean>;
  listExtensions(scope: Scope, measureId: string): Promise<ExtensionRequest[]>;
  /** The inspection's 对账销号 levels, or null when none were set (the default chain applies). */
  reviewChain(inspectionId: string): Promise<ReviewChain | null>;
  setReviewChain(inspectionId: string, chain: ReviewChain): Promise<void>;
  /** The supervisor's hold on the measure's close-out, if any (visibility is checked by the caller). */
  getHold(measureId: string): Promise<CloseoutHold | undefined>;
  /** Places or replaces the hold. */
  putHold(hold: CloseoutHold): Promise<void>;
  /** Lifts the hold; false when there was none. */
  liftHold(measureId: string): Promise<boolean>;
  insertComment(comment: MeasureComment): Promise<void>;
  /** The measure's comments, oldest first (visibility is checked by the caller). */
  listComments(measureId: string): Promise<MeasureComment[]>;
}

export interface OutcomeRepository {
  insertMany(outcomes: readonly Outcome[]): Promise<void>;
  listByInspection(scope: Scope, inspectionId: string): Promise<Outcome[]>;
  /**
   * For totals across units: how many outcomes of each (kind, quantity) the inspections matching `filter`
   * hold (examples only when `filter.includeExamples`). Grouping in SQL keeps the rows few; sums stay exact in domain code.
   */
  quantityCounts(
    scope: Scope,
    filter?: InspectionFilter,
  ): Promise<Array<{ kind: OutcomeKind; quantity: string; count: number }>>;
}

export interface PlanRepository {
  setLeadingGroup(group: LeadingGroup): Promise<void>;
  /** Replaces the inspection's narrative (one per inspection). */
  setNarrative(narrative: NoticeNarrative): Promise<void>;
  insertMeetings(meetings: readonly PlanMeeting[]): Promise<void>;
  insertItems(items: readonly PlanItem[]): Promise<void>;
  get(scope: Scope, inspectionId: string): Promise<LedgerPlan>;
  /** Read only where a notice is written (the ledger's own reads do not need it). */
  getNarrative(scope: Scope, inspectionId: string): Promise<NoticeNarrative | undefined>;
}

export interface StatisticsRepository {
  /**
   * One tally per problem (measure counts by state, overdue on `on`), for the problems of one inspection
   * (`inspectionId`), of the listed ones (`inspectionIds`, a page: at most a few hundred; examples included),
   * or of every inspection in scope. Domain code derives statuses and counts from them.
   */
  problemTallies(
    scope: Scope,
    query: {
      inspectionId?: string;
      inspectionIds?: readonly string[];
      on: CalendarDate;
      includeExamples?: boolean;
    },
  ): Promise<ProblemTally[]>;
  /**
   * Measures closed (or a long-term stage closed) at or after `since` (ISO UTC), counted per UTC hour
   * ("YYYY-MM-DDTHH"): at most 24 rows a day whatever the ledger's size. Only closures by a review here count — a
   * measure an import carried in as done (into a new ledger or an existing one) has no approving review — and never
   * examples.
   */
  closuresByHour(scope: Scope, query: { since: string }): Promise<ClosureHour[]>;
}

/** Totals over many inspections, aggregated in the database: their cost does not grow with rows handed out. */
export interface TotalsRepository {
  /**
   * The problems of the inspections matching `filter` (visible in scope; examples only when asked), grouped by
   * their tally: one row per distinct combination of counts, with how many problems share it. Totals over a
   * whole province need no row per problem (a few dozen rows for 240,000 problems).
   */
  tallyGroups(scope: Scope, query: { filter: InspectionFilter; on: CalendarDate }): Promise<TallyGroup[]>;
}

/** Problems that share one tally (problemTallies without the ids), and how many they are. */
export interface TallyGroup {
  readonly problems: number;
  readonly measures: number;
  readonly open: number;
  readonly closed: number;
  readonly closedLongTerm: number;
  readonly overdue: number;
}

export interface Publication {
  readonly id: string;
  readonly inspectionId: string;
  readonly version: "internal" | "public";
  readonly layout: "status" | "aspect";
  readonly format: "docx" | "md" | "html" | "pdf";
  /** sha-256 of the generated file. */
  readonly sha256: string;
  readonly withheld: ReadonlyArray<{ problemId: string; title: string; reason: string }>;
  readonly approvedBy: string;
  readonly createdAt: string;
  /**
   * The audit chain's newest event when the notice was built, as printed in its 附注; the publication's own
   * audit event comes after it. Null for notices generated before checkpoints existed.
   */
  readonly checkpoint: AuditCheckpoint | null;
}

export interface PublicationRepository {
  insert(publication: Publication): Promise<void>;
  listByInspection(scope: Scope, inspectionId: string): Promise<Publication[]>;
  /** Names the approver of generations made before their approval (a public notice's leader, 公开通报审批). */
  setApprover(ids: readonly string[], approvedBy: string): Promise<void>;
  /** Every recorded checkpoint, whatever the scope (integrity checks only), in seq order. */
  listCheckpoints(): Promise<Array<AuditCheckpoint & { publicationId: string }>>;
}

/** A problem of the ledger with its aspect, as a spreadsheet export lists it (问题清单). */
export interface LedgerProblemRow extends Problem {
  readonly aspectTitle: string | null;
}

/** One measure with the names and facts a spreadsheet export shows (任务清单), self-contained. */
export interface LedgerMeasureRow {
  readonly inspectionId: string;
  readonly problemId: string;
  readonly problemSeq: number;
  readonly problemTitle: string;
  readonly aspectTitle: string | null;
  readonly measureId: string;
  readonly measureSeq: number;
  readonly text: string;
  readonly kind: MeasureKind;
  readonly deadline: CalendarDate | null;
  /** The deadline before an extension was granted (null when never extended). */
  readonly originalDeadline: CalendarDate | null;
  readonly acceptanceCriteria: string | null;
  readonly state: MeasureState;
  /** Names, not ids: 牵头领导, 责任部门, 责任人, 配合部门 (sorted). */
  readonly leader: string | null;
  readonly department: string | null;
  readonly person: string | null;
  readonly cooperatingDepartments: readonly string[];
  /** Text of the newest progress report. */
  readonly latestProgress: string | null;
  /** Evidence files over all progress reports of the measure. */
  readonly evidenceCount: number;
  /** ISO UTC. */
  readonly closedAt: string | null;
  /** The newest approving review (ISO UTC) and its reviewer's name, whatever the state. */
  readonly lastApprovalAt: string | null;
  readonly lastApprover: string | null;
}

/** Position after which a measure page continues (keyset paging in ledger order). */
export interface LedgerMeasureCursor {
  readonly problemSeq: number;
  readonly measureSeq: number;
}

/** Paged reads of whole ledgers for exports: bounded memory whatever the size of the inspection. */
export interface LedgerRowsRepository {
  /** Problems of one inspection in seq order, those with seq > `afterSeq`, at most `limit`. */
  problemPage(
    scope: Scope,
    inspectionId: string,
    page: { afterSeq: number; limit: number },
  ): Promise<LedgerProblemRow[]>;
  /** Measures of one inspection ordered by problem seq then measure seq, after `after` (null = from the start). */
  measurePage(
    scope: Scope,
    inspectionId: string,
    page: { after: LedgerMeasureCursor | null; limit: number },
  ): Promise<LedgerMeasureRow[]>;
}

/**
 * The administrator's working-day overrides (节假日调整), one per day. Global settings, not user data: no scope;
 * the use case checks who may change them. Read whole (a few dozen rows a year) to build the calendar.
 */
export interface CalendarOverrideRepository {
  /** The overrides by day; only those from `range.from` to `range.to` (inclusive) when given. */
  list(range?: { from: CalendarDate; to: CalendarDate }): Promise<CalendarOverride[]>;
  /** Inserts the override, or replaces the one of its day (kind, name, who and when). */
  upsert(override: CalendarOverride): Promise<void>;
  /** Removes the day's override; false when there was none. */
  delete(day: CalendarDate): Promise<boolean>;
}

/** The document a ledger was imported from, by a fingerprint of its content (see import_sources). */
export interface ImportSource {
  readonly inspectionId: string;
  readonly targetOrgId: string;
  /** sha-256 hex of what the document says (see notice-fingerprint.ts), not of its bytes. */
  readonly fingerprint: string;
  /** ISO UTC. */
  readonly importedAt: string;
}

export interface ImportSourceRepository {
  record(source: ImportSource): Promise<void>;
  /** The earliest ledger of the unit imported from a document with this fingerprint, if any. */
  find(targetOrgId: string, fingerprint: string): Promise<ImportSource | undefined>;
}

/** The repositories, bound either to the database or to one open transaction. */
export interface Repositories {
  readonly orgs: OrgRepository;
  readonly people: PersonRepository;
  readonly inspections: InspectionRepository;
  readonly aspects: AspectRepository;
  readonly problems: ProblemRepository;
  readonly measures: MeasureRepository;
  readonly progress: ProgressRepository;
  readonly evidence: EvidenceRepository;
  readonly outcomes: OutcomeRepository;
  readonly plans: PlanRepository;
  readonly statistics: StatisticsRepository;
  readonly totals: TotalsRepository;
  readonly audit: AuditRepository;
  readonly publications: PublicationRepository;
  readonly ledgerRows: LedgerRowsRepository;
  readonly users: UserRepository;
  readonly grants: GrantRepository;
  readonly sessions: SessionRepository;
  readonly apiTokens: ApiTokenRepository;
  readonly pendingImports: PendingImportRepository;
  readonly calendarOverrides: CalendarOverrideRepository;
  readonly deadlineProfiles: DeadlineProfileRepository;
  readonly notifications: NotificationRepository;
  readonly notificationDeliveries: DeliveryRepository;
  readonly notificationPreferences: NotificationPreferenceRepository;
  readonly notificationTargets: NotificationTargetRepository;
  readonly scheduler: SchedulerRepository;
  readonly importSources: ImportSourceRepository;
  readonly publicNotices: PublicNoticeRepository;
  readonly publicNoticeRequests: PublicNoticeRequestRepository;
  readonly supervisionActions: SupervisionActionRepository;
}

export interface Store extends Repositories {
  /** Runs `work` in one transaction: everything it wrote is committed together or not at all. */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  /**
   * Runs several reads against one consistent snapshot (PostgreSQL: REPEATABLE READ; SQLite: one
   * transaction on its single connection), so counts and the lists they summarise always agree.
   */
  snapshot<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  /** sqlite or postgres, for diagnostics. */
  readonly dialect: "sqlite" | "postgres";
  close(): Promise<void>;
}
