// Files a command writes for the user: never into a folder the store uses, never over an existing file or link,
// never half-written. The content goes to a temporary file beside the target, linked into place when complete.

import { link, lstat, realpath, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { DomainError } from "../domain/domain-error.ts";

export interface OutputFile {
  /** Where the content is written first. */
  readonly temp: string;
  /** Writes the whole content to `temp` (never over an existing file), a failure explained in Chinese. */
  write(content: Uint8Array): Promise<void>;
  /** Links the finished temporary file to the target (refusing to overwrite) and removes the temporary name. */
  place(): Promise<void>;
  /** Removes the temporary file, whatever happened. */
  discard(): Promise<void>;
}

const exists = (path: string): Promise<boolean> =>
  lstat(path).then(
    () => true,
    () => false,
  );

/**
 * The path with every link resolved: the real path of its nearest existing ancestor, then the components that
 * do not exist yet (so a folder that will be created is compared where it will be).
 */
async function realLocation(path: string): Promise<string> {
  const missing: string[] = [];
  let at = resolve(path);
  for (;;) {
    try {
      return join(await realpath(at), ...missing.reverse());
    } catch {
      const parent = dirname(at);
      if (parent === at) return resolve(path);
      missing.push(basename(at));
      at = parent;
    }
  }
}

const isInside = (folder: string, path: string): boolean => {
  const rel = relative(folder, path);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
};

/** Refuses a target whose folder is, or lies inside, one of `protectedFolders` once links are resolved. */
async function refuseProtected(out: string, protectedFolders: readonly string[]): Promise<void> {
  const folder = await realLocation(dirname(out));
  for (const guarded of protectedFolders) {
    if (isInside(await realLocation(guarded), folder))
      throw new DomainError("output_in_data_folder", `不能把文件写入数据目录（${guarded}），请换一个位置`);
  }
}

/** `protectedFolders`: see protected-folders.ts. */
export async function prepareOutputFile(
  target: string,
  protectedFolders: readonly string[],
): Promise<OutputFile> {
  const out = resolve(target);
  await refuseProtected(out, protectedFolders);
  const taken = new DomainError("output_exists", `文件已存在：${target}，请换一个文件名或先删除`);
  // lstat, not access: a link at the target, even a dangling one, is never followed or replaced.
  if (await exists(out)) throw taken;
  const folder = await stat(dirname(out)).catch(() => undefined);
  if (!folder?.isDirectory())
    throw new DomainError("output_folder_missing", `输出目录不存在：${dirname(out)}`);
  const temp = join(dirname(out), `.${basename(out)}.${process.pid}.partial`);
  return {
    temp,
    async write(content) {
      try {
        await writeFile(temp, content, { flag: "wx" });
      } catch (e) {
        throw explainWriteError(e, temp);
      }
    },
    async place() {
      // The folder may have been swapped for a link while the content was written: look again.
      await refuseProtected(out, protectedFolders);
      await link(temp, out).catch((e: unknown) => {
        throw (e as { code?: string }).code === "EEXIST" ? taken : e;
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
