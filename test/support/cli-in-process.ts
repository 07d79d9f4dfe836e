// Runs `zhenggai` in this process (main(argv, io)) against a test database: the exit code and what it printed.

import { main } from "../../src/cli/main.ts";
import type { DatabaseTarget } from "../../src/storage/kysely/open-database.ts";

/** The settings that point the CLI at a test database and a data folder. */
export const cliEnv = (target: DatabaseTarget, dataDir: string): Record<string, string> => ({
  DATABASE_URL: target.kind === "sqlite" ? `file:${target.file}` : target.url,
  ZHENGGAI_DATA: dataDir,
});

export async function runCli(
  argv: readonly string[],
  env: Record<string, string>,
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s), env });
  return { code, out: out.join(""), err: err.join("") };
}
