// `npm run bench -- <name> [options]`: runs one benchmark. Benchmarks are scripts, not tests (not in CI's pass/fail).

type Benchmark = (args: readonly string[]) => Promise<number>;

const BENCHMARKS = new Map<string, Benchmark>([
  ["api", async (args) => (await import("./api-bench.ts")).runApiBench(args)],
  ["api-cpu", async (args) => (await import("./api-cpu.ts")).runApiCpuBench(args)],
  ["audit-head", async (args) => (await import("./audit-head-bench.ts")).runAuditHeadBench(args)],
  ["docx", async (args) => (await import("./docx-bench.ts")).runDocxBench(args)],
  ["digest", async (args) => (await import("./digest-bench.ts")).runDigestBench(args)],
  [
    "import-corrections",
    async (args) => (await import("./import-corrections-bench.ts")).runImportCorrectionsBench(args),
  ],
  ["ledger", async (args) => (await import("./ledger-bench.ts")).runLedgerBench(args)],
  ["notice", async () => (await import("./notice-bench.ts")).runNoticeBench()],
  ["public", async (args) => (await import("./public-bench.ts")).runPublicBench(args)],
  ["supervision", async (args) => (await import("./supervision-bench.ts")).runSupervisionBench(args)],
  ["web", async (args) => (await import("./web-bench.ts")).runWebBench(args)],
  ["xlsx", async (args) => (await import("./xlsx-bench.ts")).runXlsxBench(args)],
]);

const [name, ...args] = process.argv.slice(2);
const benchmark = name === undefined ? undefined : BENCHMARKS.get(name);
if (benchmark === undefined) {
  console.error(`usage: npm run bench -- <name> [options]\nbenchmarks: ${[...BENCHMARKS.keys()].join(", ")}`);
  process.exitCode = 2;
} else {
  try {
    process.exitCode = await benchmark(args);
  } catch (e) {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exitCode = 1;
  }
}
