// `zhenggai serve`: runs the server until the signal aborts (Ctrl-C / SIGTERM in a real process).

import { readConfig, type ConfigOverrides } from "../../config.ts";
import { startServer } from "../../main.ts";
import { EXIT, type CliIo } from "../cli-io.ts";

export async function serve(overrides: ConfigOverrides, io: CliIo): Promise<number> {
  const config = readConfig(overrides, io.env);
  const server = await startServer(config, (line) => io.out(`${line}\n`));
  io.onListening?.(server.url);
  await new Promise<void>((resolve) => {
    if (!io.signal) return; // no way to stop: serve until the process ends
    if (io.signal.aborted) resolve();
    else io.signal.addEventListener("abort", () => resolve(), { once: true });
  });
  await server.close();
  io.out("zhenggai 已停止\n");
  return EXIT.ok;
}
