// A child process running the real zhenggai CLI, with hooks the fault tests need and production code must not have:
//   ZG_START_AT=<epoch ms>       wait until then, so several children start their work within a millisecond
//   ZG_KILL_AT_STATEMENT=<n>     SIGKILL this process just before its n-th SQL statement (SQLite or PostgreSQL)
//   ZG_ROUNDS=<n>                run the command n times, printing one JSON line per round: {"round","code","stderr"};
//                                "{round}" in an argument is replaced by the round's number
//   ZG_ROUND_EVERY_MS=<ms>       round r starts at ZG_START_AT + (r-1)·ms, so children stay in step round by round
//   ZG_COUNT_STATEMENTS=1        print {"statements":n} at the end (how many moments there are to kill at)

import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { main } from "../../src/cli/main.ts";

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

const startAt = Number(process.env.ZG_START_AT ?? "0");
const every = Number(process.env.ZG_ROUND_EVERY_MS ?? "0");
const rounds = Number(process.env.ZG_ROUNDS ?? "1");
let lastCode = 0;
for (let round = 1; round <= rounds; round++) {
  const at = startAt + (round - 1) * every;
  if (at > Date.now()) await new Promise((r) => setTimeout(r, at - Date.now()));
  let stderr = "";
  const argv = process.argv.slice(2).map((a) => a.replaceAll("{round}", String(round)));
  lastCode = await main(argv, {
    out: (text) => {
      if (rounds === 1) process.stdout.write(text);
    },
    err: (text) => {
      stderr += text;
      if (rounds === 1) process.stderr.write(text);
    },
  });
  if (rounds > 1) process.stdout.write(`${JSON.stringify({ round, code: lastCode, stderr })}\n`);
}
if (process.env.ZG_COUNT_STATEMENTS === "1") process.stdout.write(`${JSON.stringify({ statements })}\n`);
process.exitCode = lastCode;
