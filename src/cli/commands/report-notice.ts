// `zhenggai report notice --inspection ID --version internal|public [--layout status|aspect] --format docx|md|html --out FILE`.

import { access, link, unlink, writeFile } from "node:fs/promises";
import { dirname, basename, join, relative, resolve, isAbsolute } from "node:path";
import { SYSTEM_ACTOR } from "../../app/deps.ts";
import { generateNotice } from "../../app/generate-notice.ts";
import { readConfig, type ConfigOverrides } from "../../config.ts";
import { DomainError } from "../../domain/domain-error.ts";
import { SCOPE_ALL } from "../../domain/scope.ts";
import { withDeps } from "../../main.ts";
import { EXIT, type CliIo } from "../cli-io.ts";

export interface ReportNoticeArgs {
  readonly inspection?: string;
  readonly version?: string;
  readonly layout?: string;
  readonly format?: string;
  readonly out?: string;
  readonly issuedOn?: string;
}

/**
 * The file is written beside its target first, the publication is recorded, and only then is the file
 * linked into place: an existing file is never overwritten and a failed write records nothing.
 */
export async function reportNoticeCommand(args: ReportNoticeArgs, overrides: ConfigOverrides, io: CliIo): Promise<number> {
  if (!args.out) {
    io.err("请用 --out 指定输出文件\n");
    return EXIT.usage;
  }
  const config = readConfig(overrides, io.env);
  const out = resolve(args.out);
  const insideData = relative(resolve(config.dataDir), out);
  if (!insideData.startsWith("..") && !isAbsolute(insideData)) {
    throw new DomainError("output_in_data_folder", `不能把通报写入数据目录（${config.dataDir}），请换一个位置`);
  }
  const exists = new DomainError("output_exists", `文件已存在：${args.out}，请换一个文件名或先删除`);
  if (await access(out).then(() => true, () => false)) throw exists;
  const format = args.format ?? /\.(docx|md|html)$/.exec(out)?.[1];
  const temp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
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
        (content) => writeOutput(temp, content),
      ),
    );
    await link(temp, out).catch((e: unknown) => {
      throw (e as { code?: string }).code === "EEXIST" ? exists : e;
    });
    io.out(`已生成：${args.out}（记录 ${result.publicationId}${result.withheld.length ? `，公开版略去 ${result.withheld.length} 个问题` : ""}）\n`);
    return EXIT.ok;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

async function writeOutput(path: string, content: Uint8Array): Promise<void> {
  try {
    await writeFile(path, content, { flag: "wx" });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "ENOENT") throw new DomainError("output_folder_missing", `输出目录不存在：${dirname(path)}`);
    if (code === "EACCES" || code === "EPERM") throw new DomainError("output_not_writable", `没有写入权限：${dirname(path)}`);
    throw e;
  }
}
