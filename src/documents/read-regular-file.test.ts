import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { explainOpenError, openRegularFile, readRegularFile } from "./read-regular-file.ts";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "regular-file-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
const at = (name: string): string => join(dir, name);
const MB = 1024 * 1024;

describe("readRegularFile", () => {
  it("reads a regular file, also through a symbolic link", async () => {
    await writeFile(at("a.txt"), "整改");
    await symlink(at("a.txt"), at("link.txt"));
    expect((await readRegularFile(at("a.txt"), MB)).toString("utf8")).toBe("整改");
    expect((await readRegularFile(at("link.txt"), MB)).toString("utf8")).toBe("整改");
  });

  it("refuses a link to a device at once, without reading it", async () => {
    await symlink("/dev/zero", at("zero.txt"));
    const started = performance.now();
    await expect(readRegularFile(at("zero.txt"), 20 * MB)).rejects.toMatchObject({
      code: "not_regular_file",
      message: expect.stringContaining("不是普通文件") as string,
    });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("refuses a named pipe without waiting for a writer", async () => {
    execFileSync("mkfifo", [at("pipe.txt")]);
    await expect(readRegularFile(at("pipe.txt"), MB)).rejects.toMatchObject({ code: "not_regular_file" });
    await expect(openRegularFile(at("pipe.txt"))).rejects.toMatchObject({ code: "not_regular_file" });
  });

  it("says in Chinese that a folder is not a file", async () => {
    await mkdir(at("folder.txt"));
    await expect(readRegularFile(at("folder.txt"), MB)).rejects.toMatchObject({
      code: "not_a_file",
      message: `${at("folder.txt")} 是文件夹，不是文件，请指定要导入的文件`,
    });
  });

  it("names a missing file, a dangling link and a path through a file as not found", async () => {
    await symlink(at("gone.txt"), at("dangling.txt"));
    await writeFile(at("plain"), "x");
    for (const path of [at("missing.txt"), at("dangling.txt"), join(at("plain"), "x.txt")]) {
      await expect(readRegularFile(path, MB)).rejects.toMatchObject({
        code: "file_not_found",
        message: `找不到文件：${path}`,
      });
    }
  });

  it("bounds the bytes it reads, whatever the size the file system reported", async () => {
    // /proc files are regular files that report size 0: only the bytes read can tell how large they are.
    await expect(readRegularFile("/proc/self/status", 16)).rejects.toMatchObject({
      code: "file_too_large",
    });
    expect((await readRegularFile("/proc/self/status", MB)).toString("utf8")).toContain("Name:");
  });

  it("refuses a file over the limit from its size, with the limit in the message", async () => {
    await writeFile(at("big.txt"), Buffer.alloc(2 * MB + 1));
    await expect(readRegularFile(at("big.txt"), 2 * MB)).rejects.toMatchObject({
      code: "file_too_large",
      message: `文件超过 2 MB，未读取：${at("big.txt")}`,
    });
  });

  it("keeps the system error as the cause but never in the message", () => {
    const denied = explainOpenError(
      Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" }),
      "x.txt",
    );
    expect(denied).toMatchObject({
      code: "file_not_readable",
      message: "没有读取权限：x.txt，请检查文件权限",
    });
    expect((denied.cause as Error).message).toContain("EACCES");
    const loop = explainOpenError(Object.assign(new Error("ELOOP"), { code: "ELOOP" }), "y.txt");
    expect(loop).toMatchObject({ code: "file_unreadable" });
    expect(loop.message).not.toContain("ELOOP");
  });
});
