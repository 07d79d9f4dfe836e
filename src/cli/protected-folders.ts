// Which folders the store uses, so that nothing a command writes for the user lands in them: the data folder
// (the SQLite file by default, and evidence files when they arrive) and the folder of a SQLite file named elsewhere.

import { dirname, resolve } from "node:path";
import { databaseTarget, type Config } from "../config.ts";

/** The folders written files must stay out of, as configured (not yet resolved through links). */
export function protectedFolders(config: Config): string[] {
  const folders = [resolve(config.dataDir)];
  const target = databaseTarget(config);
  if (target.kind === "sqlite") folders.push(dirname(resolve(target.file)));
  return [...new Set(folders)];
}
