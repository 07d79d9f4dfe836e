// `zhenggai report notice --inspection ID --version internal|public [--layout status|aspect] --format docx|md|html --out FILE`.

import { writeFile } from "node:fs/promises";
import { SYSTEM_ACTOR } from "../../app/deps.ts";
import { generateNotice } from "../../app/generate-notice.ts";
import { readConfig, type ConfigOverrides } from "../../config.ts";
import { SCOPE_ALL } from "../../domain/scope.ts";
import { withDeps } from "../../main.ts";
import { EXIT, type CliIo } from "../cli-io.ts";
import { choiceFlag, missingFlag } from "../flag-errors.ts";
import { explainWriteError, prepareOutputFile } from "../output-file.ts";
import { protectedFolders } from "../protected-folders.ts";

export interface ReportNoticeArgs {
  readonly inspection?: string;
  readonly version?: string;
  readonly layout?: string;
  readonly format?: string;
  readonly out?: string;
  readonly issuedOn?: string;
}

const VERSIONS = { internal: "内部版", public: "公开版" } as const;
const FORMATS = { docx: "Word 文档", md: "Markdown", html: "网页" } as const;
const LAYOUTS = { status: "按整改状态编排", aspect: "按方面编排" } as const;

/** The publication is recorded only once the file is written; see output-file.ts for where it may go. */
export async function reportNoticeCommand(
  args: ReportNoticeArgs,
  overrides: ConfigOverrides,
  io: CliIo,
): Promise<number> {
  if (!args.out) {
    io.err("请用 --out 指定输出文件\n");
    return EXIT.usage;
  }
  const inspectionId = args.inspection;
  if (inspectionId === undefined) {
    throw missingFlag("--inspection", "巡察编号，可用 zhenggai inspections 查看");
  }
  const version = choiceFlag("--version", args.version, VERSIONS);
  if (version === undefined) throw missingFlag("--version", "internal 内部版或 public 公开版");
  const layout = choiceFlag("--layout", args.layout, LAYOUTS);
  const config = readConfig(overrides, io.env);
  const output = await prepareOutputFile(args.out, protectedFolders(config));
  try {
    // After the output check: a path into the data folder is refused whatever its extension.
    const format = choiceFlag("--format", args.format ?? /\.(docx|md|html)$/.exec(args.out)?.[1], FORMATS);
    if (format === undefined) {
      throw missingFlag("--format", "docx、md 或 html；或让 --out 以 .docx、.md、.html 结尾");
    }
    const result = await withDeps(config, (deps) =>
      generateNotice(
        deps,
        SYSTEM_ACTOR,
        SCOPE_ALL,
        {
          inspectionId,
          version,
          format,
          ...(layout ? { layout } : {}),
          ...(args.issuedOn ? { issuedOn: args.issuedOn } : {}),
        },
        async (content) => {
          try {
            await writeFile(output.temp, content, { flag: "wx" });
          } catch (e) {
            throw explainWriteError(e, output.temp);
          }
        },
      ),
    );
    await output.place();
    io.out(
      `已生成：${args.out}（记录 ${result.publicationId}${result.withheld.length ? `，公开版略去 ${result.withheld.length} 个问题` : ""}）\n`,
    );
    return EXIT.ok;
  } finally {
    await output.discard();
  }
}
