// `zhenggai import notice FILE [--dry-run] [--json] [--unit NAME] [--allow-duplicate]`: a published notice → a new
// ledger.

import { SYSTEM_ACTOR } from "../../app/deps.ts";
import { importNotice, planNoticeImport } from "../../app/import-notice.ts";
import { readConfig, type ConfigOverrides } from "../../config.ts";
import { PROBLEM_STATUS_LABELS } from "../../domain/problem.ts";
import { parseNotice } from "../../documents/notice/parse-notice.ts";
import { readNoticeFile } from "../../documents/notice/read-notice-file.ts";
import { withDeps } from "../../main.ts";
import { EXIT, type CliIo } from "../cli-io.ts";

export interface ImportNoticeArgs {
  readonly file: string | undefined;
  readonly dryRun: boolean;
  /** Import even when the unit already has a ledger from the same notice. */
  readonly allowDuplicate?: boolean;
  readonly json: boolean;
  readonly unit: string | undefined;
}

export async function importNoticeCommand(
  args: ImportNoticeArgs,
  overrides: ConfigOverrides,
  io: CliIo,
): Promise<number> {
  if (!args.file) {
    io.err("请指定通报文件：zhenggai import notice 文件.txt|.docx|.md\n");
    return EXIT.usage;
  }
  const file = await readNoticeFile(args.file);
  const draft = parseNotice(file.text, args.unit ? { unitName: args.unit } : {});
  const warnings = [...file.warnings, ...draft.warnings];
  const options = {
    dryRun: args.dryRun,
    allowDuplicate: args.allowDuplicate ?? false,
    ...(args.unit ? { unitName: args.unit } : {}),
  };
  // A dry run never opens (let alone migrates) the database.
  const result = args.dryRun
    ? planNoticeImport(draft, options)
    : await withDeps(readConfig(overrides, io.env), (deps) =>
        importNotice(deps, SYSTEM_ACTOR, draft, options),
      );
  const created = "created" in result ? result.created : undefined;

  if (args.json) {
    const body = {
      ...draft,
      warnings,
      import: { dryRun: args.dryRun, inspectionId: created?.inspectionId ?? null, notes: result.notes },
    };
    io.out(`${JSON.stringify(body, null, 2)}\n`);
    return EXIT.ok;
  }
  const i = draft.inspection;
  io.out(
    `${i.team ?? "（未注明巡察组）"} → ${args.unit ?? i.target ?? "（未注明单位）"}｜进驻 ${i.onsiteStart ?? "?"} 至 ${i.onsiteEnd ?? "?"}｜反馈 ${i.feedbackDate ?? "?"}\n`,
  );
  draft.problems.forEach((p) =>
    io.out(
      `  ${p.no}. ${p.title}｜${p.status ? PROBLEM_STATUS_LABELS[p.status] : "状态未识别"}｜措施 ${p.measures.length} 条${p.ongoing.length ? `，深化整改 ${p.ongoing.length} 项` : ""}\n`,
    ),
  );
  for (const w of warnings) io.out(`提示：${w.message}\n`);
  for (const n of result.notes) io.out(`提示：${n}\n`);
  io.out(
    created
      ? `已导入：巡察 ${created.inspectionId}，${created.problems} 个问题、${created.measures} 条措施\n`
      : "试运行（--dry-run）：未写入任何数据\n",
  );
  return EXIT.ok;
}
