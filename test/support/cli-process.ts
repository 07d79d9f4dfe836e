// Runs the real `zhenggai` command in a child process (for tests of what separate processes do to one database).

import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ZHENGGAI_BIN = fileURLToPath(new URL("../../bin/zhenggai.js", import.meta.url));

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node bin/zhenggai.js …args` (or another script with `script`), resolving when it exits. */
export function runCliProcess(
  args: readonly string[],
  options: { env?: Record<string, string | undefined>; script?: string; nodeArgs?: readonly string[] } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...(options.nodeArgs ?? []), options.script ?? ZHENGGAI_BIN, ...args],
      {
        env: { ...process.env, ZHENGGAI_EXAMPLE_DATA: "0", LOG_LEVEL: "silent", ...options.env },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export const CLI_CHILD = fileURLToPath(new URL("./cli-child.ts", import.meta.url));

/** Runs the CLI in a child with the fault hooks of cli-child.ts (ZG_START_AT, ZG_KILL_AT_STATEMENT, ZG_ROUNDS…). */
export function runCliChild(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
): Promise<CliRun> {
  return runCliProcess(args, { env, script: CLI_CHILD, nodeArgs: ["--import", "tsx"] });
}
