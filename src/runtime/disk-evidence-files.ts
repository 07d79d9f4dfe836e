// Evidence content in a folder, addressed by sha-256: <root>/ab/cd/<sha256>. Content is streamed to a temp file in
// <root>/.incoming (same file system), hashed on the way, fsynced, then renamed into place, so a reader never sees
// a partial file. No path is ever built from anything but a checked hex digest.

import { createHash, randomBytes } from "node:crypto";
import { mkdir, open, readdir, rename, stat, unlink, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import type { EvidenceFiles, OpenedContent, StoredContent } from "../app/evidence-files.ts";
import { SHA256_HEX, uploadTooLarge } from "../domain/evidence-content.ts";

const INCOMING = ".incoming";

/** Where the content with this digest lives under `root` (the digest must already be checked). */
export const evidencePath = (root: string, sha256: string): string =>
  join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);

/** Evidence files under `root` (normally `<dataDir>/evidence`), created on first use. */
export function diskEvidenceFiles(root: string): EvidenceFiles & {
  /** Temp files of puts in progress or interrupted by a crash. */
  incoming(): Promise<string[]>;
  /**
   * Deletes temp files last written before `cutoffMs` (epoch ms): left by a crash mid-upload. Called at start with
   * a cutoff well in the past, so that uploads in progress on another node sharing the folder are left alone.
   */
  sweepIncoming(cutoffMs: number): Promise<number>;
} {
  const incomingDir = join(root, INCOMING);
  return {
    async put(source, limitBytes) {
      await mkdir(incomingDir, { recursive: true });
      const temp = join(incomingDir, `${randomBytes(12).toString("hex")}.part`);
      const hash = createHash("sha256");
      let size = 0;
      let handle: FileHandle | undefined = await open(temp, "wx", 0o640);
      try {
        for await (const chunk of source) {
          size += chunk.length;
          if (size > limitBytes) throw uploadTooLarge(limitBytes);
          hash.update(chunk);
          await handle.write(chunk);
        }
        await handle.sync();
        await handle.close();
        handle = undefined;
        const sha256 = hash.digest("hex");
        const target = evidencePath(root, sha256);
        if (await exists(target)) {
          await unlink(temp);
        } else {
          await mkdir(join(root, sha256.slice(0, 2), sha256.slice(2, 4)), { recursive: true });
          // Atomic; a concurrent put of the same content renames identical bytes over it, which is harmless.
          await rename(temp, target);
          await syncFolder(join(target, ".."));
        }
        return { sha256, size } satisfies StoredContent;
      } catch (e) {
        await handle?.close().catch(() => undefined);
        await unlink(temp).catch(() => undefined);
        throw e;
      }
    },

    async open(sha256) {
      if (!SHA256_HEX.test(sha256)) return undefined;
      let handle: FileHandle;
      try {
        handle = await open(evidencePath(root, sha256), "r");
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw e;
      }
      try {
        const info = await handle.stat();
        if (!info.isFile()) {
          await handle.close();
          return undefined;
        }
        const content = handle.createReadStream({ autoClose: true });
        return { content, size: info.size } satisfies OpenedContent;
      } catch (e) {
        await handle.close();
        throw e;
      }
    },

    async has(sha256) {
      return SHA256_HEX.test(sha256) && exists(evidencePath(root, sha256));
    },

    incoming,

    async sweepIncoming(cutoffMs) {
      let removed = 0;
      for (const path of await incoming()) {
        try {
          const info = await stat(path);
          if (!info.isFile() || info.mtimeMs >= cutoffMs) continue;
          await unlink(path);
          removed += 1;
        } catch (e) {
          // Finished (renamed) or removed by another node meanwhile.
          if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
        }
      }
      return removed;
    },
  };

  async function incoming(): Promise<string[]> {
    try {
      return (await readdir(incomingDir)).map((name) => join(incomingDir, name));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw e;
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw e;
  }
}

/** Makes a rename durable: fsync of the folder that holds the new name (a no-op where folders cannot be opened). */
async function syncFolder(folder: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(folder, "r");
    await handle.sync();
  } catch {
    // Not supported on every platform (Windows); the file itself was fsynced before the rename.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
