// The built UI (dist/web, as npm ci's prepare builds it): the API client's route table is written from the contract,
// every route in it, and the scripts every page loads first carry no schema library (the contract's zod schemas are
// loaded only by the pages whose forms check with them).

import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { endpointsOf } from "../../src/shared/api-endpoints.ts";
import { API_ROUTES } from "../../src/shared/api-routes.ts";
import { ensureWebBuild, initialScripts, WEB_BUILD } from "./web-build.ts";

describe("the built web UI", () => {
  let initial: string;

  beforeAll(async () => {
    await ensureWebBuild();
    initial = initialScripts(WEB_BUILD)
      .map((file) => readFileSync(file, "utf8"))
      .join("\n");
  }, 180_000);

  it("holds every route's method, path and kind of answer, written from the contract", () => {
    for (const [name, endpoint] of Object.entries(endpointsOf(API_ROUTES))) {
      // The minifier may quote with backticks or double quotes; the order of the three fields is the contract's.
      const written = new RegExp(
        `${name}:\\{method:[\`"]${endpoint.method}[\`"],path:[\`"]${endpoint.path.replace(/[/.]/g, "\\$&")}[\`"],answer:[\`"]${endpoint.answer}[\`"]\\}`,
      );
      expect(initial, name).toMatch(written);
    }
  });

  it("loads no schema library before the page's own chunk", () => {
    expect(initial).not.toContain("ZodError");
    expect(initial).not.toContain("$ZodType");
  });
});
