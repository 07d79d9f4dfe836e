// Serves the built web UI (dist/web, written by `vite build`) at /: the files by their exact paths, and index.html
// for the UI's own addresses so that a reload or a shared link opens the right page. The routes are listed, not a
// wildcard, so that any other path (an /api typo above all) still gets the API's 404 or 405 answer.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import { gzipSync } from "node:zlib";
import type { FastifyInstance, FastifyReply } from "fastify";

/** The web UI's client-side addresses (src/web/router.ts): each answers index.html. */
export const WEB_APP_PAGES = [
  "/",
  "/inspections/:id",
  "/inspections/:id/reports",
  "/measures/:id",
  "/imports",
  "/admin",
  "/notifications",
  "/public",
  "/public/notices/:id",
] as const;

const MEDIA_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".json": "application/json; charset=utf-8",
};

// The UI itself is public: it holds no data, and its sign-in page must load before anyone has signed in.
const PUBLIC = { config: { public: true } } as const;

export interface WebAppOptions {
  /** The folder vite build wrote (dist/web). */
  readonly root: string;
}

/**
 * Registers the built UI on `app`. The files are read once here: the build does not change under a running server,
 * and answering from memory keeps the UI off the disk's latency. Without a build (index.html missing) the pages
 * answer 503 with a Chinese hint instead of a bare 404.
 */
export function registerWebApp(app: FastifyInstance, options: WebAppOptions): void {
  const indexPath = join(options.root, "index.html");
  if (!existsSync(indexPath)) {
    for (const page of WEB_APP_PAGES) {
      app.get(page, PUBLIC, (_request, reply) =>
        reply
          .status(503)
          .type("text/plain; charset=utf-8")
          .send("网页尚未构建：请运行 npm run build:web 后重启服务。"),
      );
    }
    return;
  }
  const index = readFileSync(indexPath);
  const sendIndex = (_request: unknown, reply: FastifyReply) =>
    // no-cache: a new build's index.html (naming new hashed assets) is picked up at the next load.
    reply.type(MEDIA_TYPES[".html"]!).header("cache-control", "no-cache").send(index);
  for (const page of WEB_APP_PAGES) app.get(page, PUBLIC, sendIndex);
  for (const file of listFiles(options.root)) {
    const urlPath = `/${relative(options.root, file).split(sep).join("/")}`;
    if (urlPath === "/index.html") continue;
    const body = readFileSync(file);
    const type = MEDIA_TYPES[extname(file)] ?? "application/octet-stream";
    // Scripts and styles shrink to about a third; compressed once here, not per request.
    const gzipped = COMPRESSIBLE.has(extname(file)) ? gzipSync(body, { level: 9 }) : undefined;
    // Files under assets/ carry a content hash in their name, so they never change: cache them for good.
    const cache = urlPath.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache";
    app.get(urlPath, PUBLIC, (request, reply) => {
      void reply.type(type).header("cache-control", cache);
      if (gzipped === undefined) return reply.send(body);
      void reply.header("vary", "accept-encoding");
      if (!acceptsGzip(request.headers["accept-encoding"])) return reply.send(body);
      return reply.header("content-encoding", "gzip").send(gzipped);
    });
  }
}

const COMPRESSIBLE = new Set([".js", ".css", ".svg", ".json"]);

/** Whether Accept-Encoding admits gzip (a q=0 refuses it). */
function acceptsGzip(header: string | undefined): boolean {
  return (header ?? "").split(",").some((part) => {
    const [coding = "", ...params] = part.trim().toLowerCase().split(";");
    if (coding.trim() !== "gzip" && coding.trim() !== "*") return false;
    return !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
  });
}

function listFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return listFiles(path);
    return entry.isFile() ? [path] : [];
  });
}
