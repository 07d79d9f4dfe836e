// `npm run bench -- docx [--runs R]`: reads .docx notices just inside NOTICE_FILE_LIMITS (the shapes that cost
// mammoth the most) with readNoticeFile, each read in a fresh process (bench/docx-step.ts); medians of R runs and
// peak RSS. Targets (issue 7): any file the limits accept is read in ≤ 10 s and ≤ 500 MB.

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DOCX_SHAPES, docxAtLimits } from "./docx-shapes.ts";
import { check, summarise } from "./timing.ts";

const TARGETS = { seconds: 10, rssMiB: 500 } as const;

interface StepResult {
  seconds: number;
  cpuSeconds: number;
  peakMiB: number;
  chars: number;
  code: string | null;
}

function inChild(file: string): StepResult {
  const step = fileURLToPath(new URL("./docx-step.ts", import.meta.url));
  const out = execFileSync(process.execPath, ["--import", "tsx", step, file], { encoding: "utf8" });
  return JSON.parse(out.trim()) as StepResult;
}

const option = (args: readonly string[], name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};

export function runDocxBench(args: readonly string[] = []): number {
  const runs = option(args, "--runs", 3);
  const dir = mkdtempSync(join(os.tmpdir(), "zhenggai-docx-bench-"));
  try {
    console.log(
      `docx benchmark: readNoticeFile on documents at the markup limits, ${runs} runs each in a fresh process, ${os.cpus().length} CPUs, Node ${process.version}, load ${os.loadavg()[0]?.toFixed(2)}`,
    );
    console.log(
      "| shape | elements | attributes + text runs | document.xml | file | median s | CPU s | peak RSS |\n|---|--:|--:|--:|--:|--:|--:|--:|",
    );
    let ok = true;
    for (const shape of DOCX_SHAPES) {
      const doc = docxAtLimits(shape);
      const file = join(dir, `${shape}.docx`);
      writeFileSync(file, doc.bytes);
      const results = Array.from({ length: runs }, () => inChild(file));
      for (const r of results) check(r.code === null && r.chars > 0, `${shape}: read without refusal`);
      const median = summarise(results.map((r) => r.seconds * 1000)).medianMs / 1000;
      const cpu = summarise(results.map((r) => r.cpuSeconds * 1000)).medianMs / 1000;
      const peak = Math.max(...results.map((r) => r.peakMiB));
      ok &&= median <= TARGETS.seconds && peak <= TARGETS.rssMiB;
      const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
      console.log(
        `| ${shape} | ${doc.elements.toLocaleString("en-US")} | ${doc.nodes.toLocaleString("en-US")} | ${mib(doc.xmlBytes)} | ${mib(doc.bytes.length)} | ${median.toFixed(2)} | ${cpu.toFixed(2)} | ${peak} MiB |`,
      );
    }
    console.log(
      `targets: ≤ ${TARGETS.seconds} s and ≤ ${TARGETS.rssMiB} MiB per read: ${ok ? "all met" : "TARGET MISSED"}`,
    );
    return ok ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
