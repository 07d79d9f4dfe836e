// Builds the web UI (src/web) into dist/web, which `npm start` serves at / (src/http/web-app.ts).
// Everything is bundled: the app must not ask any other host for scripts, styles or fonts.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { endpointsOf } from "./src/shared/api-endpoints.ts";
import { API_ROUTES } from "./src/shared/api-routes.ts";

const root = fileURLToPath(new URL("./src/web", import.meta.url));

export default defineConfig({
  root,
  base: "/",
  publicDir: false,
  // Each route's method, path and kind of answer, written from the contract into the bundle: the page's API client
  // runs without evaluating the contract's zod schemas (src/shared/api-endpoints.ts, src/web/api.ts).
  define: { __API_ENDPOINTS__: JSON.stringify(endpointsOf(API_ROUTES)) },
  logLevel: "warn",
  build: {
    outDir: fileURLToPath(new URL("./dist/web", import.meta.url)),
    emptyOutDir: true,
    // The CSP has no 'unsafe-inline' for scripts: never inline the module preload polyfill.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // antd marks its modules "use client" for React Server Components; a browser bundle has no use for it.
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
  },
});
