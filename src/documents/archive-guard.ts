// Zip-bomb guard for uploaded Office files: checks the declared sizes, then inflates every entry once and counts
// the bytes that really come out, so a file whose headers lie is refused before any library unpacks it.

import { fromBuffer, type Entry, type ZipFile } from "yauzl";
import { DomainError } from "../domain/domain-error.ts";

export interface ArchiveLimits {
  /** All entries together may not inflate past this many bytes. */
  readonly maxUncompressedBytes: number;
  /** An entry larger than `ratioExemptBytes` may not grow more than this many times. */
  readonly maxRatio: number;
  /** Small, very repetitive XML parts are harmless whatever their ratio. */
  readonly ratioExemptBytes: number;
  readonly maxEntries: number;
}

/** `what` names the file type in messages ("文档", "表格"). */
export async function guardArchive(bytes: Buffer, limits: ArchiveLimits, what: string): Promise<void> {
  const zip = await new Promise<ZipFile>((resolve, reject) => {
    // validateEntrySizes makes yauzl fail the stream as soon as an entry inflates past its declared size.
    fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (err, z) => {
      if (err) reject(new DomainError("invalid_archive", `文件不是有效的${what}（无法读取压缩包目录）`));
      else resolve(z);
    });
  });
  const tooLarge = new DomainError(
    "archive_too_large",
    `${what}解压后将超过 ${Math.round(limits.maxUncompressedBytes / 1024 / 1024)} MB，已拒绝读取`,
  );
  let declared = 0;
  let inflated = 0;
  let entries = 0;
  await new Promise<void>((resolve, reject) => {
    const fail = (e: DomainError): void => {
      zip.close();
      reject(e);
    };
    zip.on("entry", (entry: Entry) => {
      entries += 1;
      declared += entry.uncompressedSize;
      if (entries > limits.maxEntries)
        return fail(new DomainError("archive_too_many_entries", `${what}中的文件过多，已拒绝读取`));
      if (declared > limits.maxUncompressedBytes) return fail(tooLarge);
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (entry.uncompressedSize > limits.ratioExemptBytes && ratio > limits.maxRatio) {
        return fail(
          new DomainError(
            "archive_ratio_too_high",
            `${what}中的内容压缩比异常（超过 ${limits.maxRatio} 倍），疑似压缩炸弹，已拒绝读取`,
          ),
        );
      }
      if (entry.fileName.endsWith("/")) return zip.readEntry();
      zip.openReadStream(entry, (err, stream) => {
        if (err)
          return fail(new DomainError("invalid_archive", `${what}已损坏（${entry.fileName} 无法解压）`));
        stream.on("data", (chunk: Buffer) => {
          inflated += chunk.length;
          if (inflated > limits.maxUncompressedBytes) {
            stream.destroy();
            fail(tooLarge);
          }
        });
        stream.on("error", () =>
          fail(
            new DomainError(
              "archive_size_mismatch",
              `${what}中 ${entry.fileName} 的实际大小与声明不符，疑似压缩炸弹，已拒绝读取`,
            ),
          ),
        );
        stream.on("end", () => zip.readEntry());
      });
    });
    zip.on("end", () => resolve());
    zip.on("error", () =>
      fail(new DomainError("invalid_archive", `文件不是有效的${what}（压缩包目录损坏）`)),
    );
    zip.readEntry();
  });
}
