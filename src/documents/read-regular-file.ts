// Opens files the user names for import (notices, ledgers): regular files only, bytes read bounded by a limit.
// Devices, pipes, sockets and folders are refused before a byte is read; every failure is a Chinese DomainError.

import { constants } from "node:fs";
import { open, stat, type FileHandle } from "node:fs/promises";
import { DomainError } from "../domain/domain-error.ts";
import { withCause } from "./with-cause.ts";

export interface RegularFile {
  readonly handle: FileHandle;
  /** Size reported when it was opened; the file may still grow, so readers bound what they read themselves. */
  readonly size: number;
}

/** A file-system refusal in words a user can act on; the system error is kept as `cause` for the log. */
export function explainOpenError(e: unknown, path: string): DomainError {
  switch ((e as { code?: string }).code) {
    case "ENOENT":
    case "ENOTDIR":
      return withCause(new DomainError("file_not_found", `找不到文件：${path}`), e);
    case "EISDIR":
      return withCause(notAFile(path), e);
    case "EACCES":
    case "EPERM":
      return withCause(new DomainError("file_not_readable", `没有读取权限：${path}，请检查文件权限`), e);
    default:
      return withCause(
        new DomainError("file_unreadable", `无法读取文件：${path}，请确认文件完好后重新导入`),
        e,
      );
  }
}

const notAFile = (path: string): DomainError =>
  new DomainError("not_a_file", `${path} 是文件夹，不是文件，请指定要导入的文件`);

function checkKind(info: { isFile(): boolean; isDirectory(): boolean }, path: string): void {
  if (info.isFile()) return;
  if (info.isDirectory()) throw notAFile(path);
  throw new DomainError(
    "not_regular_file",
    `${path} 不是普通文件（可能是设备、管道或套接字），未读取；请指定保存在磁盘上的文件`,
  );
}

const tooLarge = (path: string, maxBytes: number): DomainError =>
  new DomainError("file_too_large", `文件超过 ${Math.round(maxBytes / 1024 / 1024)} MB，未读取：${path}`);

/**
 * Opens `path` (symbolic links followed) when it is a regular file; the caller closes the handle. The kind is
 * checked before opening, so a device is never opened, and again on the opened handle, in case the path was
 * swapped in between; O_NONBLOCK keeps the open of a swapped-in pipe from waiting for a writer.
 */
export async function openRegularFile(path: string): Promise<RegularFile> {
  checkKind(
    await stat(path).catch((e: unknown) => {
      throw explainOpenError(e, path);
    }),
    path,
  );
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY).catch(
    (e: unknown) => {
      throw explainOpenError(e, path);
    },
  );
  try {
    const info = await handle.stat();
    checkKind(info, path);
    return { handle, size: info.size };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

/**
 * Reads a whole regular file of at most `maxBytes`: refused from its reported size before reading, and
 * again if more bytes arrive than the limit (a file may grow after it was measured, or report no size).
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<Buffer> {
  const { handle, size } = await openRegularFile(path);
  try {
    if (size > maxBytes) throw tooLarge(path, maxBytes);
    // One byte more than the limit tells a file that grew past it from one that ends exactly there.
    const buffer = Buffer.alloc(Math.min(Math.max(size, 64 * 1024), maxBytes) + 1);
    let filled = 0;
    let current = buffer;
    for (;;) {
      if (filled === current.length) {
        if (filled > maxBytes) throw tooLarge(path, maxBytes);
        const larger = Buffer.alloc(Math.min(current.length * 2, maxBytes + 1));
        current.copy(larger, 0, 0, filled);
        current = larger;
      }
      const { bytesRead } = await handle
        .read(current, filled, current.length - filled, filled)
        .catch((e: unknown) => {
          throw explainOpenError(e, path);
        });
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > maxBytes) throw tooLarge(path, maxBytes);
    return current.subarray(0, filled);
  } finally {
    await handle.close();
  }
}
