// The Store over Kysely: repositories bound to the database or to a transaction, driver errors translated.

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
import { grantRepository } from "./grant-repository.ts";
import { sessionRepository } from "./session-repository.ts";
import { pendingImportRepository } from "./pending-import-repository.ts";
import { userRepository } from "./user-repository.ts";
import { statisticsRepository, totalsRepository } from "./statistics-repository.ts";
import { translateStorageError } from "../storage-errors.ts";

/** Wraps every method so that "database locked / unreachable" surfaces as StorageUnavailableError. */
function translatingErrors<T extends object>(repository: T): T {
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(repository, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== "function") return value;
      let wrapper = wrapped.get(key);
      if (wrapper === undefined) {
        wrapper = async (...args: unknown[]) => {
          try {
            return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          } catch (e) {
            throw translateStorageError(e);
          }
        };
        wrapped.set(key, wrapper);
      }
      return wrapper;
    },
  });
}

/** Settings of the store that do not come from the database itself. */
export interface StoreOptions {
  /** HMAC key of the audit chain, kept outside the database (config `auditKey`); unset = unkeyed chain. */
  readonly auditKey?: string;
}

const factories: {
  [K in keyof Repositories]: (db: Kysely<Database>, options: StoreOptions) => Repositories[K];
} = {
  orgs: orgRepository,
  people: personRepository,
  inspections: inspectionRepository,
  aspects: aspectRepository,
  problems: problemRepository,
  measures: measureRepository,
  progress: progressRepository,
  evidence: evidenceRepository,
  outcomes: outcomeRepository,
  plans: planRepository,
  statistics: statisticsRepository,
  totals: totalsRepository,
  audit: (db, options) => auditRepository(db, options.auditKey),
  publications: publicationRepository,
  ledgerRows: ledgerRowsRepository,
  users: userRepository,
  grants: grantRepository,
  sessions: sessionRepository,
  pendingImports: pendingImportRepository,
  apiTokens: apiTokenRepository,
};

/**
 * The repositories bound to `db`, each made on first use: every transaction and snapshot gets its own set, and a
 * ledger read touches 7 of the 19 (the audit repository alone derives a key object when made).
 */
function repositories(db: Kysely<Database>, options: StoreOptions): Repositories {
  const made: Partial<Record<keyof Repositories, unknown>> = {};
  const lazy = {} as Repositories;
  for (const key of Object.keys(factories) as Array<keyof Repositories>) {
    Object.defineProperty(lazy, key, {
      enumerable: true,
      get: () => (made[key] ??= translatingErrors(factories[key](db, options) as object)),
    });
  }
  return lazy;
}

export function kyselyStore(
  db: Kysely<Database>,
  dialect: Store["dialect"],
  options: StoreOptions = {},
): Store {
  const run = async <T>(
    trx: TransactionBuilder<Database>,
    work: (tx: Repositories) => Promise<T>,
  ): Promise<T> => {
    try {
      return await trx.execute((t) => work(repositories(t, options)));
    } catch (e) {
      throw translateStorageError(e);
    }
  };
  return {
    ...repositories(db, options),
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
