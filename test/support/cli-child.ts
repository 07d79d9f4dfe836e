// A child process running the real zhenggai CLI with the fault hooks (fault-hooks.ts), and in rounds:
//   ZG_ROUNDS=<n>             run the command n times, printing one JSON line per round: {"round","code","stderr"};
//                             "{round}" in an argument is replaced by the round's number
//   ZG_ROUND_EVERY_MS=<ms>    round r starts at ZG_START_AT + (r-1)·ms, so children stay in step round by round

import { reportStatements, startAt } from "./fault-hooks.ts";
import { main } from "../../src/cli/main.ts";

const every = Number(process.env.ZG_ROUND_EVERY_MS ?? "0");
const rounds = Number(process.env.ZG_ROUNDS ?? "1");
let lastCode = 0;
for (let round = 1; round <= rounds; round++) {
  await startAt((round - 1) * every);
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
reportStatements();
process.exitCode = lastCode;
