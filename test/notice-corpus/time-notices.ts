// Parse time of the notice corpus (issue 10: ≤ 20 ms per notice). Timing lives here, never in a test:
//   node --import tsx test/notice-corpus/time-notices.ts [runs]
// For each document, the median of `runs` warm parses; then the median and max over documents, and one pass over all.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseNotice } from "../../src/documents/notice/parse-notice.ts";

const DIRS = [
  "test/fixtures/notices",
  "test/fixtures/notices-unseen",
  "test/fixtures/notices-holdout",
  "test/fixtures/notices-blind",
];
const runs = Number(process.argv[2] ?? "20");
const texts = DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => readFileSync(join(dir, f), "utf8")),
);
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};
for (const text of texts) parseNotice(text); // warm-up: modules compiled, regexes built
const perDocument = texts.map((text) =>
  median(
    Array.from({ length: runs }, () => {
      const t = performance.now();
      parseNotice(text);
      return performance.now() - t;
    }),
  ),
);
const t = performance.now();
for (const text of texts) parseNotice(text);
const pass = performance.now() - t;
console.log(
  `${texts.length} notices, ${runs} runs each: per notice median ${median(perDocument).toFixed(2)} ms, ` +
    `max ${Math.max(...perDocument).toFixed(2)} ms; one pass over all ${pass.toFixed(1)} ms`,
);
