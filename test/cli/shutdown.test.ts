// Stopping the server: `npm start` passes SIGTERM and SIGINT (Ctrl-C) on to it, it stops listening and closes the
// database before it exits, and a server whose parent died without passing a signal (npm or a shell killed with -9)
// stops by itself instead of holding the port and the database.

import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) {
    c.kill("SIGKILL");
    // Started in a process group of its own: the server under npm goes too.
    if (c.pid !== undefined) {
      try {
        process.kill(-c.pid, "SIGKILL");
      } catch {
        // the group is already gone
      }
    }
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Starts `command` in a shell-free child; resolves with the server's port once it says it is listening. */
interface Started {
  readonly parent: ChildProcess;
  readonly port: number;
  /** The data folder (ZHENGGAI_DATA). */
  readonly data: string;
  /** Everything the command printed on stdout so far. */
  readonly stdout: () => string;
}

function startVia(command: string, args: string[]): Promise<Started> {
  const data = mkdtempSync(join(tmpdir(), "zhenggai-stop-"));
  dirs.push(data);
  const parent = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ZHENGGAI_DATA: data, PORT: "0", ZHENGGAI_EXAMPLE_DATA: "0", LOG_LEVEL: "silent" },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, like a command started at a terminal, so that Ctrl-C can be imitated.
    detached: true,
  });
  children.push(parent);
  return new Promise((resolve, reject) => {
    let out = "";
    parent.stdout.setEncoding("utf8").on("data", (d: string) => {
      out += d;
      const m = /已启动：http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) resolve({ parent, port: Number(m[1]), data, stdout: () => out });
    });
    parent.on("exit", () => reject(new Error(`exited before listening: ${out}`)));
  });
}

const portOpen = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });

async function closesWithin(port: number, ms: number): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until;) {
    if (!(await portOpen(port))) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/** Resolves when the child has exited and every process holding its output (the server under npm) is gone. */
const finished = (child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> =>
  new Promise((resolve) => child.once("close", (code, signal) => resolve({ code, signal })));

const STOPS: readonly [string, (npm: ChildProcess) => void][] = [
  ["SIGTERM to npm (a service manager)", (npm) => npm.kill("SIGTERM")],
  ["SIGINT to npm", (npm) => npm.kill("SIGINT")],
  // The terminal signals npm and the server at once, and npm passes its own on: the server gets two.
  [
    "Ctrl-C at a terminal (SIGINT to the whole process group)",
    (npm) => process.kill(-(npm.pid ?? 0), "SIGINT"),
  ],
];

describe("stopping the server", () => {
  it.each(STOPS)(
    "npm start on %s stops listening, closes the database and exits cleanly",
    async (_how, stop) => {
      const { parent, port, data, stdout } = await startVia("npm", ["start", "--silent"]);
      const file = join(data, "zhenggai.db");
      expect(existsSync(`${file}-wal`)).toBe(true); // open in WAL mode while serving
      const done = finished(parent);
      stop(parent);
      expect(await done).toEqual({ code: 0, signal: null });
      expect(stdout()).toContain("zhenggai 已停止");
      expect(await portOpen(port)).toBe(false);
      // Closing the last connection checkpoints the write-ahead log into the file and removes it.
      expect(existsSync(`${file}-wal`)).toBe(false);
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
        expect(db.prepare("select count(*) as n from schema_migrations").get()).toMatchObject({
          n: expect.any(Number) as number,
        });
      } finally {
        db.close();
      }
    },
    60_000,
  );

  it("stops by itself when its parent is killed with -9", async () => {
    const { parent, port } = await startVia("sh", ["-c", "node bin/zhenggai.js serve; :"]);
    expect(await portOpen(port)).toBe(true);
    parent.kill("SIGKILL");
    expect(await closesWithin(port, 10_000)).toBe(true);
  }, 60_000);
});
