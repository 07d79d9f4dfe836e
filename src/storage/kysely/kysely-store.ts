// The Store over Kysely: repositories bound to the database or to a transaction, driver errors translated.

import { createSecretKey, type KeyObject } from "node:crypto";
import type { Kysely, TransactionBuilder } from "kysely";
import type { Repositories, Store } from "../store.ts";
import { apiTokenRepository } from "./api-token-repository.ts";
import { auditRepository } from "./audit-repository.ts";
import type { Database } from "./db-schema.ts";
import { evidenceRepository } from "./evidence-repository.ts";
import { aspectRepository, inspectionRepository, problemRepository } from "./inspection-repositories.ts";
import { ledgerRowsRepository } from "./ledger-rows-repository.ts";
import { measureRepository } from "./measure-repository.ts";
import { migrateToLatest } from "./migrate.ts";
import { openDatabase, type DatabaseTarget } from "./open-database.ts";
import { orgRepository, personRepository } from "./org-repositories.ts";
import { outcomeRepository, planRepository } from "./outcome-plan-repositories.ts";
import { progressRepository } from "./progress-repository.ts";
import { publicationRepository } from "./publication-repository.ts";
import { publicNoticeRepository } from "./public-notice-repository.ts";
import { publicNoticeRequestRepository } from "./public-notice-request-repository.ts";
import { supervisionActionRepository } from "./supervision-action-repository.ts";
import { grantRepository } from "./grant-repository.ts";
import { sessionRepository } from "./session-repository.ts";
import { pendingImportRepository } from "./pending-import-repository.ts";
import { calendarOverrideRepository } from "./calendar-override-repository.ts";
import { deadlineProfileRepository } from "./deadline-profile-repository.ts";
import { deliveryRepository } from "./delivery-repository.ts";
import {
  notificationPreferenceRepository,
  notificationTargetRepository,
} from "./notification-settings-repository.ts";
import { notificationRepository } from "./notification-repository.ts";
import { schedulerRepository } from "./scheduler-repository.ts";
import { importSourceRepository } from "./import-source-repository.ts";
import { userRepository } from "./user-repository.ts";
import { statisticsRepository, totalsRepository } from "./statistics-repository.ts";
import { translateStorageError } from "../storage-errors.ts";

/** Wraps every method so that "database locked / unreachable" surfaces as StorageUnavailableError. */
function translatingErrors<T extends object>(repository: T): T {
  return new Proxy(repository, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } catch (e) {
          throw translateStorageError(e);
        }
      };
    },
  });
}

/** Settings of the store that do not come from the database itself. */
export interface StoreOptions {
  /** HMAC key of the audit chain, kept outside the database (config `auditKey`); unset = unkeyed chain. */
  readonly auditKey?: string;
}

/** The repositories bound to `db` (the database, or one transaction). */
function repositories(
  db: Kysely<Database>,
  auditKey: KeyObject | undefined,
  dialect: Store["dialect"],
): Repositories {
  return {
    orgs: translatingErrors(orgRepository(db)),
    people: translatingErrors(personRepository(db)),
    inspections: translatingErrors(inspectionRepository(db)),
    aspects: translatingErrors(aspectRepository(db)),
    problems: translatingErrors(problemRepository(db)),
    measures: translatingErrors(measureRepository(db)),
    progress: translatingErrors(progressRepository(db)),
    evidence: translatingErrors(evidenceRepository(db)),
    outcomes: translatingErrors(outcomeRepository(db)),
    plans: translatingErrors(planRepository(db)),
    statistics: translatingErrors(statisticsRepository(db)),
    totals: translatingErrors(totalsRepository(db)),
    audit: translatingErrors(auditRepository(db, auditKey, dialect)),
    publications: translatingErrors(publicationRepository(db)),
    ledgerRows: translatingErrors(ledgerRowsRepository(db)),
    users: translatingErrors(userRepository(db)),
    grants: translatingErrors(grantRepository(db)),
    sessions: translatingErrors(sessionRepository(db)),
    pendingImports: translatingErrors(pendingImportRepository(db)),
    calendarOverrides: translatingErrors(calendarOverrideRepository(db)),
    deadlineProfiles: translatingErrors(deadlineProfileRepository(db)),
    notifications: translatingErrors(notificationRepository(db)),
    notificationDeliveries: translatingErrors(deliveryRepository(db)),
    notificationPreferences: translatingErrors(notificationPreferenceRepository(db)),
    notificationTargets: translatingErrors(notificationTargetRepository(db)),
    scheduler: translatingErrors(schedulerRepository(db)),
    importSources: translatingErrors(importSourceRepository(db)),
    apiTokens: translatingErrors(apiTokenRepository(db)),
    publicNotices: translatingErrors(publicNoticeRepository(db)),
    publicNoticeRequests: translatingErrors(publicNoticeRequestRepository(db)),
    supervisionActions: translatingErrors(supervisionActionRepository(db)),
  };
}

export function kyselyStore(
  db: Kysely<Database>,
  dialect: Store["dialect"],
  options: StoreOptions = {},
): Store {
  // Derived once per store, not per transaction (every transaction gets its own repositories).
  const auditKey =
    options.auditKey === undefined ? undefined : createSecretKey(Buffer.from(options.auditKey, "utf8"));
  const run = async <T>(
    trx: TransactionBuilder<Database>,
    work: (tx: Repositories) => Promise<T>,
  ): Promise<T> => {
    try {
      return await trx.execute((t) => work(repositories(t, auditKey, dialect)));
    } catch (e) {
      throw translateStorageError(e);
    }
  };
  return {
    ...repositories(db, auditKey, dialect),
    dialect,
    transaction: (work) => run(db.transaction(), work),
    snapshot: (work) =>
      run(
        dialect === "postgres"
          ? db.transaction().setIsolationLevel("repeatable read").setAccessMode("read only")
          : db.transaction().setAccessMode("read only"),
        work,
      ),
    async close() {
      await db.destroy();
    },
  };
}

/** Opens the database, applies pending migrations and returns the store. */
export async function openStore(
  target: DatabaseTarget,
  options: StoreOptions & { migrate?: boolean } = {},
): Promise<Store> {
  const { db, dialect, prepareStatements } = await openDatabase(target);
  if (options.migrate ?? true) {
    try {
      await migrateToLatest(db as Kysely<unknown>, dialect);
    } catch (e) {
      await db.destroy();
      throw translateStorageError(e);
    }
  }
  prepareStatements();
  return kyselyStore(db, dialect, options);
}

/** `zhenggai db migrate`: applies pending migrations and returns their names. */
export async function migrateDatabase(target: DatabaseTarget): Promise<string[]> {
  const { db, dialect } = await openDatabase(target);
  try {
    return await migrateToLatest(db as Kysely<unknown>, dialect);
  } catch (e) {
    throw translateStorageError(e);
  } finally {
    await db.destroy();
  }
}
