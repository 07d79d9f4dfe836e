// Files a command writes for the user: never into the data folder, never over an existing file, never half-written.
// The content goes to a temporary file beside the target, which is linked into place only when complete.

import { access, link, unlink } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { DomainError } from "../domain/domain-error.ts";

export interface OutputFile {
  /** Where the content is written first. */
  readonly temp: string;
  /** Links the finished temporary file to the target (refusing to overwrite) and removes the temporary name. */
  place(): Promise<void>;
  /** Removes the temporary file, whatever happened. */
  discard(): Promise<void>;
}

export async function prepareOutputFile(target: string, dataDir: string): Promise<OutputFile> {
  const out = resolve(target);
  const insideData = relative(resolve(dataDir), out);
  if (!insideData.startsWith("..") && !isAbsolute(insideData)) {
    throw new DomainError("output_in_data_folder", `不能把文件写入数据目录（${dataDir}），请换一个位置`);
  }
  const exists = new DomainError("output_exists", `文件已存在：${target}，请换一个文件名或先删除`);
  if (
    await access(out).then(
      () => true,
      () => false,
    )
  )
    throw exists;
  try {
    await access(dirname(out));
  } catch {
    throw new DomainError("output_folder_missing", `输出目录不存在：${dirname(out)}`);
  }
  const temp = join(dirname(out), `.${basename(out)}.${process.pid}.partial`);
  return {
    temp,
    async place() {
      await link(temp, out).catch((e: unknown) => {
        throw (e as { code?: string }).code === "EEXIST" ? exists : e;
      });
      await unlink(temp).catch(() => undefined);
    },
    async discard() {
      await unlink(temp).catch(() => undefined);
    },
  };
}

/** Turns file-system refusals while writing the temporary file into messages a user can act on. */
export function explainWriteError(e: unknown, path: string): Error {
  const code = (e as { code?: string }).code;
  if (code === "ENOENT") return new DomainError("output_folder_missing", `输出目录不存在：${dirname(path)}`);
  if (code === "EACCES" || code === "EPERM" || code === "EROFS")
    return new DomainError("output_not_writable", `没有写入权限：${dirname(path)}`);
  return e instanceof Error ? e : new Error(String(e));
}
