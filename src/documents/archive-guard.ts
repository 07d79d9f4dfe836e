// Zip-bomb guard for uploaded Office files: checks the declared sizes, then inflates every entry once and counts
// the bytes that really come out, so a file whose headers lie is refused before any library unpacks it.

import { fromBuffer, type Entry, type ZipFile } from "yauzl";
import { DomainError } from "../domain/domain-error.ts";
import { withCause } from "./with-cause.ts";

export interface ArchiveLimits {
  /** All entries together may not inflate past this many bytes. */
  readonly maxUncompressedBytes: number;
  /** An entry larger than `ratioExemptBytes` may not grow more than this many times. */
  readonly maxRatio: number;
  /** Small, very repetitive XML parts are harmless whatever their ratio. */
  readonly ratioExemptBytes: number;
  readonly maxEntries: number;
}

export interface GuardArchiveOptions {
  /** The file type in messages ("文档", "表格"). */
  readonly what: string;
  /** The file as the user named it, for messages. */
  readonly file: string;
  /** What the user can do about a damaged archive ("请用 Word/WPS 重新另存为 .docx 后再导入"). */
  readonly advice: string;
  /**
   * Receives each entry's inflated bytes as they come (one call per entry, then its chunks), keeping none. A
   * DomainError thrown from a chunk callback refuses the archive at once.
   */
  readonly observe?: (entryName: string) => (chunk: Buffer) => void;
}

export async function guardArchive(
  bytes: Buffer,
  limits: ArchiveLimits,
  options: GuardArchiveOptions,
): Promise<void> {
  const { what, file, advice } = options;
  const zip = await new Promise<ZipFile>((resolve, reject) => {
    // validateEntrySizes makes yauzl fail the stream as soon as an entry inflates past its declared size.
    fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (err, z) => {
      if (err)
        reject(
          withCause(
            new DomainError(
              "invalid_archive",
              `${file} 不是有效的${what}（无法读取压缩包目录），文件可能已损坏，${advice}`,
            ),
            err,
          ),
        );
      else resolve(z);
    });
  });
  const tooLarge = new DomainError(
    "archive_too_large",
    `${file}：${what}解压后将超过 ${Math.round(limits.maxUncompressedBytes / 1024 / 1024)} MB，已拒绝读取`,
  );
  let declared = 0;
  let inflated = 0;
  let entries = 0;
  await new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (e: DomainError): void => {
      if (failed) return;
      failed = true;
      zip.close();
      reject(e);
    };
    zip.on("entry", (entry: Entry) => {
      entries += 1;
      declared += entry.uncompressedSize;
      if (entries > limits.maxEntries)
        return fail(new DomainError("archive_too_many_entries", `${file}：${what}中的文件过多，已拒绝读取`));
      if (declared > limits.maxUncompressedBytes) return fail(tooLarge);
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (entry.uncompressedSize > limits.ratioExemptBytes && ratio > limits.maxRatio) {
        return fail(
          new DomainError(
            "archive_ratio_too_high",
            `${file}：${what}中的内容压缩比异常（超过 ${limits.maxRatio} 倍），疑似压缩炸弹，已拒绝读取`,
          ),
        );
      }
      if (entry.fileName.endsWith("/")) return zip.readEntry();
      zip.openReadStream(entry, (err, stream) => {
        if (err)
          return fail(
            withCause(
              new DomainError(
                "invalid_archive",
                `${file}：${what}已损坏（${entry.fileName} 无法解压），${advice}`,
              ),
              err,
            ),
          );
        const observer = options.observe?.(entry.fileName);
        stream.on("data", (chunk: Buffer) => {
          inflated += chunk.length;
          if (inflated > limits.maxUncompressedBytes) {
            stream.destroy();
            fail(tooLarge);
            return;
          }
          try {
            observer?.(chunk);
          } catch (e) {
            // The observer refuses the archive (a DomainError); stop inflating at once.
            stream.destroy();
            fail(e as DomainError);
          }
        });
        stream.on("error", (e: Error & { code?: string }) =>
          fail(
            withCause(
              // zlib's own codes (Z_DATA_ERROR…) mean damaged data; yauzl's size check has none.
              e.code?.startsWith("Z_")
                ? new DomainError(
                    "invalid_archive",
                    `${file}：${what}已损坏（${entry.fileName} 无法解压），${advice}`,
                  )
                : new DomainError(
                    "archive_size_mismatch",
                    `${file}：${what}中 ${entry.fileName} 的实际大小与声明不符，疑似压缩炸弹，已拒绝读取`,
                  ),
              e,
            ),
          ),
        );
        stream.on("end", () => zip.readEntry());
      });
    });
    zip.on("end", () => resolve());
    zip.on("error", (e) =>
      fail(
        withCause(
          new DomainError(
            "invalid_archive",
            `${file} 不是有效的${what}（压缩包目录损坏），文件可能已损坏，${advice}`,
          ),
          e,
        ),
      ),
    );
    zip.readEntry();
  });
}
