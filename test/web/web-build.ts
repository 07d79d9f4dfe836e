// The built web UI for the browser tests: rebuilt with Vite when any source it is made from is newer than the build,
// so that a test never drives yesterday's pages (npm ci's prepare builds it on a fresh machine).

import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
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

/**
 * What every page loads before its own chunk: index.html's module script and preloads, the app's boot chunk that the
 * entry imports once it has started the early requests (src/web/main.tsx), and everything they import statically.
 */
export function initialScripts(root: string): string[] {
  const html = readFileSync(join(root, "index.html"), "utf8");
  const named = [
    ...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g),
  ].map(([, path]) => join(root, path!));
  const assets = join(root, "assets");
  const boot = readdirSync(assets)
    .filter((name) => /^boot-[\w-]+\.js$/.test(name))
    .map((name) => join(assets, name));
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, "utf8");
    for (const [, path] of code.matchAll(/(?:\bfrom|\bimport)\s*"\.\/([\w.-]+\.js)"/g))
      visit(join(dirname(file), path!));
  };
  for (const file of [...named, ...boot]) visit(file);
  return [...seen];
}
