// Reads a password from a file the operator names (--password-file): a regular file, small, one trailing newline dropped.
// The password never appears in a message.

import { readFile, stat } from "node:fs/promises";
import { DomainError } from "../domain/domain-error.ts";

const MAX_BYTES = 1024;

export async function readPasswordFile(path: string): Promise<string> {
  let text: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new DomainError("invalid_input", `--password-file 不是普通文件：${path}`);
    if (info.size > MAX_BYTES) {
      throw new DomainError(
        "invalid_input",
        `--password-file 文件过大（密码文件不超过 ${MAX_BYTES} 字节）：${path}`,
      );
    }
    text = await readFile(path, "utf8");
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw new DomainError("invalid_input", `无法读取 --password-file 指定的文件：${path}`);
  }
  const password = text.replace(/\r?\n$/, "");
  if (password === "") throw new DomainError("invalid_input", `--password-file 指定的文件是空的：${path}`);
  return password;
}
