import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { libreOfficePdf } from "./libreoffice-pdf.ts";

// Fake soffice scripts stand in for LibreOffice: they see the same arguments and environment.
const dir = mkdtempSync(join(tmpdir(), "zhenggai-fake-soffice-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fake soffice: logs its start/end and arguments, runs `body`, then writes <outdir>/notice.pdf unless told not to. */
function fakeSoffice(name: string, body = "", writePdf = true): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    `#!/bin/sh
log="${dir}/${name}.log"
echo "start $$ $HOME $FONTCONFIG_FILE" >> "$log"
for a in "$@"; do last="$a"; case "$prev" in --outdir) out="$a";; esac; prev="$a"; done
echo "input $last" >> "$log"
${body}
${writePdf ? `printf '%%PDF-1.7 from %s' "$(cat "$last")" > "$out/notice.pdf"` : ""}
echo "end $$" >> "$log"
`,
  );
  chmodSync(file, 0o755);
  return file;
}

const log = (name: string) =>
  readFileSync(join(dir, `${name}.log`), "utf8")
    .trim()
    .split("\n");
const workDirs = () => readdirSync(tmpdir()).filter((f) => f.startsWith("zhenggai-pdf-"));

describe("libreOfficePdf", () => {
  it("converts through soffice with its own profile and our fontconfig, and removes its temp files", async () => {
    const before = workDirs();
    const pdf = libreOfficePdf({ binary: fakeSoffice("ok"), fontConfigFile: "/x/fonts.conf" });
    const out = await pdf(new TextEncoder().encode("DOCX"));
    expect(new TextDecoder().decode(out)).toBe("%PDF-1.7 from DOCX");
    const [start] = log("ok");
    const [, , home, fonts] = start!.split(" ");
    expect(home).toMatch(/zhenggai-lo-profile-/);
    expect(fonts).toBe("/x/fonts.conf");
    expect(workDirs()).toEqual(before);
    await pdf.close();
    expect(existsSync(home!)).toBe(false);
  });

  it("runs one conversion at a time", async () => {
    const pdf = libreOfficePdf({ binary: fakeSoffice("serial", "sleep 0.3") });
    const docs = ["A", "B", "C"].map((t) => pdf(new TextEncoder().encode(t)));
    const results = (await Promise.all(docs)).map((b) => new TextDecoder().decode(b));
    expect(results).toEqual(["%PDF-1.7 from A", "%PDF-1.7 from B", "%PDF-1.7 from C"]);
    const events = log("serial").filter((l) => l.startsWith("start") || l.startsWith("end"));
    // start, end, start, end…: never two starts in a row.
    expect(events.map((l) => l.split(" ")[0])).toEqual(["start", "end", "start", "end", "start", "end"]);
    await pdf.close();
  });

  it("kills a conversion that exceeds the time limit, says so in Chinese, and cleans up", async () => {
    const before = workDirs();
    const pdf = libreOfficePdf({ binary: fakeSoffice("slow", "sleep 30"), timeoutMs: 300 });
    const started = Date.now();
    const error = await pdf(new Uint8Array([1])).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error).toMatchObject({
      code: "pdf_conversion_failed",
      message: expect.stringContaining("已中止") as string,
    });
    expect(log("slow").some((l) => l.startsWith("end"))).toBe(false);
    expect(workDirs()).toEqual(before);
    // The queue goes on after a failure.
    const next = libreOfficePdf({ binary: fakeSoffice("after") });
    expect(new TextDecoder().decode(await next(new TextEncoder().encode("X")))).toBe("%PDF-1.7 from X");
    await Promise.all([pdf.close(), next.close()]);
  });

  it("reports a failed conversion with soffice's own words, and a missing soffice with the Debian packages", async () => {
    const failing = libreOfficePdf({
      binary: fakeSoffice("fail", "echo 'Error: source file could not be loaded' >&2; exit 1", false),
    });
    await expect(failing(new Uint8Array([1]))).rejects.toMatchObject({
      code: "pdf_conversion_failed",
      message: expect.stringContaining("source file could not be loaded") as string,
    });
    const silent = libreOfficePdf({ binary: fakeSoffice("nopdf", "", false) });
    await expect(silent(new Uint8Array([1]))).rejects.toThrow("LibreOffice 未生成 PDF 文件");
    const missing = libreOfficePdf({ binary: undefined });
    await expect(missing(new Uint8Array([1]))).rejects.toMatchObject({
      code: "pdf_converter_missing",
      message: expect.stringContaining("libreoffice-writer-nogui") as string,
    });
    await Promise.all([failing.close(), silent.close(), missing.close()]);
  });
});
