// Load generation for `npm run bench -- api`: wrk (Debian: apt-get install -y wrk) driven by a generated Lua script,
// which rotates through request paths, sends headers and bodies, and reports counts and latency percentiles.

import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface LoadResult {
  readonly requests: number;
  readonly seconds: number;
  readonly reqPerSec: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  /** Answers with a status other than 2xx. */
  readonly non2xx: number;
  /** Connect, read, write and timeout errors. */
  readonly socketErrors: number;
  readonly bytes: number;
  /** Answers with status 5xx (among non2xx). */
  readonly status5xx: number;
}

export interface LoadSpec {
  readonly port: number;
  readonly paths: readonly string[];
  readonly connections: number;
  readonly seconds: number;
  readonly method?: "GET" | "POST";
  readonly headers?: Readonly<Record<string, string>>;
  /** One body per path (POST), same order. */
  readonly bodies?: readonly string[];
}

export async function wrkAvailable(): Promise<boolean> {
  try {
    await run("wrk", ["--version"]).catch((e: { stdout?: string }) => {
      // wrk --version exits 1 after printing its version.
      if (!String(e.stdout ?? "").includes("wrk")) throw e;
    });
    return true;
  } catch {
    return false;
  }
}

const lua = (s: string) => JSON.stringify(s); // a JSON string is a valid Lua string literal for our ASCII/UTF-8 text

function script(spec: LoadSpec): string {
  const headers = Object.entries(spec.headers ?? {})
    .map(([k, v]) => `wrk.headers[${lua(k)}] = ${lua(v)}`)
    .join("\n");
  const bodies = spec.bodies ? `local bodies = {${spec.bodies.map(lua).join(",")}}` : "local bodies = nil";
  return `
local paths = {${spec.paths.map(lua).join(",")}}
${bodies}
${headers}
local stride = ${Math.min(2, spec.connections)}
local counter = 0
local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end
function init(args)
  counter = id or 0
  ok = 0
  bad5 = 0
end
-- Threads take interleaved paths (and bodies), so that no two requests repeat one until the list wraps.
request = function()
  local i = (counter % #paths) + 1
  counter = counter + stride
  if bodies then
    return wrk.format(${lua(spec.method ?? "GET")}, paths[i], nil, bodies[i])
  end
  return wrk.format(${lua(spec.method ?? "GET")}, paths[i])
end
response = function(status, headers, body)
  if status >= 200 and status < 300 then ok = ok + 1 end
  if status >= 500 then bad5 = bad5 + 1 end
end
done = function(summary, latency, requests)
  local good = 0
  local fives = 0
  for _, t in ipairs(threads) do
    good = good + (t:get("ok") or 0)
    fives = fives + (t:get("bad5") or 0)
  end
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), summary.requests - good,
    e.connect + e.read + e.write + e.timeout, summary.bytes, fives))
end
`;
}

/** Runs wrk once; threads = min(2, connections), the machine has two cores. */
export async function wrk(spec: LoadSpec, scratch: string): Promise<LoadResult> {
  const file = join(scratch, `wrk-${process.pid}-${Math.random().toString(36).slice(2)}.lua`);
  writeFileSync(file, script(spec));
  const threads = Math.min(2, spec.connections);
  const { stdout } = await run(
    "wrk",
    [
      `-t${threads}`,
      `-c${spec.connections}`,
      `-d${spec.seconds}s`,
      "--timeout",
      "30s",
      "-s",
      file,
      `http://127.0.0.1:${spec.port}`,
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  const line = /RESULT (\d+) (\d+) (\d+) (\d+) (-?\d+) (\d+) (\d+) (\d+)/.exec(stdout);
  if (!line) throw new Error(`wrk printed no result:\n${stdout}`);
  const [requests = 0, micros = 1, p50 = 0, p95 = 0, non2xx = 0, socketErrors = 0, bytes = 0, status5xx = 0] =
    line.slice(1).map(Number);
  return {
    requests,
    seconds: micros / 1e6,
    reqPerSec: requests / (micros / 1e6),
    p50Ms: p50 / 1000,
    p95Ms: p95 / 1000,
    non2xx,
    socketErrors,
    bytes,
    status5xx,
  };
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length / 2;
  return s.length === 0
    ? NaN
    : s.length % 2 === 0
      ? ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
      : (s[Math.floor(mid)] ?? 0);
};
