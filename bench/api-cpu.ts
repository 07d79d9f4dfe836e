// `npm run bench -- api-cpu [--compare-with <checkout>] [--rounds N] [--seconds N] [--connections N] [--writes]`:
// the CPU time the real server spends per request (its own user + system time from /proc, over a wrk run, divided
// by the requests answered), for the ledger read of (a) or, with --writes, the progress-report POST of (c). With
// --compare-with, a second real server from another checkout runs beside it on the same SQLite file and the runs
// alternate between the two, first one then the other. On cores shared with other work, req/s of one run scatter
// several-fold; the CPU a request costs its server moves far less, so this is the A/B to read.

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import { join, resolve } from "node:path";
import { sqliteDataset } from "./api-dataset.ts";
import { wrk, wrkAvailable, type LoadSpec } from "./api-load.ts";
import { startRealServer, type RunningServer } from "./api-servers.ts";

const AS_OF = "2023-06-30";
const ADMIN_PASSWORD = "Bench-admin-2026!";

interface Side {
  readonly label: string;
  readonly server: RunningServer;
  readonly headers: Record<string, string>;
  readonly cpuMs: number[];
  readonly reqPerSec: number[];
  errors: number;
}

const option = (args: readonly string[], name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

/** User + system CPU of a process so far, in ms (/proc/<pid>/stat fields 14 and 15, in clock ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

async function signedIn(label: string, server: RunningServer): Promise<Side> {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: "admin", password: ADMIN_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`${label}: sign-in answered ${res.status}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    label,
    server,
    headers: { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" },
    cpuMs: [],
    reqPerSec: [],
    errors: 0,
  };
}

export async function runApiCpuBench(args: readonly string[]): Promise<number> {
  if (!(await wrkAvailable())) {
    console.error("wrk is needed: apt-get install -y wrk");
    return 2;
  }
  const rounds = Number(option(args, "--rounds") ?? 6);
  const seconds = Number(option(args, "--seconds") ?? 4);
  const connections = Number(option(args, "--connections") ?? 10);
  const writes = args.includes("--writes");
  const compareWith = option(args, "--compare-with");
  const dataset = await sqliteDataset(2_000, false);
  const scratch = mkdtempSync(join(os.tmpdir(), "zhenggai-api-cpu-"));
  const sides: Side[] = [];
  const load = [os.loadavg()[0] ?? 0];
  try {
    const start = (checkout: string | undefined) =>
      startRealServer({
        databaseUrl: dataset.databaseUrl,
        dataDir: mkdtempSync(join(scratch, "data-")),
        adminPassword: ADMIN_PASSWORD,
        ...(checkout === undefined ? {} : { checkout: resolve(checkout) }),
      });
    sides.push(await signedIn("this checkout", await start(undefined)));
    if (compareWith !== undefined)
      sides.push(await signedIn(`before (${compareWith})`, await start(compareWith)));
    const spec = (side: Side, round: number): LoadSpec => {
      const base = { port: side.server.port, connections, seconds, headers: side.headers };
      if (!writes)
        return {
          ...base,
          paths: dataset.sampleInspectionIds.map((id) => `/api/v1/inspections/${id}/ledger?asOf=${AS_OF}`),
        };
      // A distinct (measure, period) per request within a run: each side and round has its own year (periods go up
      // to 2099; reports of a period may repeat, so a later run reusing a year is still accepted).
      const year = 2040 + ((round * sides.length + sides.indexOf(side)) % 60);
      const paths: string[] = [];
      const bodies: string[] = [];
      for (let month = 1; month <= 12; month++)
        for (const id of dataset.openMeasureIds) {
          paths.push(`/api/v1/measures/${id}/progress-reports`);
          bodies.push(
            JSON.stringify({ period: `${year}-${String(month).padStart(2, "0")}`, text: "CPU 基准" }),
          );
        }
      return { ...base, method: "POST", paths, bodies };
    };
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? sides : [...sides].reverse();
      for (const side of order) {
        const before = cpuMsOf(side.server.pid);
        const result = await wrk(spec(side, round), scratch);
        const answered = result.requests;
        side.cpuMs.push((cpuMsOf(side.server.pid) - before) / Math.max(1, answered));
        side.reqPerSec.push(result.reqPerSec);
        side.errors += result.non2xx + result.socketErrors;
        console.error(
          `round ${round + 1}, ${side.label}: ${result.reqPerSec.toFixed(0)} req/s, ${side.cpuMs.at(-1)?.toFixed(3)} ms CPU per request`,
        );
      }
    }
    load.push(os.loadavg()[0] ?? 0);
    const what = writes ? "progress-report POST" : "ledger GET";
    const lines = [
      `Server CPU per ${what}, ${connections} connections, ${rounds} alternating runs of ${seconds} s (medians; 1-minute load ${load.map((l) => l.toFixed(2)).join(" → ")}):`,
      ...sides.map(
        (s) =>
          `  ${s.label}: ${median(s.cpuMs).toFixed(3)} ms CPU per request, ${median(s.reqPerSec).toFixed(0)} req/s, ${s.errors} non-2xx or socket errors`,
      ),
    ];
    const [a, b] = sides;
    if (a && b) {
      const ratios = a.cpuMs.map((ms, i) => ms / (b.cpuMs[i] ?? NaN));
      lines.push(
        `  this ÷ before: CPU per request ${median(ratios).toFixed(3)} (median of per-round ratios; this cheaper in ${ratios.filter((r) => r < 1).length} of ${rounds} rounds), req/s ${(median(a.reqPerSec) / median(b.reqPerSec)).toFixed(2)}`,
      );
    }
    console.log(lines.join("\n"));
    return 0;
  } finally {
    for (const side of sides) await side.server.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}
