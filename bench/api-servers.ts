// Server processes of `npm run bench -- api`: the real one exactly as `npm start` runs it (node bin/zhenggai.js
// serve, TypeScript through tsx), and the baseline (bench/api-raw-server.ts); each timed to its first health answer.

import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

export interface RunningServer {
  readonly port: number;
  readonly pid: number;
  /** From spawn to the first 200 of the health route. */
  readonly startMs: number;
  /** Everything the process printed (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function started(child: ChildProcess, port: number, healthPath: string, t0: number): Promise<number> {
  const deadline = t0 + 120_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before answering`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}${healthPath}`);
      if (res.status === 200) return performance.now() - t0;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error("server did not answer its health route within 120 s");
}

function launch(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  port: number,
  healthPath: string,
  cwd = ROOT,
) {
  const t0 = performance.now();
  const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  const chunks: string[] = [];
  child.stdout?.on("data", (d: Buffer) => chunks.push(d.toString()));
  child.stderr?.on("data", (d: Buffer) => chunks.push(d.toString()));
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return started(child, port, healthPath, t0).then(
    (startMs): RunningServer => ({ port, pid: child.pid ?? 0, startMs, output: () => chunks.join(""), stop }),
    async (e: unknown) => {
      await stop();
      throw new Error(`${e instanceof Error ? e.message : String(e)}\n${chunks.join("")}`);
    },
  );
}

/** Peak resident set size of a process (VmHWM), MiB; 0 when unreadable. */
export function peakRssMiB(pid: number): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb === undefined ? 0 : Math.round(Number(kb) / 1024);
  } catch {
    return 0;
  }
}

/**
 * `npm start` on the given database: `node bin/zhenggai.js serve`, migrations and audit check included; or with
 * `entry`, another entry file taking the same arguments (a compiled bundle, for the start-up comparison).
 */
export async function startRealServer(options: {
  databaseUrl: string;
  dataDir: string;
  adminPassword: string;
  entry?: string;
  /** Another checkout of zhenggai to run instead of this one (`--compare-with`: the code before a change). */
  checkout?: string;
}): Promise<RunningServer> {
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    ZHENGGAI_DATA: options.dataDir,
    ZHENGGAI_ADMIN_PASSWORD: options.adminPassword,
    ZHENGGAI_EXAMPLE_DATA: "0",
    PORT: String(port),
    HOST: "127.0.0.1",
  };
  return launch(
    process.execPath,
    [options.entry ?? "bin/zhenggai.js", "serve"],
    env,
    port,
    "/api/v1/health",
    options.checkout ?? ROOT,
  );
}

/** The baseline: bare Fastify (+ better-sqlite3 on `sqliteFile`), run through tsx like the real server. */
export async function startRawServer(sqliteFile: string): Promise<RunningServer> {
  const port = await freePort();
  return launch(
    process.execPath,
    ["--import", "tsx", "bench/api-raw-server.ts", sqliteFile, String(port)],
    process.env,
    port,
    "/health",
  );
}
