// Prints the field score of the notice parser on corpus folders:
//   node --import tsx test/notice-corpus/score-notices.ts [dir…] [--verbose]

import { scoreCorpus } from "./notice-score.ts";

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const dirs = args.filter((a) => !a.startsWith("--"));
for (const dir of dirs.length > 0
  ? dirs
  : [
      "test/fixtures/notices",
      "test/fixtures/notices-unseen",
      "test/fixtures/notices-holdout",
      "test/fixtures/notices-blind",
    ]) {
  const scores = scoreCorpus(dir);
  const right = scores.reduce((n, s) => n + s.right, 0);
  const total = scores.reduce((n, s) => n + s.total, 0);
  const full = scores.filter((s) => s.right === s.total).length;
  const refused = scores.filter((s) => s.refused).length;
  console.log(
    `${dir}: ${right}/${total} fields (${((100 * right) / Math.max(total, 1)).toFixed(1)} %), ` +
      `${full}/${scores.length} documents fully right, ${refused} refused`,
  );
  for (const s of scores) {
    console.log(`  ${s.name}: ${s.right}/${s.total}${s.refused ? " (refused)" : ""}`);
    if (verbose) for (const w of s.wrong) console.log(`    ${w}`);
  }
}
