// `zhenggai export ledger (--inspection ID | --round R | --all) --out FILE.xlsx`: the ledger as a styled workbook.

import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import { exportLedger, type LedgerSelection } from "../../app/export-ledger.ts";
import { readConfig, type ConfigOverrides } from "../../config.ts";
import { SCOPE_ALL } from "../../domain/scope.ts";
import { withDeps } from "../../main.ts";
import { EXIT, type CliIo } from "../cli-io.ts";
import { explainWriteError, prepareOutputFile } from "../output-file.ts";
import { protectedFolders } from "../protected-folders.ts";

export interface ExportLedgerArgs {
  readonly inspection?: string;
  readonly round?: string;
  readonly all: boolean;
  readonly out?: string;
}

export async function exportLedgerCommand(
  args: ExportLedgerArgs,
  overrides: ConfigOverrides,
  io: CliIo,
): Promise<number> {
  const chosen = [args.inspection !== undefined, args.round !== undefined, args.all].filter(Boolean).length;
  if (chosen !== 1 || !args.out) {
    io.err(
      "用法：zhenggai export ledger (--inspection ID | --round 轮次 | --all) --out 文件.xlsx（三选一）\n",
    );
    return EXIT.usage;
  }
  if (!args.out.toLowerCase().endsWith(".xlsx")) {
    io.err("输出文件应以 .xlsx 结尾\n");
    return EXIT.usage;
  }
  const selection: LedgerSelection =
    args.inspection !== undefined
      ? { inspectionId: args.inspection }
      : args.round !== undefined
        ? { roundLabel: args.round }
        : { all: true };
  const config = readConfig(overrides, io.env);
  const file = await prepareOutputFile(args.out, protectedFolders(config));
  const output = createWriteStream(file.temp, { flags: "wx" });
  const opened = new Promise<void>((resolve, reject) => {
    output.once("open", () => resolve());
    output.once("error", (e) => reject(explainWriteError(e, file.temp)));
  });
  try {
    await opened;
    const result = await withDeps(config, (deps) => exportLedger(deps, SCOPE_ALL, selection, output));
    await finished(output);
    await file.place();
    io.out(
      `已导出：${args.out}（${result.inspections} 个巡察，${result.problems} 个问题，${result.measures} 条整改措施，截至 ${result.asOf}）\n`,
    );
    return EXIT.ok;
  } catch (e) {
    output.destroy();
    throw e;
  } finally {
    await file.discard();
  }
}
