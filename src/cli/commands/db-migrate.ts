// `zhenggai db migrate`: applies pending migrations and says which.

import { readConfig, type ConfigOverrides } from "../../config.ts";
import { migrate } from "../../main.ts";
import { EXIT, type CliIo } from "../cli-io.ts";

export async function dbMigrate(overrides: ConfigOverrides, io: CliIo): Promise<number> {
  const { target, applied } = await migrate(readConfig(overrides, io.env));
  io.out(
    applied.length === 0
      ? `数据库已是最新版本（${target}）\n`
      : `已应用迁移：${applied.join(", ")}（${target}）\n`,
  );
  return EXIT.ok;
}
