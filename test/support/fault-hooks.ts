// Hooks for child processes of the fault tests, which production code must not have. Importing this module:
//   ZG_KILL_AT_STATEMENT=<n>   SIGKILLs the process just before its n-th SQL statement (SQLite or PostgreSQL),
//                              a real kill -9 at a known moment, inside or between transactions
//   ZG_START_AT=<epoch ms>     startAt(): several children begin their work within a millisecond
// statementCount() tells how many statements ran, so a test can spread its kill moments over the whole run.

import BetterSqlite3 from "better-sqlite3";
import pg from "pg";

let statements = 0;
const killAt = Number(process.env.ZG_KILL_AT_STATEMENT ?? "0");

function countStatement(): void {
  statements += 1;
  if (killAt > 0 && statements >= killAt) process.kill(process.pid, "SIGKILL");
}

// eslint-disable-next-line @typescript-eslint/unbound-method -- rebound with .call below
const prepare = BetterSqlite3.prototype.prepare;
BetterSqlite3.prototype.prepare = function (this: BetterSqlite3.Database, source: string) {
  countStatement();
  return prepare.call(this, source);
} as typeof prepare;

// eslint-disable-next-line @typescript-eslint/unbound-method -- rebound with .apply below
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  countStatement();
  return (query as (...a: unknown[]) => unknown).apply(this, args);
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
