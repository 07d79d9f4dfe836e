// .docx → PDF through LibreOffice headless (`soffice --convert-to pdf`), the adapter behind the app's PdfConverter.
// One conversion at a time per process (LibreOffice serialises on its profile anyway), a profile folder of our own
// per process, a time limit that kills the converter's process group, temp files removed whatever happens.

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { DomainError } from "../domain/domain-error.ts";

/** What `apt-get install` needs on Debian/Ubuntu for the PDF (README; texlive-lang-chinese adds 仿宋/楷体). */
export const PDF_PACKAGES = "libreoffice-writer-nogui fonts-noto-cjk fonts-arphic-ukai";

export interface LibreOfficeOptions {
  /** The soffice binary (config: ZHENGGAI_SOFFICE, else found on PATH); undefined = not installed. */
  readonly binary: string | undefined;
  /** Per conversion, ms (default 60 s: a cold start takes ~3 s, a 60-problem notice ~5 s on 2 cores). */
  readonly timeoutMs?: number;
  /** fontconfig file mapping the official font names to open fonts (default: the one shipped in assets/). */
  readonly fontConfigFile?: string;
}

/** The fontconfig file shipped with zhenggai (assets/fontconfig/official-fonts.conf). */
export const SHIPPED_FONTCONFIG = fileURLToPath(
  new URL("../../assets/fontconfig/official-fonts.conf", import.meta.url),
);

export type DocxToPdf = (docx: Uint8Array) => Promise<Uint8Array>;

const missing = (): DomainError =>
  new DomainError(
    "pdf_converter_missing",
    `生成 PDF 需要 LibreOffice，本机未安装。Debian/Ubuntu 可运行：sudo apt-get install --no-install-recommends ${PDF_PACKAGES}（仿宋、楷体字形更接近公文字体：再装 texlive-lang-chinese）；也可改为生成 .docx 后用 Word/WPS 另存为 PDF`,
  );

/**
 * A converter; conversions are queued so that only one LibreOffice runs at a time for this process. The profile
 * folder (-env:UserInstallation) is created once per converter and reused: the first conversion pays the
 * profile's creation (cold), later ones start faster (warm).
 */
export function libreOfficePdf(options: LibreOfficeOptions): DocxToPdf & { close(): Promise<void> } {
  const timeoutMs = options.timeoutMs ?? 60_000;
  let queue: Promise<unknown> = Promise.resolve();
  let profile: Promise<string> | undefined;
  const profileDir = () => (profile ??= mkdtemp(join(os.tmpdir(), "zhenggai-lo-profile-")));

  const convertOne = async (docx: Uint8Array): Promise<Uint8Array> => {
    const binary = options.binary;
    if (binary === undefined || !existsSync(binary)) throw missing();
    const work = await mkdtemp(join(os.tmpdir(), "zhenggai-pdf-"));
    try {
      const input = join(work, "notice.docx");
      const outDir = join(work, "out");
      await mkdir(outDir);
      await writeFile(input, docx);
      const home = await profileDir();
      await run(
        binary,
        [
          `-env:UserInstallation=${pathToFileURL(home).href}`,
          "--headless",
          "--norestore",
          "--nolockcheck",
          "--convert-to",
          // Blank pages the renderer inserts before an even-page 版记 must reach the paper: keep them.
          `pdf:writer_pdf_Export:${JSON.stringify({ IsSkipEmptyPages: { type: "boolean", value: "false" } })}`,
          "--outdir",
          outDir,
          input,
        ],
        {
          // A small environment of our own: the soffice script needs a PATH; fonts come from our fontconfig file.
          PATH: `${dirname(binary)}:/usr/local/bin:/usr/bin:/bin`,
          LANG: "C.UTF-8",
          HOME: home,
          FONTCONFIG_FILE: options.fontConfigFile ?? SHIPPED_FONTCONFIG,
        },
        timeoutMs,
      );
      try {
        return new Uint8Array(await readFile(join(outDir, "notice.pdf")));
      } catch {
        throw new Error("LibreOffice 未生成 PDF 文件");
      }
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  };

  const convert = (docx: Uint8Array): Promise<Uint8Array> => {
    const next = queue.then(() => convertOne(docx));
    queue = next.catch(() => undefined);
    return next;
  };
  return Object.assign(convert, {
    async close() {
      await queue;
      if (profile) await rm(await profile, { recursive: true, force: true });
      profile = undefined;
    },
  });
}

/** Runs soffice in its own process group, killed as a whole after `timeoutMs` (it forks oosplash/soffice.bin). */
function run(
  binary: string,
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  timeoutMs: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { env, detached: true, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString("utf8");
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on("error", (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(e.code === "ENOENT" ? missing() : e);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (timedOut) {
        reject(
          new DomainError(
            "pdf_conversion_failed",
            `PDF 转换超过 ${Math.round(timeoutMs / 1000)} 秒未完成，已中止`,
          ),
        );
      } else if (code !== 0) {
        reject(
          new DomainError(
            "pdf_conversion_failed",
            `LibreOffice 转换 PDF 失败（退出码 ${code}）：${stderr.trim().slice(0, 300)}`,
          ),
        );
      } else resolve();
    });
  });
}
