// `zhenggai calendar import 通知.txt [--year YYYY] [--dry-run] [--json]`: a whole year's holiday arrangement from the
// State Council's notice (or a table of days) through the same use case as the API, as the system administrator.

import { importCalendarNotice } from "../../app/import-calendar-notice.ts";
import { SYSTEM_CALLER } from "../../domain/account.ts";
import { readRegularFile } from "../../documents/read-regular-file.ts";
import { CALENDAR_NOTICE_MAX_CHARS } from "../../shared/calendar-import-models.ts";
import { DAY_KIND_LABELS } from "../../shared/calendar-input.ts";
import type { Config } from "../../config.ts";
import { withDeps } from "../../main.ts";
import { EXIT, type CliIo } from "../cli-io.ts";
import { badFlag, missingFlag } from "../flag-errors.ts";
import type { CalendarArgs } from "./calendar.ts";

export async function importCommand(args: CalendarArgs, config: Config, io: CliIo): Promise<number> {
  if (args.file === undefined)
    throw missingFlag(
      "文件",
      "国务院办公厅节假日安排通知的文本文件（.txt），如 zhenggai calendar import 2027.txt",
    );
  if (args.year !== undefined && !/^\d{4}$/.test(args.year)) throw badFlag("--year", "四位年份，如 2027");
  // UTF-8 text: at most 4 bytes a character.
  const text = (await readRegularFile(args.file, CALENDAR_NOTICE_MAX_CHARS * 4))
    .toString("utf8")
    .replace(/^\uFEFF/, "");
  const result = await withDeps(config, (deps) =>
    importCalendarNotice(deps, SYSTEM_CALLER, {
      input: { text, dryRun: args.dryRun, ...(args.year === undefined ? {} : { year: Number(args.year) }) },
    }),
  );
  if (args.json) {
    io.out(`${JSON.stringify(result, null, 2)}\n`);
    return EXIT.ok;
  }
  io.out(`${result.year === null ? "" : `${result.year}年`}节假日安排：${result.items.length} 天\n`);
  io.out("日期\t类型\t名称\t原有调整\n");
  for (const item of result.items) {
    const before = item.before === null ? "" : `${DAY_KIND_LABELS[item.before.kind]}（${item.before.name}）`;
    io.out(`${item.day}\t${DAY_KIND_LABELS[item.kind]}\t${item.name}\t${before}\n`);
  }
  for (const other of result.notMentioned) {
    io.out(
      `注意：${other.day} 已有调整“${DAY_KIND_LABELS[other.kind]}（${other.name}）”，通知未提及，保留不动\n`,
    );
  }
  io.out(
    args.dryRun
      ? "预览，未保存：去掉 --dry-run 后录入\n"
      : `已录入：新录入 ${result.created} 天，替换原有调整 ${result.replaced} 天\n`,
  );
  return EXIT.ok;
}
