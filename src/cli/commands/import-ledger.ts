// `zhenggai import ledger FILE.xlsx [--dry-run] [--inspection ID] [--unit NAME] [--map 列名=字段 …]
// [--skip-invalid] [--row-limit N] [--json]`: a ledger workbook → problems and measures, all or nothing.

import { SYSTEM_ACTOR } from "../../app/deps.ts";
import { importLedger } from "../../app/import-ledger.ts";
import { readConfig, type ConfigOverrides } from "../../config.ts";
import { DomainError } from "../../domain/domain-error.ts";
import { MEASURE_KIND_LABELS } from "../../domain/measure.ts";
import { PROBLEM_STATUS_LABELS } from "../../domain/problem.ts";
import { SCOPE_ALL } from "../../domain/scope.ts";
import { findingPlace, importedProblemStatus } from "../../documents/xlsx/collected-ledger.ts";
import { parseColumnMap } from "../../documents/xlsx/ledger-columns.ts";
import { DEFAULT_ROW_LIMIT, readLedgerXlsx } from "../../documents/xlsx/read-ledger-xlsx.ts";
import { withDeps } from "../../main.ts";
import { EXIT, type CliIo } from "../cli-io.ts";

export interface ImportLedgerArgs {
  readonly file: string | undefined;
  readonly dryRun: boolean;
  readonly json: boolean;
  readonly inspection?: string;
  readonly unit?: string;
  readonly map: readonly string[];
  readonly skipInvalid: boolean;
  readonly rowLimit?: string;
}

export async function importLedgerCommand(
  args: ImportLedgerArgs,
  overrides: ConfigOverrides,
  io: CliIo,
): Promise<number> {
  if (!args.file) {
    io.err("请指定台账文件：zhenggai import ledger 文件.xlsx\n");
    return EXIT.usage;
  }
  const rowLimit = args.rowLimit === undefined ? DEFAULT_ROW_LIMIT : Number(args.rowLimit);
  if (!Number.isInteger(rowLimit) || rowLimit < 1)
    throw new DomainError("invalid_row_limit", "--row-limit 应为正整数");
  const map = parseColumnMap(args.map);
  const file = args.file;
  const outcome = await withDeps(readConfig(overrides, io.env), (deps) =>
    importLedger(
      deps,
      SYSTEM_ACTOR,
      SCOPE_ALL,
      (reference) =>
        readLedgerXlsx(file, {
          map,
          rowLimit,
          skipInvalid: args.skipInvalid,
          reference,
          ...(args.unit !== undefined ? { onlyUnit: args.unit } : {}),
        }),
      {
        dryRun: args.dryRun,
        skipInvalid: args.skipInvalid,
        ...(args.inspection !== undefined ? { inspectionId: args.inspection } : {}),
        ...(args.unit !== undefined ? { unitName: args.unit } : {}),
      },
    ),
  );
  const { read } = outcome;
  const measures = read.problems.reduce((n, p) => n + (p.measures?.length ?? 0), 0);

  if (args.json) {
    const body = {
      problems: read.problems.map((p) => ({
        title: p.title,
        aspect: p.aspect ?? null,
        status: importedProblemStatus(p),
        measures: (p.measures ?? []).map((m) => ({
          text: m.text,
          kind: m.kind ?? "time_limited",
          deadline: m.deadline ?? null,
          leader: m.leader ?? null,
          department: m.department ?? null,
          person: m.person ?? null,
          status: m.state ?? "draft",
        })),
      })),
      errors: outcome.errors,
      warnings: read.warnings,
      notes: read.notes,
      import: {
        dryRun: args.dryRun,
        stored: outcome.stored,
        inspectionId: outcome.inspectionId,
        unit: args.unit ?? read.unitName,
        sheets: read.sheets,
        columns: read.columns,
        dataRows: read.dataRows,
        skippedRows: read.skippedRows,
      },
    };
    io.out(`${JSON.stringify(body, null, 2)}\n`);
    return outcome.refused ? EXIT.usage : EXIT.ok;
  }

  io.out(`文件 ${file}\n`);
  for (const s of read.sheets) {
    io.out(`工作表“${s.name}”：${s.kind === null ? "未识别表头，跳过" : `表头在第${s.headerRow}行`}\n`);
    const columns = read.columns.find((c) => c.sheet === s.name)?.columns ?? [];
    if (columns.length > 0)
      io.out(`  列：${columns.map((c) => `${c.column}“${c.header}”→${c.reading}`).join("；")}\n`);
  }
  for (const note of read.notes) io.out(`说明：${note}\n`);
  for (const w of read.warnings.slice(0, 200)) io.out(`提醒：${findingPlace(w)}：${w.message}\n`);
  if (read.warnings.length > 200) io.out(`……另有 ${read.warnings.length - 200} 条提醒\n`);
  for (const p of read.problems.slice(0, 50)) {
    const kinds = new Set((p.measures ?? []).map((m) => MEASURE_KIND_LABELS[m.kind ?? "time_limited"]));
    io.out(
      `  ${p.title.slice(0, 40)}｜${PROBLEM_STATUS_LABELS[importedProblemStatus(p)]}｜措施 ${p.measures?.length ?? 0} 条${kinds.size ? `（${[...kinds].join("、")}）` : ""}\n`,
    );
  }
  if (read.problems.length > 50) io.out(`  ……共 ${read.problems.length} 个问题\n`);
  const say = (text: string) => (outcome.refused ? io.err(text) : io.out(text));
  const shown = outcome.errors.slice(0, 200);
  for (const e of shown) say(`${outcome.refused ? "错误" : "已跳过"}：${findingPlace(e)}：${e.message}\n`);
  if (outcome.errors.length > shown.length) say(`……另有 ${outcome.errors.length - shown.length} 处\n`);
  if (outcome.refused) {
    io.err(
      `台账中有 ${outcome.errors.length} 处错误，未导入任何内容（改正后重新导入，或加 --skip-invalid 只导入无误的行）\n`,
    );
    return EXIT.usage;
  }
  if (!outcome.stored) {
    io.out(
      `试运行（--dry-run）：可导入 ${read.problems.length} 个问题、${measures} 条整改措施，未写入任何数据\n`,
    );
    return EXIT.ok;
  }
  io.out(
    `已导入：巡察 ${outcome.inspectionId}，${read.problems.length} 个问题、${measures} 条整改措施${read.skippedRows ? `，跳过 ${read.skippedRows} 行` : ""}\n`,
  );
  return EXIT.ok;
}
