// THE storage interface: repositories grouped by noun plus transactions. Only src/storage implements it.

import type { CalendarDate } from "../domain/calendar-date.ts";
import type { Inspection } from "../domain/inspection.ts";
import type { ProblemTally } from "../domain/ledger-statistics.ts";
import type { Measure, MeasureKind, MeasureState } from "../domain/measure.ts";
import type { Outcome, OutcomeKind } from "../domain/outcome.ts";
import type { LeadingGroup, PlanItem, PlanMeeting } from "../domain/plan.ts";
import type { Aspect, Problem } from "../domain/problem.ts";
import type { Evidence, ExtensionRequest, ProgressReport, Review } from "../domain/progress.ts";
import type { Grant, Role, User } from "../domain/account.ts";
import type { Org, OrgKind, Person } from "../domain/org.ts";
import type { Scope } from "../domain/scope.ts";

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
}

export interface PersonRepository {
  insert(person: Person): Promise<void>;
  insertMany(people: readonly Person[]): Promise<void>;
  findByName(orgId: string, name: string): Promise<Person | undefined>;
  listByOrg(scope: Scope, orgId: string): Promise<Person[]>;
}

export interface InspectionFilter {
  readonly roundLabel?: string;
  readonly targetOrgId?: string;
  readonly includeExamples?: boolean;
}

export interface InspectionRepository {
  insert(inspection: Inspection): Promise<void>;
  get(scope: Scope, id: string): Promise<Inspection | undefined>;
  /** Ordered by feedback date, newest first. */
  list(scope: Scope, filter?: InspectionFilter): Promise<Inspection[]>;
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
}

export interface MeasureRepository {
  insertMany(measures: readonly Measure[]): Promise<void>;
  get(scope: Scope, id: string): Promise<Measure | undefined>;
  listByInspection(scope: Scope, inspectionId: string): Promise<Measure[]>;
  /** A page ordered by deadline (open-ended last), then id. */
  page(scope: Scope, filter: MeasureFilter, page: { limit: number; offset: number }): Promise<Measure[]>;
  countOverdue(scope: Scope, on: CalendarDate): Promise<number>;
  /**
   * Writes a new state if the stored version still equals `expectedVersion` (optimistic lock);
   * returns false when someone else changed the measure first.
   */
  updateState(
    id: string,
    expectedVersion: number,
    change: { state: MeasureState; closedAt: string | null },
  ): Promise<boolean>;
  updateDeadline(id: string, expectedVersion: number, deadline: CalendarDate): Promise<boolean>;
}

export interface ProgressRepository {
  insertReport(report: ProgressReport, evidence: readonly Evidence[]): Promise<void>;
  insertReports(reports: readonly ProgressReport[]): Promise<void>;
  listByMeasure(scope: Scope, measureId: string): Promise<Array<ProgressReport & { evidence: Evidence[] }>>;
  /** The newest report of each measure of an inspection, keyed by measure id. */
  latestByInspection(scope: Scope, inspectionId: string): Promise<Map<string, ProgressReport>>;
  insertReview(review: Review): Promise<void>;
  listReviews(scope: Scope, measureId: string): Promise<Review[]>;
  insertExtension(request: ExtensionRequest): Promise<void>;
  decideExtension(
    id: string,
    decision: "approved" | "rejected",
    by: string | null,
    at: string,
  ): Promise<boolean>;
  listExtensions(scope: Scope, measureId: string): Promise<ExtensionRequest[]>;
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
  insertMeetings(meetings: readonly PlanMeeting[]): Promise<void>;
  insertItems(items: readonly PlanItem[]): Promise<void>;
  get(
    scope: Scope,
    inspectionId: string,
  ): Promise<{ leadingGroup: LeadingGroup | undefined; meetings: PlanMeeting[]; items: PlanItem[] }>;
}

export interface StatisticsRepository {
  /**
   * One tally per problem (measure counts by state, overdue on `on`), for the problems of one
   * inspection or of every inspection in scope. Domain code derives statuses and counts from them.
   */
  problemTallies(
    scope: Scope,
    query: { inspectionId?: string; on: CalendarDate; includeExamples?: boolean },
  ): Promise<ProblemTally[]>;
}

export interface AuditEntry {
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly data: unknown;
}

/**
 * How an event's hash was computed: `sha256` (no key: anyone who can write the database can recompute it;
 * the early, legacy events) or `hmac-sha256` (under the audit key, which is kept outside the database).
 */
export type AuditAlgorithm = "sha256" | "hmac-sha256";

export interface AuditEvent extends AuditEntry {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
  readonly alg: AuditAlgorithm;
}

/**
 * A point of the chain: event `seq` has hash `hash` (seq 0 = the empty chain, 64 zeros). A checkpoint held
 * by a person (printed in a notice) may give only a prefix of the hash (at least 8 hex digits).
 */
export interface AuditCheckpoint {
  readonly seq: number;
  readonly hash: string;
}

/** A checkpoint to compare with the chain, and where it comes from (a publication id, or "manual"). */
export interface AuditCheckpointClaim extends AuditCheckpoint {
  readonly source: string;
}

/**
 * What is wrong at the first broken link:
 * `hash_mismatch` the stored hash is not that of the event (edited, or wrong key);
 * `prev_link` the event does not point at the previous event's hash;
 * `seq_gap` events are missing (`seq` is the first missing one);
 * `head_mismatch` audit_head disagrees with the last event (events deleted, or the head rewritten);
 * `unkeyed_after_keyed` a plain sha-256 event after keyed ones (a downgrade);
 * `unkeyed_last` a key is configured but the newest event is not keyed;
 * `checkpoint_mismatch` a recorded or given checkpoint does not match the chain (rewritten or truncated).
 */
export type AuditBreakKind =
  | "hash_mismatch"
  | "prev_link"
  | "seq_gap"
  | "head_mismatch"
  | "unkeyed_after_keyed"
  | "unkeyed_last"
  | "checkpoint_mismatch";

export interface AuditBreak {
  readonly seq: number;
  readonly kind: AuditBreakKind;
  /** For `checkpoint_mismatch`: the checkpoint that failed (its source says which publication or "manual"). */
  readonly checkpoint?: AuditCheckpointClaim;
  /** For `head_mismatch`: the head row and the newest event (seq 0 = none). */
  readonly head?: AuditCheckpoint;
  readonly last?: AuditCheckpoint;
}

/** The result of walking the whole chain. */
export interface AuditChainReport {
  /** Events read. */
  readonly events: number;
  /** The audit_head row. */
  readonly head: AuditCheckpoint;
  /** Whether the store holds the key, i.e. keyed events could be recomputed. */
  readonly keyAvailable: boolean;
  /** Seq of the first keyed event; the events before it are legacy (unkeyed). Null when none is keyed. */
  readonly firstKeyedSeq: number | null;
  /** Keyed events whose HMAC was not recomputed because the store has no key. */
  readonly uncheckedKeyed: number;
  /** Checkpoints compared with the chain (found equal, or the one that failed). */
  readonly checkpointsChecked: number;
  /** The first broken link, or null. */
  readonly broken: AuditBreak | null;
}

export interface AuditRepository {
  /**
   * Appends to the hash chain: hash = HMAC-SHA256 under the audit key of the previous hash and the entry, or
   * plain sha-256 when the store has no key. Without a key, appending after a keyed event is refused
   * (DomainError `audit_key_required`): it would downgrade the chain.
   */
  append(entry: AuditEntry): Promise<AuditEvent>;
  listForEntity(entity: string, entityId: string): Promise<AuditEvent[]>;
  /** The newest event's seq and hash (seq 0 and the genesis hash for an empty chain). */
  head(): Promise<AuditCheckpoint>;
  /**
   * Cheap check for every write: audit_head against the newest event, that event's own hash, and the keyed
   * rules for it. Null when nothing is wrong there (the rest of the chain is not read).
   */
  checkHead(): Promise<AuditBreak | null>;
  /** Recomputes the whole chain in seq order, comparing the checkpoints on the way; stops at the first break. */
  verifyChain(options?: { checkpoints?: readonly AuditCheckpointClaim[] }): Promise<AuditChainReport>;
  /**
   * Recomputes the chain; returns the seq of the first broken link (or of the first keyed event when the
   * store lacks the key to check it), or null when intact.
   */
  verify(): Promise<number | null>;
}

/** A generated notice and its redaction record (what the public version left out, why, who approved). */
export interface Publication {
  readonly id: string;
  readonly inspectionId: string;
  readonly version: "internal" | "public";
  readonly layout: "status" | "aspect";
  readonly format: "docx" | "md" | "html";
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

/** Sign-in facts of a user: kept apart from `User` so the hash never travels with an account. */
export interface UserCredentials {
  readonly userId: string;
  /** argon2id PHC string. */
  readonly passwordHash: string;
  /** Failed sign-ins since the last success or lockout. */
  readonly failedLogins: number;
  /** ISO UTC; sign-in is refused before this moment. */
  readonly lockedUntil: string | null;
}

export interface UserRepository {
  insert(user: User, passwordHash: string, createdAt: string): Promise<void>;
  /** A user whose org lies in `scope` (users without an org only in the unrestricted scope). */
  get(scope: Scope, id: string): Promise<User | undefined>;
  /** By login (any case), unscoped: for sign-in and the operator's command line only. */
  findByLogin(login: string): Promise<User | undefined>;
  /** Users in scope, ordered by login. */
  list(scope: Scope): Promise<User[]>;
  /** How many accounts exist at all (the first start creates the admin when none does). */
  count(): Promise<number>;
  credentials(userId: string): Promise<UserCredentials | undefined>;
  /** Sets a new hash if the version still matches; bumps the version and clears the lockout. */
  setPasswordHash(id: string, expectedVersion: number, passwordHash: string): Promise<boolean>;
  /**
   * Counts a sign-in attempt before its password is checked, atomically; returns the attempts counted since the
   * last success or lock (this one included). Counting first bounds the guesses a burst of parallel requests gets.
   */
  countSignInAttempt(id: string): Promise<number>;
  /** Locks the account until `lockUntil` (ISO UTC); the count stays, so attempts racing the lock stay refused. */
  lockLogin(id: string, lockUntil: string): Promise<void>;
  /**
   * After a lock ran out: starts counting again, only if the lock is still the one `lockedUntil` names (of
   * concurrent attempts exactly one resets, the others count on from there).
   */
  endLock(id: string, lockedUntil: string): Promise<void>;
  /** A successful sign-in clears the failure count and any lock. */
  clearFailedLogins(id: string): Promise<void>;
}

export interface GrantRepository {
  insert(grant: Grant, createdAt: string): Promise<void>;
  get(id: string): Promise<Grant | undefined>;
  /** Ordered by role then org. */
  listByUser(userId: string): Promise<Grant[]>;
  delete(id: string): Promise<boolean>;
  /** How many grants of `role` exist, over all users (the last admin grant may not be revoked). */
  countByRole(role: Role): Promise<number>;
}

/** A server-side session; `id` is the sha-256 of the cookie token. */
export interface Session {
  readonly id: string;
  readonly userId: string;
  /** sha-256 (hex) of the CSRF token handed to the client at sign-in. */
  readonly csrfTokenHash: string;
  /** ISO UTC. */
  readonly createdAt: string;
  readonly lastSeenAt: string;
  /** Absolute end of the session (ISO UTC), whatever the activity. */
  readonly expiresAt: string;
  readonly revoked: boolean;
}

export interface SessionRepository {
  insert(session: Session): Promise<void>;
  get(id: string): Promise<Session | undefined>;
  touch(id: string, lastSeenAt: string): Promise<void>;
  revoke(id: string): Promise<boolean>;
  /** Signs the user out everywhere; returns how many live sessions were revoked. */
  revokeAllForUser(userId: string): Promise<number>;
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
  readonly outcomes: OutcomeRepository;
  readonly plans: PlanRepository;
  readonly statistics: StatisticsRepository;
  readonly audit: AuditRepository;
  readonly publications: PublicationRepository;
  readonly ledgerRows: LedgerRowsRepository;
  readonly users: UserRepository;
  readonly grants: GrantRepository;
  readonly sessions: SessionRepository;
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
