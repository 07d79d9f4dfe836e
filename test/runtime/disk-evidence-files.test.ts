// The disk store of evidence content on a real temp folder: content addressing, dedupe, limits and clean-up.

import { createHash, randomBytes } from "node:crypto";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { diskEvidenceFiles, evidencePath } from "../../src/runtime/disk-evidence-files.ts";

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/** Every regular file under `dir`, relative. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((p) => statSync(join(dir, p)).isFile())
    .sort();
}

function* chunks(data: Buffer, size = 1000): Generator<Uint8Array> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

describe("diskEvidenceFiles", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "zhenggai-evidence-"));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("stores content under ab/cd/<sha256> and reads the same bytes back", async () => {
    const files = diskEvidenceFiles(root);
    const data = randomBytes(123_457);
    const stored = await files.put(chunks(data), 1_000_000);
    expect(stored).toEqual({ sha256: sha(data), size: data.length });
    const path = evidencePath(root, stored.sha256);
    expect(relative(root, path)).toBe(
      join(stored.sha256.slice(0, 2), stored.sha256.slice(2, 4), stored.sha256),
    );
    expect(readFileSync(path).equals(data)).toBe(true);
    expect(await files.has(stored.sha256)).toBe(true);
    const opened = await files.open(stored.sha256);
    expect(opened?.size).toBe(data.length);
    expect((await readAll(opened!.content)).equals(data)).toBe(true);
    expect(await files.incoming()).toEqual([]);
  });

  it("stores the same content once, also when it arrives twice at the same time", async () => {
    const files = diskEvidenceFiles(root);
    const data = randomBytes(50_000);
    const results = await Promise.all([
      files.put(chunks(data), 100_000),
      files.put(chunks(data, 777), 100_000),
      files.put(Readable.from([data]), 100_000),
    ]);
    expect(new Set(results.map((r) => r.sha256))).toEqual(new Set([sha(data)]));
    expect(filesUnder(root)).toEqual([relative(root, evidencePath(root, sha(data)))]);
  });

  it("refuses content over the limit while streaming and leaves no file behind", async () => {
    const files = diskEvidenceFiles(root);
    let pulled = 0;
    function* endless(): Generator<Uint8Array> {
      for (;;) {
        pulled += 1;
        yield Buffer.alloc(1000, 7);
      }
    }
    await expect(files.put(endless(), 10_000)).rejects.toMatchObject({ code: "upload_too_large" });
    expect(pulled).toBe(11);
    expect(filesUnder(root)).toEqual([]);
    // Exactly at the limit is fine.
    await files.put(chunks(Buffer.alloc(10_000, 1)), 10_000);
    expect(filesUnder(root)).toHaveLength(1);
  });

  it("drops the temp file when the source fails half way", async () => {
    const files = diskEvidenceFiles(root);
    function* broken(): Generator<Uint8Array> {
      yield Buffer.alloc(5000, 1);
      throw new Error("client went away");
    }
    await expect(files.put(broken(), 1_000_000)).rejects.toThrow("client went away");
    expect(filesUnder(root)).toEqual([]);
  });

  it("opens nothing for a digest that is not a lower-case sha-256, whatever the path it spells", async () => {
    const files = diskEvidenceFiles(root);
    const stored = await files.put(chunks(Buffer.from("%PDF-1.4 test")), 1000);
    for (const bad of [
      "../../etc/passwd",
      `${stored.sha256.slice(0, 62)}/.`,
      stored.sha256.toUpperCase(),
      "",
    ]) {
      expect(await files.open(bad)).toBeUndefined();
      expect(await files.has(bad)).toBe(false);
    }
    expect(await files.open("0".repeat(64))).toBeUndefined();
  });

  it("sweeps temp files a crash left behind, but not recent ones", async () => {
    const files = diskEvidenceFiles(root);
    const stored = await files.put(chunks(Buffer.from("%PDF-1.4 kept")), 1000);
    mkdirSync(join(root, ".incoming"), { recursive: true });
    const old = join(root, ".incoming", "old.part");
    const fresh = join(root, ".incoming", "fresh.part");
    writeFileSync(old, "half an upload");
    writeFileSync(fresh, "an upload in progress");
    utimesSync(old, new Date("2021-06-01T00:00:00Z"), new Date("2021-06-01T00:00:00Z"));
    expect(await files.sweepIncoming(Date.parse("2021-06-02T00:00:00Z"))).toBe(1);
    expect(await files.incoming()).toEqual([fresh]);
    expect(await files.has(stored.sha256)).toBe(true);
  });
});
