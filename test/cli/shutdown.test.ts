// Stopping the server: `npm start` passes SIGTERM on to it, and a server whose parent died without passing a
// signal (npm or a shell killed with -9) stops by itself instead of holding the port and the database.

import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill("SIGKILL");
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Starts `command` in a shell-free child; resolves with the server's port once it says it is listening. */
function startVia(command: string, args: string[]): Promise<{ parent: ChildProcess; port: number }> {
  const data = mkdtempSync(join(tmpdir(), "zhenggai-stop-"));
  dirs.push(data);
  const parent = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ZHENGGAI_DATA: data, PORT: "0", ZHENGGAI_EXAMPLE_DATA: "0", LOG_LEVEL: "silent" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(parent);
  return new Promise((resolve, reject) => {
    let out = "";
    parent.stdout.setEncoding("utf8").on("data", (d: string) => {
      out += d;
      const m = /已启动：http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) resolve({ parent, port: Number(m[1]) });
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

describe("stopping the server", () => {
  it("stops when npm start receives SIGTERM", async () => {
    const { parent, port } = await startVia("npm", ["start", "--silent"]);
    expect(await portOpen(port)).toBe(true);
    parent.kill("SIGTERM");
    expect(await closesWithin(port, 10_000)).toBe(true);
  }, 60_000);

  it("stops by itself when its parent is killed with -9", async () => {
    const { parent, port } = await startVia("sh", ["-c", "node bin/zhenggai.js serve; :"]);
    expect(await portOpen(port)).toBe(true);
    parent.kill("SIGKILL");
    expect(await closesWithin(port, 10_000)).toBe(true);
  }, 60_000);
});
