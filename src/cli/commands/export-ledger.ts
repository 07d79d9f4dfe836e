// `zhenggai export ledger (--inspection ID | --round R | --all) --out FILE.xlsx`: the ledger as a styled workbook.

import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { finished } from "node:stream/promises";
import { exportLedger, type LedgerSelection } from "../../app/export-ledger.ts";
import { readConfig, type ConfigOverrides } from "../../config.ts";
import { SCOPE_ALL } from "../../domain/scope.ts";
import { withDeps } from "../../main.ts";
import { EXIT, type CliIo } from "../cli-io.ts";

export interface ExportLedgerArgs {
  readonly inspection?: string;
  readonly round?: string;
  readonly all: boolean;
  readonly out?: string;
}

export async function exportLedgerCommand(args: ExportLedgerArgs, overrides: ConfigOverrides, io: CliIo): Promise<number> {
  const chosen = [args.inspection !== undefined, args.round !== undefined, args.all].filter(Boolean).length;
  if (chosen !== 1 || !args.out) {
    io.err("用法：zhenggai export ledger (--inspection ID | --round 轮次 | --all) --out 文件.xlsx（三选一）\n");
    return EXIT.usage;
  }
  if (!args.out.toLowerCase().endsWith(".xlsx")) {
    io.err("输出文件应以 .xlsx 结尾\n");
    return EXIT.usage;
  }
  const selection: LedgerSelection =
    args.inspection !== undefined ? { inspectionId: args.inspection } : args.round !== undefined ? { roundLabel: args.round } : { all: true };
  // Written next to the target and renamed at the end: a failed export leaves no half-written workbook behind.
  const partial = `${args.out}.partial`;
  const output = createWriteStream(partial);
  try {
    const result = await withDeps(readConfig(overrides, io.env), (deps) => exportLedger(deps, SCOPE_ALL, selection, output));
    await finished(output);
    await rename(partial, args.out);
    io.out(`已导出：${args.out}（${result.inspections} 个巡察，${result.problems} 个问题，${result.measures} 条整改措施，截至 ${result.asOf}）\n`);
    return EXIT.ok;
  } catch (e) {
    output.destroy();
    await rm(partial, { force: true });
    throw e;
  }
}
