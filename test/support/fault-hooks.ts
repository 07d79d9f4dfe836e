// Hooks for child processes of the fault tests, which production code must not have. Importing this module:
//   ZG_KILL_AT_STATEMENT=<n>   SIGKILLs the process just before its n-th SQL statement (SQLite or PostgreSQL),
//                              a real kill -9 at a known moment, inside or between transactions
//   ZG_KILL_AFTER_STATEMENT=<n> SIGKILLs it just after the n-th statement returned (e.g. right after a COMMIT)
//   ZG_START_AT=<epoch ms>     startAt(): several children begin their work within a millisecond
// statementCount() tells how many statements ran, so a test can spread its kill moments over the whole run.

import BetterSqlite3 from "better-sqlite3";
import pg from "pg";

let statements = 0;
const killBefore = Number(process.env.ZG_KILL_AT_STATEMENT ?? "0");
const killAfter = Number(process.env.ZG_KILL_AFTER_STATEMENT ?? "0");
const kill = (): void => void process.kill(process.pid, "SIGKILL");

/** Counts a statement about to run; true when the process must die once it has run. */
function countStatement(): boolean {
  statements += 1;
  if (killBefore > 0 && statements >= killBefore) kill();
  return killAfter > 0 && statements === killAfter;
}

// Counted where a statement runs, not where it is prepared: the store reuses prepared statements. The
// Statement class is not exported, so its prototype is taken from a throw-away statement.
const probe = new BetterSqlite3(":memory:");
const statementPrototype = Object.getPrototypeOf(probe.prepare("select 1")) as Record<
  string,
  (...args: unknown[]) => unknown
>;
probe.close();
for (const method of ["run", "all", "get", "iterate"]) {
  const original = statementPrototype[method]!;
  statementPrototype[method] = function (this: unknown, ...args: unknown[]) {
    const dieAfter = countStatement();
    const result = original.apply(this, args);
    if (dieAfter) kill();
    return result;
  };
}

// eslint-disable-next-line @typescript-eslint/unbound-method -- rebound with .apply below
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const dieAfter = countStatement();
  const result = (query as (...a: unknown[]) => unknown).apply(this, args);
  if (dieAfter && result instanceof Promise) return result.then(() => kill());
  return result;
} as typeof query;

export const statementCount = (): number => statements;

/** Waits until ZG_START_AT (+ offsetMs), if set. */
export async function startAt(offsetMs = 0): Promise<void> {
  const at = Number(process.env.ZG_START_AT ?? "0") + offsetMs;
  if (process.env.ZG_START_AT && at > Date.now()) await new Promise((r) => setTimeout(r, at - Date.now()));
}

/** Prints {"statements":n} when ZG_COUNT_STATEMENTS=1. */
export function reportStatements(): void {
  if (process.env.ZG_COUNT_STATEMENTS === "1") process.stdout.write(`${JSON.stringify({ statements })}\n`);
}
