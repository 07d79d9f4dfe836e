// One read of the docx benchmark in a process of its own, so its peak RSS is the read's alone:
//   node --import tsx bench/docx-step.ts FILE
// Prints one JSON line { seconds, cpuSeconds, peakMiB, chars, code } (code: the DomainError's, if refused).

import { pathToFileURL } from "node:url";
import { readNoticeFile } from "../src/documents/notice/read-notice-file.ts";
import { peakRssMiB } from "./timing.ts";

async function step(file: string): Promise<void> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  let chars = 0;
  let code: string | null = null;
  try {
    chars = (await readNoticeFile(file)).text.length;
  } catch (e) {
    code = (e as { code?: string }).code ?? "unexpected";
  }
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  process.stdout.write(`${JSON.stringify({ seconds, cpuSeconds, peakMiB: peakRssMiB(), chars, code })}\n`);
}

const [file] = process.argv.slice(2);
const runAsScript = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runAsScript && file) await step(file);
