// The built web UI for the browser tests: rebuilt with Vite when any source it is made from is newer than the build,
// so that a test never drives yesterday's pages (npm ci's prepare builds it on a fresh machine).

import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const WEB_BUILD = join(ROOT, "dist/web");

const SOURCES = ["src/web", "src/shared", "src/domain", "vite.config.ts", "package-lock.json"];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Builds dist/web unless it is newer than every source; answers whether it built. */
export async function ensureWebBuild(): Promise<boolean> {
  const index = join(WEB_BUILD, "index.html");
  const sources = Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s))));
  if (existsSync(index) && statSync(index).mtimeMs > sources) return false;
  // Under vitest NODE_ENV is "test", and React and antd would be bundled in their development builds: build what
  // npm ci's prepare builds and users get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({ configFile: join(ROOT, "vite.config.ts"), mode: "production", logLevel: "error" });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return true;
}
