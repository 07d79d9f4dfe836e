// Evidence end to end on both databases: multipart uploads through readUploads into a real evidence folder (a
// test-only route plays the progress-report POST), rows through the store, and downloads over
// GET /api/v1/evidence/:id/content compared byte for byte; hostile names, renamed programs, limits, dedupe and scope.

import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, statSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { connect } from "node:net";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Document, Packer, Paragraph } from "docx";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import type { EvidenceDeps } from "../../src/app/evidence-files.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { callerOf } from "../../src/http/auth.ts";
import { readUploads, type UploadReadLimits } from "../../src/http/read-uploads.ts";
import { attachmentDisposition } from "../../src/http/routes/evidence.ts";
import { diskEvidenceFiles, evidencePath } from "../../src/runtime/disk-evidence-files.ts";
import { makeLedger } from "../support/ledger-builders.ts";
import { multipartBody, type MultipartPart } from "../support/multipart-body.ts";
import { testDatabases } from "../support/test-stores.ts";
import { openTestApp, signedInUser, type SignedInUser, type TestApp } from "./http-test-app.ts";

const LIMITS: UploadReadLimits = { fileBytes: 100_000, files: 3, totalBytes: 150_000 };

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const pdf = (text = "整改报告") =>
  Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.from(text), randomBytes(2000)]);
const png = () =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(3000)]);
const exe = () => Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), randomBytes(5000)]);

/** Every regular file under `dir`, relative. */
function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((p) => statSync(join(dir, p)).isFile())
      .sort();
  } catch {
    return [];
  }
}

describe.each(testDatabases)("evidence upload and download on $name", (database) => {
  let t: TestApp;
  let root: string;
  let deps: EvidenceDeps;
  let disk: ReturnType<typeof diskEvidenceFiles>;
  let measureA: string;
  let unitA: string;
  let unitB: string;
  let officeA: SignedInUser;

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), "zhenggai-evidence-http-"));
    disk = diskEvidenceFiles(root);
    t = await openTestApp(
      { uploadLimits: { fileBytes: LIMITS.fileBytes, files: LIMITS.files } },
      database,
      disk,
    );
    deps = t.deps;
    // Test-only stand-in for the progress-report POST: fields and files in, one report with its evidence out.
    t.app.post("/api/v1/test/measures/:id/progress-reports", async (request) => {
      const { id } = z.object({ id: z.string() }).parse(request.params);
      const caller = callerOf(request);
      const form = await readUploads(request, deps.files, { ...LIMITS, minFiles: 1 });
      const reportId = deps.ids.next("rpt");
      const at = deps.clock.now();
      const evidence = form.files.map((f) => ({
        id: deps.ids.next("evd"),
        progressReportId: reportId,
        ...f,
        uploadedBy: caller.user.id,
        uploadedAt: at,
      }));
      const report = {
        id: reportId,
        measureId: id,
        period: form.fields.period ?? "",
        text: form.fields.text ?? "",
        figures: [],
        authorId: null,
        createdAt: at,
      };
      await deps.store.transaction(async (tx) => {
        await tx.progress.insertReport(report, []);
        await tx.evidence.insertMany(evidence);
      });
      return { reportId, fields: form.fields, evidence };
    });
    const a = await createLedger(t.deps, SYSTEM_ACTOR, makeLedger());
    const b = await createLedger(t.deps, SYSTEM_ACTOR, makeLedger({ unitName: "市科协党组" }));
    unitA = a.unitId;
    unitB = b.unitId;
    measureA = (await t.deps.store.measures.listByInspection(SCOPE_ALL, a.inspectionId))[0]!.id;
    officeA = await signedInUser(t, "office.a", { role: "unit_office", orgId: unitA });
  });
  afterEach(async () => {
    await t.close();
    rmSync(root, { recursive: true, force: true });
  });

  const upload = (user: SignedInUser, parts: readonly MultipartPart[], measure = measureA) => {
    const { body, contentType } = multipartBody(parts);
    return t.app.inject({
      method: "POST",
      url: `/api/v1/test/measures/${measure}/progress-reports`,
      headers: { ...user.headers, "content-type": contentType },
      payload: body,
    });
  };
  const download = (id: string, cookie?: string) =>
    t.app.inject({
      method: "GET",
      url: `/api/v1/evidence/${id}/content`,
      headers: cookie === undefined ? {} : { cookie },
    });
  type Uploaded = {
    evidence: Array<{ id: string; name: string; sha256: string; mediaType: string; size: number }>;
  };

  it("stores uploaded files by content and streams the same bytes back with safe download headers", async () => {
    const report = pdf();
    const photo = png();
    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph("整改台账")] }] }),
    );
    const res = await upload(officeA, [
      { field: "period", value: "2021-06" },
      { field: "text", value: "已完成制度修订并组织培训" },
      // Claimed types are lies; the stored type is what the bytes are.
      { field: "files", filename: "第一季度整改报告.pdf", data: report, contentType: "text/html" },
      { field: "files", filename: "现场照片.pdf", data: photo, contentType: "application/pdf" },
      { field: "files", filename: "制度汇编", data: docx, contentType: "application/octet-stream" },
    ]);
    expect(res.statusCode).toBe(200);
    const body = res.json<Uploaded & { fields: Record<string, string> }>();
    expect(body.fields).toEqual({ period: "2021-06", text: "已完成制度修订并组织培训" });
    expect(body.evidence.map((e) => [e.name, e.mediaType, e.size, e.sha256])).toEqual([
      ["第一季度整改报告.pdf", "application/pdf", report.length, sha(report)],
      ["现场照片.pdf.png", "image/png", photo.length, sha(photo)],
      [
        "制度汇编.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        docx.length,
        sha(docx),
      ],
    ]);
    expect(filesUnder(root)).toEqual(
      [report, photo, docx].map((b) => evidencePath("", sha(b)).replace(/^\//, "")).sort(),
    );

    const [first, second] = body.evidence;
    const got = await download(first!.id, officeA.cookie);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(report)).toBe(true);
    expect(sha(got.rawPayload)).toBe(first!.sha256);
    expect(got.headers["content-type"]).toBe("application/pdf");
    expect(got.headers["content-length"]).toBe(String(report.length));
    expect(got.headers["x-content-type-options"]).toBe("nosniff");
    expect(got.headers["cache-control"]).toBe("private, no-store");
    expect(got.headers["content-disposition"]).toBe(
      `attachment; filename="________.pdf"; filename*=UTF-8''${encodeURIComponent("第一季度整改报告.pdf")}`,
    );
    const image = await download(second!.id, officeA.cookie);
    expect(image.headers["content-type"]).toBe("image/png");
    expect(image.rawPayload.equals(photo)).toBe(true);
    // The row records who uploaded it and when.
    expect(await t.deps.store.evidence.get(SCOPE_ALL, first!.id)).toMatchObject({
      uploadedBy: expect.stringMatching(/^usr/) as string,
      uploadedAt: t.deps.clock.now(),
      measureId: measureA,
    });
  });

  it("keeps only a safe base name of hostile file names and stores nothing outside the evidence folder", async () => {
    const names = ["../../etc/passwd", "..\\x", "evil\u0000name.pdf", `${"长".repeat(300)}.pdf`, ".."];
    const res = await upload(
      officeA,
      names.slice(0, 3).map((filename, i) => ({ field: "files", filename, data: pdf(`n${i}`) })),
    );
    expect(res.statusCode).toBe(200);
    const more = await upload(
      officeA,
      names.slice(3).map((filename, i) => ({ field: "files", filename, data: pdf(`m${i}`) })),
    );
    expect(more.statusCode).toBe(200);
    const stored = [...res.json<Uploaded>().evidence, ...more.json<Uploaded>().evidence].map((e) => e.name);
    expect(stored[0]).toBe("passwd.pdf");
    expect(stored[1]).toBe("x.pdf");
    expect(stored[2]).toMatch(/^evil.*name\.pdf$/);
    expect(stored[2]).not.toContain("\u0000");
    expect([...stored[3]!]).toHaveLength(120);
    expect(stored[3]!.endsWith(".pdf")).toBe(true);
    expect(stored[4]).toBe("未命名文件.pdf");
    for (const name of stored) {
      expect(name).not.toMatch(/[/\\]|\.\./);
      expect(name).not.toContain("\u0000");
    }
    expect(filesUnder(root).every((p) => /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(p))).toBe(true);
    expect(filesUnder(root)).toHaveLength(5);
  });

  it("refuses a program renamed to .pdf with 415, naming the file, and keeps nothing", async () => {
    const res = await upload(officeA, [
      { field: "files", filename: "整改报告.pdf", data: pdf() },
      { field: "files", filename: "报告正文.pdf", data: exe(), contentType: "application/pdf" },
    ]);
    expect(res.statusCode).toBe(415);
    const { error } = res.json<{ error: { code: string; message: string } }>();
    expect(error.code).toBe("upload_type_not_allowed");
    expect(error.message).toContain("“报告正文.pdf”");
    expect(await t.deps.store.progress.listByMeasure(SCOPE_ALL, measureA)).toEqual([]);
    // The refused file left no trace; the one before it is content without a row (swept later, docs/evidence.md).
    expect(filesUnder(root)).toHaveLength(1);
    expect(await deps.files.has(sha(exe()))).toBe(false);
  });

  it.each([
    [
      "a file over the per-file limit",
      [{ field: "files", filename: "大文件.pdf", data: pdf("x".repeat(120_000)) }],
    ],
    [
      "files over the per-request total",
      [
        { field: "files", filename: "一.pdf", data: pdf("a".repeat(80_000)) },
        { field: "files", filename: "二.pdf", data: pdf("b".repeat(80_000)) },
      ],
    ],
  ])("refuses %s with 413 and leaves no temp file", async (_what, parts) => {
    const res = await upload(officeA, parts);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: { code: "upload_too_large" } });
    expect(await disk.incoming()).toEqual([]);
    // Only a first file that fitted may remain, never the refused one.
    expect(filesUnder(root).filter((p) => !p.startsWith(".incoming")).length).toBeLessThanOrEqual(1);
    for (const part of parts.slice(-1)) expect(await deps.files.has(sha(part.data))).toBe(false);
    expect(await t.deps.store.progress.listByMeasure(SCOPE_ALL, measureA)).toEqual([]);
  });

  it("refuses more files than allowed, a form without a file, and a body that is not multipart", async () => {
    const many = await upload(
      officeA,
      [1, 2, 3, 4].map((n) => ({ field: "files", filename: `${n}.pdf`, data: pdf(String(n)) })),
    );
    expect(many.statusCode).toBe(413);
    expect(many.json()).toMatchObject({ error: { code: "upload_too_many_files" } });
    const none = await upload(officeA, [{ field: "text", value: "只有文字" }]);
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({
      error: { code: "upload_missing_file", message: expect.stringMatching(/佐证材料/) as string },
    });
    const json = await t.app.inject({
      method: "POST",
      url: `/api/v1/test/measures/${measureA}/progress-reports`,
      headers: officeA.headers,
      payload: { text: "x" },
    });
    expect(json.statusCode).toBe(415);
    expect(json.json()).toMatchObject({ error: { code: "upload_not_multipart" } });
  });

  it("stores the same content once when it is uploaded twice", async () => {
    const same = pdf();
    const first = await upload(officeA, [{ field: "files", filename: "一.pdf", data: same }]);
    const second = await upload(officeA, [{ field: "files", filename: "二.pdf", data: same }]);
    const [a, b] = [first.json<Uploaded>().evidence[0]!, second.json<Uploaded>().evidence[0]!];
    expect(a.id).not.toBe(b.id);
    expect(a.sha256).toBe(b.sha256);
    expect(filesUnder(root)).toEqual([evidencePath("", sha(same)).replace(/^\//, "")]);
    expect((await download(b.id, officeA.cookie)).rawPayload.equals(same)).toBe(true);
  });

  it("answers 404 to a caller of another unit, 401 when signed out, 404 for an unknown id", async () => {
    const res = await upload(officeA, [{ field: "files", filename: "a.pdf", data: pdf() }]);
    const id = res.json<Uploaded>().evidence[0]!.id;
    const officeB = await signedInUser(t, "office.b", { role: "unit_office", orgId: unitB });
    const refused = await download(id, officeB.cookie);
    expect(refused.statusCode).toBe(404);
    expect(refused.json()).toEqual({
      error: { code: "evidence_not_found", message: "未找到该佐证材料（或无权查看）" },
    });
    expect((await download("evd-nope", officeA.cookie)).statusCode).toBe(404);
    expect((await download(id)).statusCode).toBe(401);
    const admin = await signedInUser(t, "root", { role: "admin", orgId: null });
    expect((await download(id, admin.cookie)).statusCode).toBe(200);
  });

  it("answers 410 when the row exists but its content has gone from the folder", async () => {
    const data = pdf();
    const res = await upload(officeA, [{ field: "files", filename: "丢失.pdf", data }]);
    unlinkSync(evidencePath(root, sha(data)));
    const got = await download(res.json<Uploaded>().evidence[0]!.id, officeA.cookie);
    expect(got.statusCode).toBe(410);
    expect(got.json()).toMatchObject({ error: { code: "evidence_content_missing" } });
  });

  it("answers HEAD with the download headers and no body", async () => {
    const data = pdf();
    const res = await upload(officeA, [{ field: "files", filename: "a.pdf", data }]);
    const head = await t.app.inject({
      method: "HEAD",
      url: `/api/v1/evidence/${res.json<Uploaded>().evidence[0]!.id}/content`,
      headers: { cookie: officeA.cookie },
    });
    expect(head.statusCode).toBe(200);
    expect(head.headers["content-length"]).toBe(String(data.length));
    expect(head.headers["content-type"]).toBe("application/pdf");
    expect(head.rawPayload.length).toBe(0);
  });

  it("keeps no temp file and no row when the client goes away in the middle of a file", async () => {
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const port = (t.app.server.address() as { port: number }).port;
    const boundary = "----zgcut";
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="半截.pdf"\r\n` +
        `Content-Type: application/pdf\r\n\r\n`,
    );
    const socket = connect({ port, host: "127.0.0.1" });
    await new Promise<void>((resolve) => socket.on("connect", resolve));
    socket.write(
      `POST /api/v1/test/measures/${measureA}/progress-reports HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
        `Cookie: ${officeA.cookie}\r\nX-CSRF-Token: ${officeA.csrfToken}\r\n` +
        `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: 90000\r\n\r\n`,
    );
    socket.write(Buffer.concat([head, pdf("z".repeat(30_000))]));
    // Wait until the upload has begun on the server (a temp file exists), then go away.
    for (let i = 0; i < 200 && (await disk.incoming()).length === 0; i++) await sleep(10);
    expect(await disk.incoming()).toHaveLength(1);
    socket.destroy();
    for (let i = 0; i < 200 && (await disk.incoming()).length > 0; i++) await sleep(10);
    expect(await disk.incoming()).toEqual([]);
    expect(filesUnder(root)).toEqual([]);
    expect(await t.deps.store.progress.listByMeasure(SCOPE_ALL, measureA)).toEqual([]);
  });

  it("uploads and downloads over a listening server with fetch and FormData", async () => {
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const address = t.app.server.address();
    const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    const data = pdf("y".repeat(90_000));
    const form = new FormData();
    form.append("period", "2021-06");
    form.append("files", new Blob([data], { type: "image/png" }), "线上上传.pdf");
    const posted = await fetch(`${base}/api/v1/test/measures/${measureA}/progress-reports`, {
      method: "POST",
      headers: officeA.headers,
      body: form,
    });
    expect(posted.status).toBe(200);
    const [stored] = ((await posted.json()) as Uploaded).evidence;
    expect(stored?.name).toBe("线上上传.pdf");
    const got = await fetch(`${base}/api/v1/evidence/${stored!.id}/content`, {
      headers: { cookie: officeA.cookie },
    });
    expect(got.status).toBe(200);
    const bytes = Buffer.from(await got.arrayBuffer());
    expect(sha(bytes)).toBe(sha(data));
    expect(got.headers.get("content-type")).toBe("application/pdf");
    // fetch keeps its connections alive; close them so that the app can close.
    t.app.server.closeAllConnections();
  });
});

describe("attachmentDisposition", () => {
  it("gives an ASCII fallback without quotes or separators and the exact name as filename*", () => {
    expect(attachmentDisposition('报告 "终稿"; v2%.pdf')).toBe(
      `attachment; filename="__ _____ v2_.pdf"; filename*=UTF-8''%E6%8A%A5%E5%91%8A%20%22%E7%BB%88%E7%A8%BF%22%3B%20v2%25.pdf`,
    );
    expect(attachmentDisposition("it's (1).pdf")).toBe(
      `attachment; filename="it's (1).pdf"; filename*=UTF-8''it%27s%20%281%29.pdf`,
    );
  });
});
