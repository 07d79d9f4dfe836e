// Row types of the notification tables (0020), as Kysely sees them; db-schema.ts's Database extends this.

export interface NotificationsTable {
  id: string;
  recipient_id: string;
  kind: string;
  subject: string;
  text: string;
  link: string | null;
  inspection_id: string | null;
  measure_id: string | null;
  level: string | null;
  dedupe_key: string;
  via_digest: number;
  digest_day: string | null;
  created_at: string;
  read_at: string | null;
}
export interface NotificationDeliveriesTable {
  id: string;
  notification_id: string | null;
  digest_day: string | null;
  recipient_id: string | null;
  target_id: string | null;
  channel: string;
  address: string;
  subject: string;
  text: string;
  link: string | null;
  dedupe_key: string;
  state: string;
  attempts: number;
  next_attempt_at: string;
  claimed_by: string | null;
  claimed_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}
export interface NotificationPreferencesTable {
  user_id: string;
  mode: string;
  email_enabled: number;
  email: string | null;
  updated_at: string;
}
export interface NotificationTargetsTable {
  id: string;
  org_id: string;
  kind: string;
  url: string;
  secret: string | null;
  updated_at: string;
  updated_by: string;
}
export interface SchedulerLeasesTable {
  name: string;
  holder: string;
  expires_at: string;
}
export interface SchedulerRunsTable {
  job: string;
  period_key: string;
  holder: string;
  started_at: string;
  done_at: string | null;
  summary: string | null;
}

export interface NotificationTables {
  notifications: NotificationsTable;
  notification_deliveries: NotificationDeliveriesTable;
  notification_preferences: NotificationPreferencesTable;
  notification_targets: NotificationTargetsTable;
  scheduler_leases: SchedulerLeasesTable;
  scheduler_runs: SchedulerRunsTable;
}
