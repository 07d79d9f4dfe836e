// Evidence upload and download through a listening server (SQLite): a file of N MiB sent as a streamed multipart
// body, stored through readUploads, then downloaded and hashed. Reports wall times and the process's peak RSS growth,
// which stays far below the file size when nothing is buffered whole.
// `node --import tsx bench/evidence-bench.ts [MiB=20] [runs=5]`

import { createHash } from "node:crypto";
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { createLedger } from "../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../src/app/deps.ts";
import { SCOPE_ALL } from "../src/domain/scope.ts";
import { callerOf } from "../src/http/auth.ts";
import { readUploads } from "../src/http/read-uploads.ts";
import { diskEvidenceFiles } from "../src/runtime/disk-evidence-files.ts";
import { makeLedger } from "../test/support/ledger-builders.ts";
import { openTestApp, signedInUser } from "../test/http/http-test-app.ts";

export async function runEvidenceBench(args: readonly string[]): Promise<number> {
  const mib = Number(args[0] ?? 20);
  const runs = Number(args[1] ?? 5);
  const bytes = mib * 1024 * 1024;
  const root = mkdtempSync(join(tmpdir(), "zhenggai-evidence-bench-"));
  const files = diskEvidenceFiles(join(root, "evidence"));
  const t = await openTestApp({ uploadLimits: { fileBytes: bytes, files: 1 } }, undefined, files);
  const deps = t.deps;
  t.app.post("/bench/upload/:id", async (req) => {
    const form = await readUploads(req, files, {
      fileBytes: bytes,
      files: 1,
      totalBytes: bytes,
      minFiles: 1,
    });
    const reportId = deps.ids.next("rpt");
    const at = deps.clock.now();
    const report = {
      id: reportId,
      measureId: (req.params as { id: string }).id,
      period: "2021-06",
      text: "x",
      figures: [],
      authorId: null,
      createdAt: at,
    };
    const rows = form.files.map((f) => ({
      id: deps.ids.next("evd"),
      progressReportId: reportId,
      ...f,
      uploadedBy: callerOf(req).user.id,
      uploadedAt: at,
    }));
    await deps.store.transaction(async (tx) => {
      await tx.progress.insertReport(report, []);
      await tx.evidence.insertMany(rows);
    });
    return { id: rows[0]?.id };
  });
  const ledger = await createLedger(t.deps, SYSTEM_ACTOR, makeLedger());
  const measureId = (await t.deps.store.measures.listByInspection(SCOPE_ALL, ledger.inspectionId))[0]!.id;
  const user = await signedInUser(t, "bench", { role: "unit_office", orgId: ledger.unitId });
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  const port = (t.app.server.address() as { port: number }).port;

  const uploads: number[] = [];
  const downloads: number[] = [];
  let peak = 0;
  const baseline = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss - baseline)), 2);
  try {
    for (let run = 0; run < runs; run++) {
      const source = join(root, `source-${run}.pdf`);
      // A fresh file each run (dedupe would skip the write otherwise), made in 1 MiB pieces.
      writeFileSync(source, Buffer.from("%PDF-1.7\n"));
      for (let i = 0; i < mib; i++)
        writeFileSync(source, randomBytes(1024 * 1024 - (i === 0 ? 9 : 0)), { flag: "a" });
      const expected = createHash("sha256");
      for await (const c of createReadStream(source)) expected.update(c as Buffer);
      const digest = expected.digest("hex");

      let started = performance.now();
      const id = await upload(port, measureId, user.headers, source);
      uploads.push(performance.now() - started);
      started = performance.now();
      const got = await download(port, id, user.cookie);
      downloads.push(performance.now() - started);
      if (got !== digest) throw new Error("downloaded bytes differ");
      rmSync(source);
    }
  } finally {
    clearInterval(sampler);
    t.app.server.closeAllConnections();
    await t.close();
    rmSync(root, { recursive: true, force: true });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(0);
  console.log(
    `evidence ${mib} MiB × ${runs} (SQLite, listening server): upload median ${median(uploads)} ms ` +
      `[${uploads.map((x) => x.toFixed(0)).join(", ")}], download+sha256 median ${median(downloads)} ms ` +
      `[${downloads.map((x) => x.toFixed(0)).join(", ")}], peak RSS growth ${(peak / 1024 / 1024).toFixed(1)} MiB`,
  );
  return 0;
}

function upload(
  port: number,
  measureId: string,
  headers: Readonly<Record<string, string>>,
  path: string,
): Promise<string> {
  const boundary = "----zgbench";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="整改报告.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        port,
        host: "127.0.0.1",
        method: "POST",
        path: `/bench/upload/${measureId}`,
        headers: { ...headers, "content-type": `multipart/form-data; boundary=${boundary}` },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on("data", (c: Buffer) => parts.push(c));
        res.on("end", () => {
          const body = Buffer.concat(parts).toString("utf8");
          if (res.statusCode !== 200) return reject(new Error(`upload answered ${res.statusCode}: ${body}`));
          resolve((JSON.parse(body) as { id: string }).id);
        });
      },
    );
    req.on("error", reject);
    req.write(head);
    const file = createReadStream(path);
    file.on("error", reject);
    file.on("end", () => req.end(tail));
    file.pipe(req, { end: false });
  });
}

function download(port: number, id: string, cookie: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      { port, host: "127.0.0.1", path: `/api/v1/evidence/${id}/content`, headers: { cookie } },
      (res) => {
        const hash = createHash("sha256");
        res.on("data", (c: Buffer) => hash.update(c));
        res.on("end", () =>
          res.statusCode === 200
            ? resolve(hash.digest("hex"))
            : reject(new Error(`download ${res.statusCode}`)),
        );
      },
    );
    req.on("error", reject);
    req.end();
  });
}

if (import.meta.url === `file://${process.argv[1]}`)
  process.exitCode = await runEvidenceBench(process.argv.slice(2));
