// Binds main() to the real process: stdout/stderr, SIGINT/SIGTERM, exit code.

import { main } from "./main.ts";

export async function runFromProcess(): Promise<void> {
  const stop = new AbortController();
  process.once("SIGINT", () => stop.abort());
  process.once("SIGTERM", () => stop.abort());
  // Started by a parent that then died without passing a signal on (npm killed, a shell closed): the server
  // would run on as an orphan holding the port and the database, so a changed parent stops it too.
  const parent = process.ppid;
  const orphanWatch = setInterval(() => {
    if (process.ppid !== parent) stop.abort();
  }, 1_000);
  orphanWatch.unref();
  const code = await main(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    signal: stop.signal,
  });
  process.exitCode = code;
}
