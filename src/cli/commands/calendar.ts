// `zhenggai calendar list|set|delete|import`: the administrator's working-day overrides (节假日调整) from the command
// line, through the same use cases as the API (as the system administrator; every write in the audit trail).

import {
  deleteCalendarOverride,
  listCalendarOverrides,
  setCalendarOverride,
} from "../../app/calendar-overrides.ts";
import { SYSTEM_CALLER } from "../../domain/account.ts";
import { DAY_KIND_LABELS } from "../../shared/calendar-input.ts";
import { readConfig, type ConfigOverrides } from "../../config.ts";
import { withDeps } from "../../main.ts";
import { importCommand } from "./calendar-import.ts";
import { EXIT, type CliIo } from "../cli-io.ts";
import { choiceFlag, missingFlag, namingFlags } from "../flag-errors.ts";

export interface CalendarArgs {
  readonly action: string | undefined;
  /** calendar import: the notice's text file. */
  readonly file: string | undefined;
  readonly dryRun: boolean;
  readonly year: string | undefined;
  readonly date: string | undefined;
  readonly kind: string | undefined;
  readonly name: string | undefined;
  readonly json: boolean;
}

const CALENDAR_FLAGS = { day: "--date", kind: "--kind", name: "--name" } as const;

export async function calendarCommand(
  args: CalendarArgs,
  overrides: ConfigOverrides,
  io: CliIo,
): Promise<number> {
  const config = readConfig(overrides, io.env);
  const flagged = (e: unknown) => {
    throw namingFlags(e, CALENDAR_FLAGS);
  };
  switch (args.action) {
    case "list": {
      const list = await withDeps(config, (deps) => listCalendarOverrides(deps, SYSTEM_CALLER));
      if (args.json) {
        io.out(`${JSON.stringify(list, null, 2)}\n`);
        return EXIT.ok;
      }
      const years = list.coveredYears;
      io.out(`已有放假安排的年份：${years.length === 0 ? "无" : `${years[0]}–${years.at(-1)}年`}\n`);
      if (list.items.length === 0) {
        io.out("尚无节假日调整\n");
        return EXIT.ok;
      }
      io.out("日期\t类型\t名称\t录入时间\n");
      for (const o of list.items) io.out(`${o.day}\t${DAY_KIND_LABELS[o.kind]}\t${o.name}\t${o.createdAt}\n`);
      return EXIT.ok;
    }
    case "set": {
      if (args.date === undefined) throw missingFlag("--date", "日期 YYYY-MM-DD");
      const kind = choiceFlag("--kind", args.kind, DAY_KIND_LABELS);
      if (kind === undefined) throw missingFlag("--kind", "working 上班 或 holiday 放假");
      if (args.name === undefined) throw missingFlag("--name", "节日名称或说明");
      const set = await withDeps(config, (deps) =>
        setCalendarOverride(deps, SYSTEM_CALLER, {
          day: args.date ?? "",
          input: { kind, name: args.name ?? "" },
        }).catch(flagged),
      );
      io.out(`已将 ${set.day} 设为${DAY_KIND_LABELS[set.kind]}（${set.name}）\n`);
      return EXIT.ok;
    }
    case "delete": {
      if (args.date === undefined) throw missingFlag("--date", "日期 YYYY-MM-DD");
      await withDeps(config, (deps) =>
        deleteCalendarOverride(deps, SYSTEM_CALLER, { day: args.date ?? "" }).catch(flagged),
      );
      io.out(`已删除 ${args.date} 的节假日调整，该日恢复按法定放假安排计算\n`);
      return EXIT.ok;
    }
    case "import":
      return importCommand(args, config, io);
    default:
      io.err("用法：zhenggai calendar list|set|delete|import（运行 zhenggai --help 查看参数）\n");
      return EXIT.usage;
  }
}
