// `zhenggai report supervision --inspection ID --out 督办单.docx [--format docx|pdf|md] [--doc-number 发文字号]
// [--reply-days N]`: the supervision notice of the API (issueSupervisionNotice), issued by the system account.

import { issueSupervisionNotice } from "../../app/issue-supervision-notice.ts";
import { readConfig, type ConfigOverrides } from "../../config.ts";
import { SYSTEM_CALLER } from "../../domain/account.ts";
import { libreOfficePdf, withDeps } from "../../main.ts";
import { EXIT, type CliIo } from "../cli-io.ts";
import { badFlag, choiceFlag, missingFlag, namingFlags } from "../flag-errors.ts";
import { prepareOutputFile } from "../output-file.ts";
import { protectedFolders } from "../protected-folders.ts";

export interface ReportSupervisionArgs {
  readonly inspection?: string;
  readonly out?: string;
  readonly format?: string;
  readonly docNumber?: string;
  readonly replyDays?: string;
}

const FORMATS = { docx: "Word 文档", pdf: "PDF（需 LibreOffice）", md: "Markdown" } as const;
const FLAGS = { docNumber: "--doc-number", replyWithinWorkingDays: "--reply-days", format: "--format" };

/** The issue is recorded (audit trail) only once the file is written; see output-file.ts for where it may go. */
export async function reportSupervisionCommand(
  args: ReportSupervisionArgs,
  overrides: ConfigOverrides,
  io: CliIo,
): Promise<number> {
  if (!args.out) {
    io.err("请用 --out 指定输出文件，如 --out 督办单.docx\n");
    return EXIT.usage;
  }
  const inspectionId = args.inspection;
  if (inspectionId === undefined) {
    throw missingFlag("--inspection", "巡察编号，可用 zhenggai inspections 查看");
  }
  if (args.replyDays !== undefined && !/^\d{1,3}$/.test(args.replyDays)) {
    throw badFlag("--reply-days", "1至30之间的整数（工作日）");
  }
  const config = readConfig(overrides, io.env);
  const output = await prepareOutputFile(args.out, protectedFolders(config));
  try {
    const format = choiceFlag("--format", args.format ?? /\.(docx|pdf|md)$/.exec(args.out)?.[1], FORMATS);
    if (format === undefined) {
      throw missingFlag("--format", "docx、pdf 或 md；或让 --out 以 .docx、.pdf、.md 结尾");
    }
    const pdf = libreOfficePdf({
      binary: config.soffice,
      ...(config.fontConfigFile ? { fontConfigFile: config.fontConfigFile } : {}),
    });
    const issued = await withDeps(config, (deps) =>
      issueSupervisionNotice(
        { ...deps, pdf, ...(config.noticeSettings ? { noticeSettings: config.noticeSettings } : {}) },
        SYSTEM_CALLER,
        {
          inspectionId,
          request: {
            format,
            ...(args.docNumber !== undefined ? { docNumber: args.docNumber } : {}),
            ...(args.replyDays !== undefined ? { replyWithinWorkingDays: Number(args.replyDays) } : {}),
          },
          deliver: (content) => output.write(content),
        },
      ).finally(() => pdf.close()),
    ).catch((e: unknown) => {
      throw namingFlags(e, FLAGS);
    });
    await output.place();
    io.out(
      `已生成督办通知：${args.out}（${issued.measureIds.length}项整改措施，书面回复时限 ${issued.replyBy}` +
        `${issued.docNumber ? `，${issued.docNumber}` : ""}）\n`,
    );
    if (issued.holidayData) io.err(`注意：${issued.holidayData.message}\n`);
    return EXIT.ok;
  } finally {
    await output.discard();
  }
}
