// `zhenggai report bulletin (--inspection ID | --round 轮次) --month YYYY-MM --out FILE [--format docx|pdf|xlsx]
// [--doc-number 发文字号]`: the monthly progress bulletin of the API (generateMonthlyBulletin), made by the system account.

import { generateMonthlyBulletin } from "../../app/monthly-bulletin.ts";
import { readConfig, type ConfigOverrides } from "../../config.ts";
import { SYSTEM_CALLER } from "../../domain/account.ts";
import { libreOfficePdf, withDeps } from "../../main.ts";
import { EXIT, type CliIo } from "../cli-io.ts";
import { choiceFlag, missingFlag, namingFlags } from "../flag-errors.ts";
import { prepareOutputFile } from "../output-file.ts";
import { protectedFolders } from "../protected-folders.ts";

export interface ReportBulletinArgs {
  readonly inspection?: string;
  readonly round?: string;
  readonly month?: string;
  readonly out?: string;
  readonly format?: string;
  readonly docNumber?: string;
}

const FORMATS = { docx: "Word 文档", pdf: "PDF（需 LibreOffice）", xlsx: "Excel 工作簿" } as const;
const FLAGS = { month: "--month", round: "--round", format: "--format", docNumber: "--doc-number" };

/** The bulletin is recorded (audit trail) only once the file is written; see output-file.ts for where it may go. */
export async function reportBulletinCommand(
  args: ReportBulletinArgs,
  overrides: ConfigOverrides,
  io: CliIo,
): Promise<number> {
  if (!args.out) {
    io.err("请用 --out 指定输出文件，如 --out 整改进展通报.docx\n");
    return EXIT.usage;
  }
  if ((args.inspection === undefined) === (args.round === undefined)) {
    throw missingFlag("--inspection 或 --round", "二者选一：一个巡察编号，或一个轮次（如 十四届市委第八轮）");
  }
  if (args.month === undefined) throw missingFlag("--month", "通报的月份，如 2026-11");
  const month = args.month;
  const config = readConfig(overrides, io.env);
  const output = await prepareOutputFile(args.out, protectedFolders(config));
  try {
    const format = choiceFlag("--format", args.format ?? /\.(docx|pdf|xlsx)$/.exec(args.out)?.[1], FORMATS);
    if (format === undefined) {
      throw missingFlag("--format", "docx、pdf 或 xlsx；或让 --out 以 .docx、.pdf、.xlsx 结尾");
    }
    const request = { month, format, ...(args.docNumber !== undefined ? { docNumber: args.docNumber } : {}) };
    const pdf = libreOfficePdf({
      binary: config.soffice,
      ...(config.fontConfigFile ? { fontConfigFile: config.fontConfigFile } : {}),
    });
    const deliver = (content: Uint8Array) => output.write(content);
    const made = await withDeps(config, (deps) =>
      generateMonthlyBulletin(
        { ...deps, pdf, ...(config.noticeSettings ? { noticeSettings: config.noticeSettings } : {}) },
        SYSTEM_CALLER,
        args.inspection !== undefined
          ? { inspectionId: args.inspection, request, deliver }
          : { request: { ...request, round: args.round ?? "" }, deliver },
      ).finally(() => pdf.close()),
    ).catch((e: unknown) => {
      throw namingFlags(e, FLAGS);
    });
    await output.place();
    io.out(`已生成${month}月度整改进展通报：${args.out}（${made.inspectionIds.length}个巡察）\n`);
    return EXIT.ok;
  } finally {
    await output.discard();
  }
}
