// Times the ledger reader: every corpus ledger (median of 5 reads each; median and max over ledgers, and the
// whole corpus once) and a generated 1,000-row ledger (median of 5).
// Run: `node --import tsx test/ledger-corpus/time-ledgers.ts [rows]`.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { readLedgerXlsx } from "../../src/documents/xlsx/read-ledger-xlsx.ts";
import { writeLedger } from "../fixtures/ledgers/render-ledger.ts";
import { corpusLedgers } from "./corpus-files.ts";
import { largeLedgerSpec } from "./large-ledger-spec.ts";

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};
const timed = async (path: string): Promise<number> => {
  const t = performance.now();
  await readLedgerXlsx(path);
  return performance.now() - t;
};

const ledgers = corpusLedgers();
await timed(ledgers[0]?.path ?? ""); // warm up the modules
const perLedger: number[] = [];
for (const l of ledgers) {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) runs.push(await timed(l.path));
  perLedger.push(median(runs));
}
const whole = performance.now();
for (const l of ledgers) await readLedgerXlsx(l.path);
const corpusMs = performance.now() - whole;

const rows = Number(process.argv[2] ?? 1000);
const dir = mkdtempSync(join(tmpdir(), "zhenggai-ledger-time-"));
try {
  const path = join(dir, "large.xlsx");
  await writeLedger(path, largeLedgerSpec(rows));
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) runs.push(await timed(path));
  const f = (ms: number) => ms.toFixed(1);
  process.stdout.write(
    `corpus: ${ledgers.length} ledgers, whole corpus ${f(corpusMs)} ms; per ledger median ${f(median(perLedger))} ms, max ${f(Math.max(...perLedger))} ms\n` +
      `${rows}-row ledger: median ${f(median(runs))} ms, max ${f(Math.max(...runs))} ms (5 reads)\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
