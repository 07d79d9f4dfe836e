// `zhenggai report notice --inspection ID --version internal|public [--layout status|aspect] --format docx|md|html|pdf
// --out FILE [--grid portable|word] [版头/版记 flags]`: this document's options over the unit's settings file.

import { SYSTEM_ACTOR } from "../../app/deps.ts";
import { generateNotice } from "../../app/generate-notice.ts";
import { readConfig, type ConfigOverrides } from "../../config.ts";
import { SCOPE_ALL } from "../../domain/scope.ts";
import { libreOfficePdf, withDeps } from "../../main.ts";
import { EXIT, type CliIo } from "../cli-io.ts";
import { DomainError } from "../../domain/domain-error.ts";
import { choiceFlag, missingFlag } from "../flag-errors.ts";
import { prepareOutputFile } from "../output-file.ts";
import { protectedFolders } from "../protected-folders.ts";

export interface ReportNoticeArgs {
  readonly inspection?: string;
  readonly version?: string;
  readonly layout?: string;
  readonly format?: string;
  readonly out?: string;
  readonly issuedOn?: string;
  readonly grid?: string;
  /** 版头/主送/附件/附注/版记 of this document, as the flags gave them (validated by the use case). */
  readonly official?: Readonly<Record<string, string | readonly string[] | undefined>>;
}

/** The use case's option names by the flag that sets them, for error messages. */
const OFFICIAL_FLAGS: Readonly<Record<string, string>> = {
  "official.issuer": "--issuer",
  "official.issuerMark": "--issuer-mark",
  "official.docNumber": "--doc-number",
  "official.signers": "--signer",
  "official.addressee": "--addressee",
  "official.attachments": "--attachment",
  "official.contactPerson": "--contact-person",
  "official.contactPhone": "--contact-phone",
  "official.copyTo": "--copy-to",
  "official.publicContact": "--public-contact",
  "official.printedBy": "--printed-by",
  "official.printedOn": "--printed-on",
};

const VERSIONS = { internal: "内部版", public: "公开版" } as const;
const FORMATS = { docx: "Word 文档", md: "Markdown", html: "网页", pdf: "PDF（需 LibreOffice）" } as const;
const GRIDS = {
  portable: "行网格加字距，Word、WPS、LibreOffice 均为每行28字",
  word: "Word 文档网格",
} as const;
const LAYOUTS = { status: "按整改状态编排", aspect: "按方面编排" } as const;

/** The option paths of a refusal renamed to their flags; main's error report names the other fields. */
function officialFlagsNamed(e: unknown): unknown {
  if (!(e instanceof DomainError) || e.fields === undefined) return e;
  const flag = (path: string) => OFFICIAL_FLAGS[path];
  const message = e.fields.reduce((m, f) => m.replaceAll(f.path, flag(f.path) ?? f.path), e.message);
  return new DomainError(
    e.code,
    message,
    e.fields.map((f) => ({ ...f, path: flag(f.path) ?? f.path })),
  );
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
  const inspectionId = args.inspection;
  if (inspectionId === undefined) {
    throw missingFlag("--inspection", "巡察编号，可用 zhenggai inspections 查看");
  }
  const version = choiceFlag("--version", args.version, VERSIONS);
  if (version === undefined) throw missingFlag("--version", "internal 内部版或 public 公开版");
  const layout = choiceFlag("--layout", args.layout, LAYOUTS);
  const grid = choiceFlag("--grid", args.grid, GRIDS);
  const config = readConfig(overrides, io.env);
  const official = {
    ...Object.fromEntries(Object.entries(args.official ?? {}).filter(([, v]) => v !== undefined)),
    grid: grid ?? config.noticeGrid,
  };
  const output = await prepareOutputFile(args.out, protectedFolders(config));
  try {
    // After the output check: a path into the data folder is refused whatever its extension.
    const format = choiceFlag(
      "--format",
      args.format ?? /\.(docx|md|html|pdf)$/.exec(args.out)?.[1],
      FORMATS,
    );
    if (format === undefined) {
      throw missingFlag("--format", "docx、md、html 或 pdf；或让 --out 以 .docx、.md、.html、.pdf 结尾");
    }
    const pdf = libreOfficePdf({
      binary: config.soffice,
      ...(config.fontConfigFile ? { fontConfigFile: config.fontConfigFile } : {}),
    });
    const result = await withDeps(config, (deps) =>
      generateNotice(
        { ...deps, pdf, ...(config.noticeSettings ? { noticeSettings: config.noticeSettings } : {}) },
        SYSTEM_ACTOR,
        SCOPE_ALL,
        {
          inspectionId,
          version,
          format,
          ...(layout ? { layout } : {}),
          ...(args.issuedOn ? { issuedOn: args.issuedOn } : {}),
          official,
        },
        (content) => output.write(content),
      ).finally(() => pdf.close()),
    ).catch((e: unknown) => {
      throw officialFlagsNamed(e);
    });
    await output.place();
    io.out(
      `已生成：${args.out}（记录 ${result.publicationId}${result.withheld.length ? `，公开版略去 ${result.withheld.length} 个问题` : ""}）\n`,
    );
    return EXIT.ok;
  } finally {
    await output.discard();
  }
}
