// `npm run bench -- api [--fresh] [--seconds N] [--reps N] [--no-startup] [--compare-with <checkout>]`: the HTTP API
// under load on 127.0.0.1 (--compare-with: a second real server from another checkout, e.g. before a change;
// --only-writes: only the progress-report writes; --only-ledger: only the ledger read (a), 2,000 units).
// Starts the real server as `npm start` runs it on the synthetic ledger (bench/api-dataset.ts), signs in, and measures
// with wrk, in the same run and interleaved, beside two baselines (bench/api-raw-server.ts): bare Fastify answering a
// constant body, and bare Fastify + better-sqlite3 answering the same bytes by hand-written SQL from the same file.
// PostgreSQL too when BENCH_DATABASE_URL is set. Prints Markdown tables; writes bench/out/api-<dialect>.json.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { median, wrk, wrkAvailable, type LoadResult, type LoadSpec } from "./api-load.ts";
import { OUT_DIR, postgresDataset, sqliteDataset, type ApiDataset } from "./api-dataset.ts";
import { peakRssMiB, startRawServer, startRealServer, type RunningServer } from "./api-servers.ts";

const AS_OF = "2023-06-30";
const ADMIN_PASSWORD = "Bench-admin-2026!";
const CONNECTIONS = [1, 10, 50] as const;

interface Options {
  readonly fresh: boolean;
  readonly seconds: number;
  readonly reps: number;
  readonly startup: boolean;
  /** Only (c), the progress-report writes (2,000 units; PostgreSQL too when set). */
  readonly onlyWrites: boolean;
  /** Only (a), the ledger read (2,000 units; PostgreSQL too when set): no first page, writes, start-up or 20,000. */
  readonly onlyLedger: boolean;
  /** Another checkout (the code before a change), run as a second server beside this one: `--compare-with <dir>`. */
  readonly compareWith: string | undefined;
}

/** A zhenggai server under test, signed in: this checkout, or the one to compare with. */
interface Real {
  readonly label: string;
  readonly server: RunningServer;
  readonly session: Session;
}

interface Session {
  readonly cookie: string;
  readonly csrfToken: string;
}

interface Row {
  readonly label: string;
  readonly runs: LoadResult[];
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "—");
const int = (n: number) => Math.round(n).toLocaleString("en-US");
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

async function signIn(port: number): Promise<Session> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: "admin", password: ADMIN_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

async function body(port: number, path: string, headers: Record<string, string> = {}) {
  const t0 = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers });
  const text = await res.text();
  return { status: res.status, text, ms: performance.now() - t0 };
}

/** Runs the specs round-robin `reps` times (so drift in the machine's load hits every target alike). */
async function interleaved(specs: Array<{ label: string; spec: LoadSpec }>, reps: number, scratch: string) {
  const rows: Row[] = specs.map((s) => ({ label: s.label, runs: [] }));
  for (let r = 0; r < reps; r++)
    for (const [i, s] of specs.entries()) {
      const result = await wrk(s.spec, scratch);
      (rows[i]?.runs as LoadResult[]).push(result);
      console.error(
        `  ${s.label}: ${fmt(result.reqPerSec, 0)} req/s p50 ${fmt(result.p50Ms, 2)} ms p95 ${fmt(result.p95Ms, 2)} ms` +
          (result.non2xx + result.socketErrors > 0
            ? ` (non-2xx ${result.non2xx}, socket ${result.socketErrors})`
            : ""),
      );
    }
  return rows;
}

const med = (row: Row, key: "reqPerSec" | "p50Ms" | "p95Ms") => median(row.runs.map((r) => r[key]));

function loadTable(title: string, rows: Row[], baseline: Row | undefined, before: Row | undefined): string {
  const lines = [
    `#### ${title}`,
    "",
    "| target | req/s (median) | p50 ms | p95 ms | req/s vs baseline | req/s vs before | non-2xx | runs |",
    "|---|--:|--:|--:|--:|--:|--:|--:|",
  ];
  const ratio = (row: Row, other: Row | undefined) =>
    other && row !== other ? `${fmt(med(row, "reqPerSec") / med(other, "reqPerSec"), 2)}×` : "—";
  for (const row of rows) {
    const bad = row.runs.reduce((s, r) => s + r.non2xx + r.socketErrors, 0);
    lines.push(
      `| ${row.label} | ${int(med(row, "reqPerSec"))} | ${fmt(med(row, "p50Ms"), 2)} | ${fmt(med(row, "p95Ms"), 2)} | ${ratio(
        row,
        baseline,
      )} | ${row.label.startsWith("zhenggai (") ? ratio(row, before) : "—"} | ${bad} | ${row.runs.length} |`,
    );
  }
  return lines.join("\n");
}

/** The three targets of the ledger read, at each connection count. */
async function ledgerReads(
  reals: readonly Real[],
  raw: RunningServer | undefined,
  dataset: ApiDataset,
  options: Options,
  scratch: string,
): Promise<string[]> {
  const out: string[] = [];
  const ids = dataset.sampleInspectionIds;
  for (const connections of CONNECTIONS) {
    console.error(`(a) ledger read at ${connections} connection(s) on ${dataset.dialect}`);
    const base = { connections, seconds: options.seconds };
    const specs: Array<{ label: string; spec: LoadSpec }> = [];
    if (raw) {
      specs.push({
        label: "bare Fastify, constant JSON",
        spec: { ...base, port: raw.port, paths: ["/const"] },
      });
      specs.push({
        label: "bare Fastify + better-sqlite3, hand-written SQL",
        spec: { ...base, port: raw.port, paths: ids.map((id) => `/ledger/${id}?asOf=${AS_OF}`) },
      });
    }
    for (const real of reals)
      specs.push({
        label: `${real.label} (npm start), signed in, ${dataset.dialect}`,
        spec: {
          ...base,
          port: real.server.port,
          paths: ids.map((id) => `/api/v1/inspections/${id}/ledger?asOf=${AS_OF}`),
          headers: { Cookie: real.session.cookie },
        },
      });
    const rows = await interleaved(specs, options.reps, scratch);
    const before = rows.find((r) => r.label.startsWith("zhenggai before"));
    out.push(loadTable(`${connections} connection(s)`, rows, raw ? rows[1] : undefined, before));
  }
  return out;
}

/** (d) the first page of inspections with counts: one connection, so latency = cost per request. */
async function firstPage(
  reals: readonly Real[],
  raw: RunningServer | undefined,
  dataset: ApiDataset,
  options: Options,
  scratch: string,
): Promise<string> {
  const [{ server: real, session }] = reals as [Real, ...Real[]];
  const realPath = `/api/v1/inspections?asOf=${AS_OF}`;
  const headers = { cookie: session.cookie };
  const realBody = await body(real.port, realPath, headers);
  if (realBody.status !== 200) throw new Error(`first page answered ${realBody.status}: ${realBody.text}`);
  const page = JSON.parse(realBody.text) as { items: unknown[]; nextCursor: string | null };
  // Follow the cursor once: the second page must answer too.
  const second = await body(real.port, `${realPath}&cursor=${page.nextCursor ?? ""}`, headers);
  if (second.status !== 200) throw new Error(`second page answered ${second.status}`);
  const specs: Array<{ label: string; spec: LoadSpec }> = [];
  let identical = "—";
  if (raw) {
    const rawBody = await body(raw.port, `/inspections?asOf=${AS_OF}`);
    identical =
      rawBody.text === realBody.text ? "yes" : `no (${rawBody.text.length} vs ${realBody.text.length} bytes)`;
    specs.push({
      label: "bare Fastify + better-sqlite3",
      spec: {
        port: raw.port,
        paths: [`/inspections?asOf=${AS_OF}`],
        connections: 1,
        seconds: options.seconds,
      },
    });
  }
  for (const other of reals)
    specs.push({
      label: `${other.label}, ${dataset.dialect}`,
      spec: {
        port: other.server.port,
        paths: [realPath],
        connections: 1,
        seconds: options.seconds,
        headers: { Cookie: other.session.cookie },
      },
    });
  console.error(`(d) first page of inspections at ${int(dataset.units)} units on ${dataset.dialect}`);
  const rows = await interleaved(specs, options.reps, scratch);
  // The totals route: a few sequential requests, alternating between the servers compared.
  const summaryMs = reals.map((): number[] => []);
  const summaryTexts = reals.map(() => "");
  for (let i = 0; i < 5; i++)
    for (const [k, other] of reals.entries()) {
      const s = await body(other.server.port, `/api/v1/inspections/summary?asOf=${AS_OF}`, {
        cookie: other.session.cookie,
      });
      if (s.status !== 200) throw new Error(`summary answered ${s.status}`);
      summaryMs[k]?.push(s.ms);
      summaryTexts[k] = s.text;
    }
  const summaryBytes = Buffer.byteLength(summaryTexts[0] ?? "");
  const sameSummary = summaryTexts.every((t) => t === summaryTexts[0])
    ? ""
    : " (answers differ between servers!)";
  const lines = [
    `#### First page (50 of ${int(dataset.units)} inspections, with counts), ${dataset.dialect}`,
    "",
    `page bytes ${int(Buffer.byteLength(realBody.text))} (${page.items.length} items); baseline bytes identical: ${identical}`,
    "",
    "| target | ms per request (p50) | p95 ms | req/s | vs baseline (p50) |",
    "|---|--:|--:|--:|--:|",
  ];
  const baseline = raw ? rows[0] : undefined;
  for (const row of rows)
    lines.push(
      `| ${row.label} | ${fmt(med(row, "p50Ms"), 2)} | ${fmt(med(row, "p95Ms"), 2)} | ${int(med(row, "reqPerSec"))} | ${
        baseline && row !== baseline ? `${fmt(med(row, "p50Ms") / med(baseline, "p50Ms"), 2)}×` : "—"
      } |`,
    );
  for (const [k, other] of reals.entries())
    lines.push(
      `| ${other.label} GET /api/v1/inspections/summary (5 sequential) | ${fmt(median(summaryMs[k] ?? []), 0)} | | | ${int(summaryBytes)} bytes${sameSummary} |`,
    );
  lines.push(
    "",
    `server peak RSS after these: ${reals.map((r) => `${r.label} ${peakRssMiB(r.server.pid)} MiB`).join(", ")}`,
  );
  return lines.join("\n");
}

/** Every accepted write stored; more stored than accepted only by what was in flight when wrk stopped. */
const stored = (delta: number, accepted: number) =>
  delta === accepted
    ? "all, exactly"
    : delta > accepted && delta - accepted <= 50
      ? `all, + ${delta - accepted} in flight at the stop`
      : "MISMATCH";

/** (c) progress reports at 50 connections, when the route exists. */
async function progressWrites(
  { label, server: real, session }: Real,
  dataset: ApiDataset,
  options: Options,
  scratch: string,
  round = 0,
): Promise<{ text: string; reqPerSec: number }> {
  const skipped = (text: string) => ({ text, reqPerSec: NaN });
  const headers = {
    "Content-Type": "application/json",
    Cookie: session.cookie,
    "X-CSRF-Token": session.csrfToken,
  };
  const measures = dataset.openMeasureIds;
  const probeMeasure = measures[0];
  if (probeMeasure === undefined)
    return skipped("(c) progress reports: skipped, no open measure in the dataset");
  const before = await dataset.countReports();
  const probe = await fetch(
    `http://127.0.0.1:${real.port}/api/v1/measures/${probeMeasure}/progress-reports`,
    {
      method: "POST",
      headers,
      body: JSON.stringify({ period: "2030-01", text: "基准测试：探测路由" }),
    },
  );
  const probeText = await probe.text();
  if (probe.status === 404 && probeText.includes('"not_found"')) {
    const line =
      "(c) progress reports: skipped, POST /api/v1/measures/:id/progress-reports answers 404 (route not there yet)";
    console.error(line);
    return skipped(line);
  }
  if (probe.status < 200 || probe.status >= 300)
    return skipped(
      `(c) progress reports: skipped, the probe answered ${probe.status}: ${probeText.slice(0, 300)}`,
    );
  // Distinct (measure, period) pairs, so that no request repeats another within the run.
  const paths: string[] = [];
  const bodies: string[] = [];
  for (let month = 2; month <= 12; month++)
    for (const id of measures) {
      paths.push(`/api/v1/measures/${id}/progress-reports`);
      bodies.push(
        JSON.stringify({
          period: `${2030 + round}-${String(month).padStart(2, "0")}`,
          text: `基准测试进展 ${month}`,
        }),
      );
    }
  console.error(`(c) progress reports at 50 connections on ${dataset.dialect}, ${label}, round ${round + 1}`);
  const result = await wrk(
    { port: real.port, paths, bodies, method: "POST", headers, connections: 50, seconds: options.seconds },
    scratch,
  );
  // wrk stops mid-flight: let answers in progress finish before counting.
  await new Promise((r) => setTimeout(r, 1_000));
  const after = await dataset.countReports();
  const accepted = result.requests - result.non2xx + 1;
  const locked = (real.output().match(/database is locked|SQLITE_BUSY/g) ?? []).length;
  const text = [
    `#### Progress reports, POST at 50 connections, ${label}, ${dataset.dialect}, round ${round + 1}`,
    "",
    '| req/s | p50 ms | p95 ms | accepted (2xx) | refused | 5xx | stored afterwards | "database is locked" |',
    "|--:|--:|--:|--:|--:|--:|--:|--:|",
    `| ${int(result.reqPerSec)} | ${fmt(result.p50Ms, 2)} | ${fmt(result.p95Ms, 2)} | ${int(accepted)} | ${int(result.non2xx)} | ${
      result.status5xx
    } | ${int(after - before)} (${stored(after - before, accepted)}) | ${locked} |`,
    "",
    "wrk stops with up to 50 requests in flight: the server may store those without wrk counting their answers.",
  ].join("\n");
  console.error(
    `  ${label}: ${fmt(result.reqPerSec, 0)} req/s, non-2xx ${result.non2xx}, stored ${after - before}`,
  );
  return { text, reqPerSec: result.reqPerSec };
}

/** Start-up to the first health answer: npm start (tsx), a compiled bundle, and the baseline. */
async function startUp(dataset: ApiDataset, scratch: string, reps: number): Promise<string> {
  // Inside the checkout (.tmp/ is git-ignored), so that the bundle's bare imports resolve to node_modules.
  const dist = join(process.cwd(), ".tmp", "bench-dist");
  mkdirSync(dist, { recursive: true });
  const bundle = join(dist, "zhenggai.mjs");
  const entry = join(dist, "entry.ts");
  writeFileSync(
    entry,
    `import { runFromProcess } from ${JSON.stringify(join(process.cwd(), "src/cli/run-from-process.ts"))};\nawait runFromProcess();\n`,
  );
  let compiled = true;
  try {
    await promisify(execFile)(
      join(process.cwd(), "node_modules/.bin/esbuild"),
      [entry, "--bundle", "--platform=node", "--format=esm", "--packages=external", `--outfile=${bundle}`],
      { cwd: process.cwd() },
    );
  } catch (e) {
    compiled = false;
    console.error(`esbuild bundle failed, compiled start-up not measured: ${String(e)}`);
  }
  const times: Record<string, number[]> = { tsx: [], bundle: [], raw: [] };
  const dataDir = mkdtempSync(join(os.tmpdir(), "zhenggai-api-start-"));
  for (let r = 0; r < reps; r++) {
    const real = await startRealServer({
      databaseUrl: dataset.databaseUrl,
      dataDir,
      adminPassword: ADMIN_PASSWORD,
    });
    times.tsx?.push(real.startMs);
    await real.stop();
    if (compiled) {
      const b = await startRealServer({
        databaseUrl: dataset.databaseUrl,
        dataDir,
        adminPassword: ADMIN_PASSWORD,
        entry: bundle,
      });
      times.bundle?.push(b.startMs);
      await b.stop();
    }
    if (dataset.sqliteFile) {
      const raw = await startRawServer(dataset.sqliteFile);
      times.raw?.push(raw.startMs);
      await raw.stop();
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
  const m = (k: string) => median(times[k] ?? []);
  return [
    `#### Start-up to the first health answer (${dataset.dialect}, ${int(dataset.units)} units; median of ${reps})`,
    "",
    "| process | median ms | runs (ms) | vs npm start |",
    "|---|--:|---|--:|",
    `| npm start (node bin/zhenggai.js serve, tsx) | ${fmt(m("tsx"), 0)} | ${(times.tsx ?? []).map((t) => fmt(t, 0)).join(", ")} | — |`,
    compiled
      ? `| esbuild bundle of the same entry (node dist.mjs serve) | ${fmt(m("bundle"), 0)} | ${(times.bundle ?? []).map((t) => fmt(t, 0)).join(", ")} | ${fmt(m("bundle") / m("tsx"), 2)}× |`
      : "| esbuild bundle | — | failed | |",
    `| bare Fastify + better-sqlite3 (tsx) | ${fmt(m("raw"), 0)} | ${(times.raw ?? []).map((t) => fmt(t, 0)).join(", ")} | ${fmt(m("raw") / m("tsx"), 2)}× |`,
  ].join("\n");
}

async function onDataset(
  dataset: ApiDataset,
  options: Options,
  scratch: string,
  parts: { ledger: boolean; writes: boolean },
): Promise<string[]> {
  const dataDir = mkdtempSync(join(os.tmpdir(), "zhenggai-api-data-"));
  const real = await startRealServer({
    databaseUrl: dataset.databaseUrl,
    dataDir,
    adminPassword: ADMIN_PASSWORD,
  });
  const before =
    options.compareWith === undefined
      ? undefined
      : await startRealServer({
          databaseUrl: dataset.databaseUrl,
          dataDir,
          adminPassword: ADMIN_PASSWORD,
          checkout: options.compareWith,
        });
  const raw = dataset.sqliteFile ? await startRawServer(dataset.sqliteFile) : undefined;
  const out: string[] = [];
  try {
    const session = await signIn(real.port);
    const reals: Real[] = [{ label: "zhenggai", server: real, session }];
    if (before) reals.push({ label: "zhenggai before", server: before, session: await signIn(before.port) });
    if (parts.ledger) {
      const id = dataset.sampleInspectionIds[0] ?? "";
      const realLedger = await body(real.port, `/api/v1/inspections/${id}/ledger?asOf=${AS_OF}`, {
        cookie: session.cookie,
      });
      if (realLedger.status !== 200)
        throw new Error(`ledger answered ${realLedger.status}: ${realLedger.text}`);
      let same = "—";
      if (raw) {
        const rawLedger = await body(raw.port, `/ledger/${id}?asOf=${AS_OF}`);
        same =
          rawLedger.text === realLedger.text
            ? "yes"
            : `no (${rawLedger.text.length} vs ${realLedger.text.length})`;
      }
      out.push(
        `### (a) Ledger read, GET /api/v1/inspections/:id/ledger, ${dataset.dialect}, ${int(dataset.units)} units`,
        "",
        `${dataset.sampleInspectionIds.length} inspections in rotation; one ledger ≈ ${kib(Buffer.byteLength(realLedger.text))}; ` +
          `baseline answers the same bytes: ${same}. Baseline for the ratio: bare Fastify + better-sqlite3.`,
        "",
        ...(await ledgerReads(reals, raw, dataset, options, scratch)).flatMap((t) => [t, ""]),
      );
      const stats = await body(real.port, `/api/v1/inspections/${id}/statistics?asOf=${AS_OF}`, {
        cookie: session.cookie,
      });
      out.push(
        stats.status === 404
          ? "(b) one unit's statistics: no route of its own (GET …/statistics answers 404); they are served inside the ledger, so (a) is their figure."
          : `(b) one unit's statistics: GET …/statistics answered ${stats.status}; not measured separately in this version.`,
        "",
      );
    }
    if (!options.onlyWrites && !options.onlyLedger)
      out.push(await firstPage(reals, raw, dataset, options, scratch), "");
    if (parts.writes) {
      // Rounds alternate between the servers compared (load drifts; one 4-second run each proved too noisy).
      const rates = reals.map((): number[] => []);
      for (let round = 0; round < options.reps; round++)
        for (const k of reals.keys()) {
          const index = round % 2 === 0 ? k : reals.length - 1 - k;
          const written = await progressWrites(reals[index] as Real, dataset, options, scratch, round);
          out.push(written.text, "");
          rates[index]?.push(written.reqPerSec);
        }
      out.push(
        `Progress reports, median of ${options.reps} rounds: ${reals
          .map((r, k) => `${r.label} ${int(median(rates[k] ?? []))} req/s`)
          .join(", ")}`,
        "",
      );
    }
  } finally {
    const locked = (real.output().match(/database is locked|SQLITE_BUSY/g) ?? []).length;
    if (locked > 0) console.error(`server printed "database is locked" ${locked} time(s)`);
    await real.stop();
    await before?.stop();
    await raw?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return out;
}

/** The report so far, so that a failure later in the run keeps what was measured. */
function save(report: readonly string[]): void {
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, "api.md"), `${report.join("\n")}\n`);
}

export async function runApiBench(args: readonly string[]): Promise<number> {
  const value = (flag: string, fallback: number) => {
    const i = args.indexOf(flag);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const options: Options = {
    fresh: args.includes("--fresh"),
    onlyWrites: args.includes("--only-writes"),
    onlyLedger: args.includes("--only-ledger"),
    seconds: value("--seconds", 4),
    reps: value("--reps", 3),
    startup: !args.includes("--no-startup"),
    compareWith: args.includes("--compare-with") ? args[args.indexOf("--compare-with") + 1] : undefined,
  };
  if (!(await wrkAvailable())) {
    console.error("wrk is needed: apt-get install -y wrk");
    return 2;
  }
  const scratch = mkdtempSync(join(os.tmpdir(), "zhenggai-api-bench-"));
  const started = new Date().toISOString();
  const load = [os.loadavg()[0] ?? 0];
  const report: string[] = [
    `## HTTP API — ${started}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.version}`,
    "",
    `wrk, ${options.seconds} s per run, ${options.reps} runs per target interleaved; medians. 1-minute load at start ${fmt(load[0] ?? 0, 2)}.`,
    "",
  ];
  try {
    const small = await sqliteDataset(2_000, options.fresh);
    report.push(
      ...(await onDataset(small, options, scratch, {
        ledger: !options.onlyWrites,
        writes: !options.onlyLedger,
      })),
    );
    save(report);
    if (options.startup && !options.onlyWrites && !options.onlyLedger)
      report.push(
        await startUp(small, scratch, 3).catch(
          (e: unknown) => `start-up not measured: ${String(e).slice(0, 500)}`,
        ),
        "",
      );
    save(report);
    load.push(os.loadavg()[0] ?? 0);
    if (!options.onlyWrites && !options.onlyLedger) {
      const large = await sqliteDataset(20_000, options.fresh);
      report.push(...(await onDataset(large, options, scratch, { ledger: false, writes: false })));
    }
    load.push(os.loadavg()[0] ?? 0);
    save(report);
    const pgUrl = process.env.BENCH_DATABASE_URL;
    if (pgUrl !== undefined && /^postgres(ql)?:\/\//.test(pgUrl)) {
      const pgSmall = await postgresDataset(pgUrl, 2_000);
      try {
        report.push(
          ...(await onDataset(pgSmall, options, scratch, {
            ledger: !options.onlyWrites,
            writes: !options.onlyLedger,
          })),
        );
      } finally {
        await pgSmall.drop();
      }
      load.push(os.loadavg()[0] ?? 0);
      if (args.includes("--pg-20000")) {
        const pgLarge = await postgresDataset(pgUrl, 20_000);
        try {
          report.push(...(await onDataset(pgLarge, options, scratch, { ledger: false, writes: false })));
        } finally {
          await pgLarge.drop();
        }
      }
    } else report.push("PostgreSQL: not measured (set BENCH_DATABASE_URL=postgres://…).", "");
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  load.push(os.loadavg()[0] ?? 0);
  report.push(`1-minute load average during the run: ${load.map((l) => fmt(l, 2)).join(" → ")}`);
  const text = report.join("\n");
  console.log(text);
  writeFileSync(join(OUT_DIR, "api.md"), `${text}\n`);
  writeFileSync(join(OUT_DIR, "api.json"), JSON.stringify({ started, load, options, report: text }, null, 2));
  return 0;
}
