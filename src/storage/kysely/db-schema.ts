// Row types of the tables, as Kysely sees them. Booleans are 0/1 integers and dates ISO text on both databases.

import type { ColumnType } from "kysely";
import type { NotificationTables } from "./notification-db-schema.ts";

/** pg returns bigint/count columns as strings; SQLite as numbers. */
type BigIntColumn = ColumnType<number | string, number, number>;

export interface OrgsTable {
  id: string;
  parent_id: string | null;
  kind: string;
  name: string;
  path: string;
}
export interface PeopleTable {
  id: string;
  org_id: string;
  name: string;
  post: string | null;
}
export interface InspectionsTable {
  id: string;
  regime: string;
  kind: string;
  round_label: string | null;
  team: string;
  oversight_org_id: string | null;
  target_org_id: string;
  onsite_start: string | null;
  onsite_end: string | null;
  feedback_date: string | null;
  report_due: string | null;
  concentrated_end: string | null;
  is_example: number;
  created_at: string;
}
export interface AspectsTable {
  id: string;
  inspection_id: string;
  seq: number;
  title: string;
}
export interface ProblemsTable {
  id: string;
  inspection_id: string;
  aspect_id: string | null;
  seq: number;
  title: string;
  feedback_text: string;
  symptoms: string | null;
  source: string;
  disclosure: string;
  withholding_reason: string | null;
  is_common: number;
}
export interface MeasuresTable {
  id: string;
  inspection_id: string;
  problem_id: string;
  seq: number;
  text: string;
  kind: string;
  deadline: string | null;
  lead_leader_id: string | null;
  department_id: string | null;
  person_id: string | null;
  acceptance_criteria: string | null;
  evidence_required: number;
  state: string;
  closed_at: string | null;
  version: number;
  /** How many times the measure was submitted for review (0008); reviews count within the current round. */
  submissions: ColumnType<number, number | undefined, number>;
  /** The first deadline, set when an extension first moves `deadline` (0008). */
  original_deadline: ColumnType<string | null, string | null | undefined, string | null>;
}
/** 对账销号 levels per inspection (0008), each held by a role. */
/** A supervisor's hold on a measure's close-out (0010); at most one per measure. */
export interface CloseoutHoldsTable {
  measure_id: string;
  reason: string;
  held_by: string;
  held_at: string;
}
/** Comments on a measure (0011): who said what, when; they decide nothing. */
export interface MeasureCommentsTable {
  id: string;
  measure_id: string;
  author_id: string;
  author_name: string;
  author_role: string;
  text: string;
  created_at: string;
}
export interface ReviewLevelsTable {
  inspection_id: string;
  level: number;
  role: string;
}
export interface MeasureCooperatorsTable {
  measure_id: string;
  org_id: string;
}
export interface ProgressReportsTable {
  id: string;
  measure_id: string;
  period: string;
  text: string;
  author_id: string | null;
  created_at: string;
  /** JSON [{label, quantity, unit}] (0008). */
  figures: ColumnType<string, string | undefined, string>;
}
export interface EvidenceTable {
  id: string;
  progress_report_id: string;
  sha256: string;
  name: string;
  size: BigIntColumn;
  media_type: string;
  uploaded_by: ColumnType<string | null, string | null | undefined, string | null>;
  uploaded_at: ColumnType<string | null, string | null | undefined, string | null>;
}
export interface ReviewsTable {
  id: string;
  measure_id: string;
  level: number;
  decision: string;
  reason: string | null;
  reviewer_id: string | null;
  created_at: string;
  /** The measure's submission count when the review was made (0008). */
  round: ColumnType<number, number | undefined, number>;
}
export interface ExtensionRequestsTable {
  id: string;
  measure_id: string;
  reason: string;
  new_deadline: string;
  decision: string;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
  requested_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** The measure's deadline when the request was made (0008). */
  previous_deadline: ColumnType<string | null, string | null | undefined, string | null>;
  decision_note: ColumnType<string | null, string | null | undefined, string | null>;
}
export interface OutcomesTable {
  id: string;
  inspection_id: string;
  problem_id: string | null;
  measure_id: string | null;
  kind: string;
  quantity: string;
  sanction_type: string | null;
  note: string | null;
}
export interface LeadingGroupsTable {
  inspection_id: string;
  leader: string;
  members: string;
}
export interface ImportSourcesTable {
  inspection_id: string;
  target_org_id: string;
  fingerprint: string;
  imported_at: string;
}
export interface NoticeNarrativesTable {
  inspection_id: string;
  issuer_name: string | null;
  organisation: string;
  plan_lead: string | null;
  contact: string | null;
}
export interface PlanMeetingsTable {
  id: string;
  inspection_id: string;
  held_on: string | null;
  title: string;
}
export interface PlanItemsTable {
  id: string;
  inspection_id: string;
  seq: number;
  text: string;
  deadline: string | null;
}
export interface AuditEventsTable {
  seq: BigIntColumn;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  data: string;
  prev_hash: string;
  hash: string;
  /** "sha256" | "hmac-sha256"; rows from before 0005 are "sha256". */
  alg: ColumnType<string, string | undefined, never>;
}
export interface AuditHeadTable {
  id: number;
  seq: BigIntColumn;
  hash: string;
}

export interface PublicationsTable {
  id: string;
  inspection_id: string;
  version: string;
  layout: string;
  format: string;
  sha256: string;
  withheld: string;
  approved_by: string;
  created_at: string;
  /** The audit chain checkpoint printed in the notice; null before 0005. */
  checkpoint_seq: ColumnType<number | string | null, number | null, never>;
  checkpoint_hash: ColumnType<string | null, string | null, never>;
}

/** Booleans are 0/1; timestamps ISO-8601 UTC text. The hash column is read only by sign-in and password change. */
export interface UsersTable {
  id: string;
  login: string;
  display_name: string;
  org_id: string | null;
  person_id: string | null;
  password_hash: string;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  version: number;
  created_at: string;
}
export interface GrantsTable {
  id: string;
  user_id: string;
  role: string;
  org_id: string | null;
  created_at: string;
}
/** id = sha-256 (hex) of the cookie token; the token itself is never stored. */
export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token_hash: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked: number;
}
/** Tokens for scripts (0008); id is public, token_hash = sha-256 (hex) of the secret. */
export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  read_only: number;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}
/** Imports waiting for confirmation (0009); input and preview are JSON text. */
export interface PendingImportsTable {
  id: string;
  user_id: string;
  unit_id: string;
  kind: string;
  file_name: string;
  file_sha256: string;
  input: string;
  preview: string;
  confirmable: number;
  created_at: string;
  expires_at: string;
  confirmed_at: string | null;
  inspection_id: string | null;
  /** 0018: optimistic concurrency of corrections, the corrections (JSON text), a workbook's bytes (base64). */
  version: number;
  corrections: string;
  skip_invalid: number;
  upload: string | null;
  /** 0025: the corrections made and then undone (JSON text), for the audit trail. */
  undone_corrections: string;
}

/** 0016: an inspection's deadline profile. */
export interface DeadlineProfilesTable {
  inspection_id: string;
  green: number;
  yellow: number;
  red: number;
  basis: string;
  cadence: string;
  report_months: number;
  concentrated_end: string | null;
  /** 0022: kind defaults; null on rows written before (the defaults apply). */
  immediate_days: number | null;
  long_term_review_months: number | null;
  version: number;
  updated_at: string;
  updated_by: string;
}

/** 0019: a published public notice (公开通报) and its withdrawal; timestamps ISO-8601 UTC text. */
export interface PublicNoticesTable {
  id: string;
  inspection_id: string;
  unit_id: string;
  unit_name: string;
  title: string;
  issued_on: string;
  layout: string;
  contact: string | null;
  docx_sha256: string;
  docx_size: number;
  docx_publication_id: string;
  html_sha256: string;
  html_size: number;
  html_publication_id: string;
  published_by: string;
  published_by_name: string;
  published_at: string;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdrawal_reason: string | null;
  /** 0023: the approval request it came from and its approver; null when published directly. */
  request_id: string | null;
  approved_by: string | null;
  approved_by_name: string | null;
}

/** 0023: an office's request to publish a public notice (公开通报审批) and its decision; timestamps ISO-8601 UTC text. */
export interface PublicNoticeRequestsTable {
  id: string;
  inspection_id: string;
  /** The inspection's id while pending, else null (UNIQUE: one pending request per inspection). */
  pending_inspection_id: string | null;
  unit_id: string;
  unit_name: string;
  title: string;
  issued_on: string;
  layout: string;
  options: string;
  contact: string | null;
  docx_sha256: string;
  docx_size: number;
  docx_publication_id: string;
  html_sha256: string;
  html_size: number;
  html_publication_id: string;
  submitted_by: string;
  submitted_by_name: string;
  submitted_at: string;
  state: string;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: string | null;
  reason: string | null;
  public_notice_id: string | null;
}

/** 0021: a step of the supervision ladder (督办通知, 告诫, 约谈) and a notice's reply; dates YYYY-MM-DD. */
export interface SupervisionActionsTable {
  id: string;
  inspection_id: string;
  kind: string;
  series: string | null;
  year: number | null;
  seq: number | null;
  doc_number: string | null;
  issued_on: string;
  reply_by: string | null;
  issuing_org_id: string | null;
  issuer: string;
  actor_id: string;
  created_at: string;
  sha256: string | null;
  details: string | null;
  reply_received_on: string | null;
  reply_summary: string | null;
  reply_evidence: string | null;
  reply_recorded_by: string | null;
  reply_recorded_at: string | null;
}

/** 0021: the measures a supervision step chased, as they stood that day. */
export interface SupervisionActionMeasuresTable {
  action_id: string;
  measure_id: string;
  position: number;
  level: string;
  deadline: string | null;
  days_overdue: number;
}

/** 0021: the last number given in a notice series (office or team, year). */
export interface SupervisionNumberCountersTable {
  series: string;
  year: number;
  last: number;
}

export interface CalendarOverridesTable {
  day: string;
  kind: string;
  name: string;
  created_at: string;
  created_by: string;
}

export interface Database extends NotificationTables {
  publications: PublicationsTable;
  orgs: OrgsTable;
  people: PeopleTable;
  inspections: InspectionsTable;
  aspects: AspectsTable;
  problems: ProblemsTable;
  measures: MeasuresTable;
  measure_cooperators: MeasureCooperatorsTable;
  progress_reports: ProgressReportsTable;
  evidence: EvidenceTable;
  reviews: ReviewsTable;
  extension_requests: ExtensionRequestsTable;
  outcomes: OutcomesTable;
  leading_groups: LeadingGroupsTable;
  plan_meetings: PlanMeetingsTable;
  plan_items: PlanItemsTable;
  notice_narratives: NoticeNarrativesTable;
  import_sources: ImportSourcesTable;
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
  users: UsersTable;
  grants: GrantsTable;
  sessions: SessionsTable;
  review_levels: ReviewLevelsTable;
  closeout_holds: CloseoutHoldsTable;
  measure_comments: MeasureCommentsTable;
  api_tokens: ApiTokensTable;
  pending_imports: PendingImportsTable;
  calendar_overrides: CalendarOverridesTable;
  deadline_profiles: DeadlineProfilesTable;
  public_notices: PublicNoticesTable;
  public_notice_requests: PublicNoticeRequestsTable;
  supervision_actions: SupervisionActionsTable;
  supervision_action_measures: SupervisionActionMeasuresTable;
  supervision_number_counters: SupervisionNumberCountersTable;
}
