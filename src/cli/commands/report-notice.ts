// `zhenggai report notice --inspection ID --version internal|public [--layout status|aspect] --format docx|md|html --out FILE`.

import { writeFile } from "node:fs/promises";
import { SYSTEM_ACTOR } from "../../app/deps.ts";
import { generateNotice } from "../../app/generate-notice.ts";
import { readConfig, type ConfigOverrides } from "../../config.ts";
import { SCOPE_ALL } from "../../domain/scope.ts";
import { withDeps } from "../../main.ts";
import { EXIT, type CliIo } from "../cli-io.ts";
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
  const config = readConfig(overrides, io.env);
  const output = await prepareOutputFile(args.out, protectedFolders(config));
  const format = args.format ?? /\.(docx|md|html)$/.exec(args.out)?.[1];
  try {
    const result = await withDeps(config, (deps) =>
      generateNotice(
        deps,
        SYSTEM_ACTOR,
        SCOPE_ALL,
        {
          inspectionId: args.inspection ?? "",
          version: args.version as "internal" | "public",
          format: format as "docx" | "md" | "html",
          ...(args.layout ? { layout: args.layout as "status" | "aspect" } : {}),
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
