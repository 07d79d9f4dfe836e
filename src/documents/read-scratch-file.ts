// Bytes written to a private temporary file for the duration of a read, for readers that take a path (the workbook
// reader). The folder is made for this one file (mode 700) and removed afterwards, whatever the read did.

import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export async function readScratchFile<T>(
  bytes: Uint8Array,
  fileName: string,
  read: (path: string) => Promise<T>,
  dir: string = tmpdir(),
): Promise<T> {
  const folder = await mkdtemp(join(dir, "zhenggai-read-"));
  try {
    const path = join(folder, fileName);
    await writeFile(path, bytes, { mode: 0o600 });
    return await read(path);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
