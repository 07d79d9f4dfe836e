// What every use case receives: the store and the side-effect ports, so that tests can pass fakes.

import type { CalendarDate } from "../domain/calendar-date.ts";
import type { Store } from "../storage/store.ts";

export interface Clock {
  /** Now as ISO-8601 UTC. */
  now(): string;
  /** Today's calendar date in Asia/Shanghai. */
  today(): CalendarDate;
}

export interface IdGenerator {
  /** A new unique id with a readable prefix (`ins`, `prb`, `msr`…). */
  next(prefix: string): string;
}

export interface Deps {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** Who is acting, for the audit trail of the ledger-wide writes (create, import, publish). */
export interface Actor {
  readonly id: string;
  readonly name: string;
  /** The HTTP request acting, recorded with its audit events; absent on the command line. */
  readonly requestId?: string;
}

export const SYSTEM_ACTOR: Actor = { id: "system", name: "系统" };
