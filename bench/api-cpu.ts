// `npm run bench -- api-cpu [--compare-with <checkout>] [--rounds N] [--per-round N] [--writes]`: CPU per request of
// the real server, in one process, through Fastify's inject (no sockets, no load generator): the ledger read of (a)
// and, with --writes, the progress-report POST of (c). With --compare-with, a second server from another checkout
// runs in the same process and the rounds alternate between the two, so the machine's load hits both alike — on
// shared cores this is the steadiest A/B (wrk's req/s scatter several-fold between runs of one target).

import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { FastifyInstance } from "fastify";
import { sqliteDataset } from "./api-dataset.ts";

const AS_OF = "2023-06-30";
const ADMIN_PASSWORD = "Bench-admin-2026!";

interface Side {
  readonly label: string;
  readonly app: FastifyInstance;
  readonly headers: Record<string, string>;
  readonly cpuMs: number[];
  close(): Promise<void>;
}

interface MainModule {
  readonly startServer: (
    config: unknown,
    log: (line: string) => void,
  ) => Promise<{ app: FastifyInstance; close(): Promise<void> }>;
}
interface ConfigModule {
  readonly readConfig: (
    overrides: Record<string, unknown>,
    env: Record<string, string | undefined>,
  ) => unknown;
}

const option = (args: readonly string[], name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

async function startSide(
  label: string,
  checkout: string,
  databaseUrl: string,
  dataDir: string,
): Promise<Side> {
  const src = (file: string) => pathToFileURL(join(checkout, "src", file)).href;
  const { startServer } = (await import(src("main.ts"))) as MainModule;
  const { readConfig } = (await import(src("config.ts"))) as ConfigModule;
  const config = readConfig(
    { port: 0, host: "127.0.0.1", logLevel: "silent" },
    {
      DATABASE_URL: databaseUrl,
      ZHENGGAI_DATA: dataDir,
      ZHENGGAI_ADMIN_PASSWORD: ADMIN_PASSWORD,
      ZHENGGAI_EXAMPLE_DATA: "0",
      PATH: process.env.PATH,
    },
  );
  const server = await startServer(config, () => undefined);
  const res = await server.app.inject({
    method: "POST",
    url: "/api/v1/session",
    payload: { login: "admin", password: ADMIN_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`${label}: sign-in answered ${res.statusCode}: ${res.body}`);
  const cookie = String(res.headers["set-cookie"] ?? "").split(";")[0] ?? "";
  const { csrfToken } = res.json<{ csrfToken: string }>();
  return {
    label,
    app: server.app,
    headers: { cookie, "x-csrf-token": csrfToken },
    cpuMs: [],
    close: () => server.close(),
  };
}

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

export async function runApiCpuBench(args: readonly string[]): Promise<number> {
  const rounds = Number(option(args, "--rounds") ?? 20);
  const perRound = Number(option(args, "--per-round") ?? 100);
  const writes = args.includes("--writes");
  const compareWith = option(args, "--compare-with");
  // Another GET instead of the ledger (e.g. /api/v1/health: the HTTP layer's floor).
  const path = option(args, "--path");
  const dataset = await sqliteDataset(2_000, false);
  const dataDir = mkdtempSync(join(os.tmpdir(), "zhenggai-api-cpu-"));
  const sides: Side[] = [await startSide("this checkout", resolve("."), dataset.databaseUrl, dataDir)];
  if (compareWith !== undefined)
    sides.push(
      await startSide(`before (${compareWith})`, resolve(compareWith), dataset.databaseUrl, dataDir),
    );
  const load = [os.loadavg()[0] ?? 0];
  let sequence = 0;
  const request = async (side: Side, i: number) => {
    const res = writes
      ? await side.app.inject({
          method: "POST",
          url: `/api/v1/measures/${dataset.openMeasureIds[i % dataset.openMeasureIds.length]}/progress-reports`,
          headers: side.headers,
          // A distinct (measure, period) each time: no request repeats another, whichever side sends it.
          payload: { period: `${2100 + Math.floor(sequence++ / 4000)}-01`, text: "CPU 基准测试进展" },
        })
      : await side.app.inject({
          method: "GET",
          url:
            path ??
            `/api/v1/inspections/${dataset.sampleInspectionIds[i % dataset.sampleInspectionIds.length]}/ledger?asOf=${AS_OF}`,
          headers: side.headers,
        });
    if (res.statusCode >= 300)
      throw new Error(`${side.label} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
  };
  try {
    // Warm-up: JIT, statement caches.
    for (const side of sides) for (let i = 0; i < perRound; i++) await request(side, i);
    let firstFaster = 0;
    for (let r = 0; r < rounds; r++) {
      // Alternate which side goes first, so neither always follows the other's garbage.
      const order = r % 2 === 0 ? sides : [...sides].reverse();
      for (const side of order) {
        const t0 = cpuNow();
        for (let i = 0; i < perRound; i++) await request(side, r * perRound + i);
        side.cpuMs.push((cpuNow() - t0) / perRound);
      }
      if (sides.length === 2 && sides[0]!.cpuMs[r]! < sides[1]!.cpuMs[r]!) firstFaster++;
    }
    load.push(os.loadavg()[0] ?? 0);
    const what = writes ? "progress-report POST" : `GET ${path ?? "ledger"}`;
    console.log(
      `CPU per ${what}, ${rounds} rounds of ${perRound}, medians (1-minute load ${load.map((l) => l.toFixed(2)).join(" → ")}):`,
    );
    for (const side of sides) console.log(`  ${side.label}: ${median(side.cpuMs).toFixed(3)} ms`);
    if (sides.length === 2) {
      const ratio = median(sides[0]!.cpuMs.map((ms, r) => ms / sides[1]!.cpuMs[r]!));
      console.log(
        `  this ÷ before, median of per-round ratios: ${ratio.toFixed(3)}; this cheaper in ${firstFaster} of ${rounds} rounds`,
      );
    }
    return 0;
  } finally {
    for (const side of sides) await side.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
