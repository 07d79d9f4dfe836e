// Binds main() to the real process: stdout/stderr, SIGINT/SIGTERM, exit code.

import { main } from "./main.ts";

export async function runFromProcess(): Promise<void> {
  const stop = new AbortController();
  process.once("SIGINT", () => stop.abort());
  process.once("SIGTERM", () => stop.abort());
  const code = await main(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    signal: stop.signal,
  });
  process.exitCode = code;
}
