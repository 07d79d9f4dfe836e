// Binds main() to the real process: stdout/stderr, SIGINT/SIGTERM, exit code.

import { main } from "./main.ts";

const REPEAT_MEANS_FORCE_MS = 1_000;

export async function runFromProcess(): Promise<void> {
  const stop = new AbortController();
  let stoppingSince: number | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stoppingSince === undefined) {
      stoppingSince = Date.now();
      stop.abort();
      return;
    }
    // Ctrl-C under `npm start` arrives twice at once (from the terminal, and passed on by npm): only a signal
    // well after the first means "stop now", without waiting for the server and the database to close.
    if (Date.now() - stoppingSince > REPEAT_MEANS_FORCE_MS) {
      process.stderr.write("再次收到停止信号，立即退出\n");
      process.exit(signal === "SIGINT" ? 130 : 143);
    }
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
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
