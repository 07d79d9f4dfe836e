// The web layer of the allow-list in eslint.config.js: the browser app imports React, antd, ECharts, dayjs and the
// API contract (src/shared, src/domain), never the server's layers or Node; only src/http/web-app.ts of the http
// layer reads files (the build it serves).

import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const eslint = new ESLint({
  cwd: root,
  overrideConfig: [{ files: ["**/*.ts", "**/*.tsx"], ...tseslint.configs.disableTypeChecked }],
});

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = [];\n`, { filePath });
  const messages = result?.messages ?? [];
  const fatal = messages.find((m) => m.fatal === true);
  if (fatal) throw new Error(`${filePath} could not be linted: ${fatal.message}`);
  return messages.filter((m) => m.ruleId === "boundaries/dependencies").map((m) => m.message);
}

beforeAll(async () => {
  await boundaryErrors("src/web/warm-up.tsx", "");
}, 60_000);

describe("the web layer", () => {
  it.each([
    ["web reading files", "src/web/x.tsx", `import { readFileSync } from "node:fs";`],
    ["web importing a use case", "src/web/x.ts", `import { signIn } from "../app/sign-in.ts";`],
    ["web importing the http layer", "src/web/x.tsx", `import { buildApp } from "../http/build-app.ts";`],
    ["web importing the store", "src/web/x.ts", `import type { Store } from "../storage/store.ts";`],
    ["web importing kysely", "src/web/x.ts", `import { sql } from "kysely";`],
    ["another http file reading files", "src/http/x.ts", `import { readFileSync } from "node:fs";`],
    ["http importing the web app", "src/http/x.ts", `import { App } from "../web/App.tsx";`],
  ])("refuses %s", async (_what, filePath, code) => {
    expect(await boundaryErrors(filePath, code)).not.toEqual([]);
  });

  it.each([
    [
      "web importing React, antd, ECharts and dayjs",
      "src/web/x.tsx",
      `import { useState } from "react";\nimport { createRoot } from "react-dom/client";\n` +
        `import { Button } from "antd";\nimport zhCN from "antd/locale/zh_CN";\n` +
        `import * as echarts from "echarts/core";\nimport dayjs from "dayjs";\nimport "dayjs/locale/zh-cn";`,
    ],
    [
      "web importing the contract and the domain's words",
      "src/web/x.ts",
      `import { createApiClient } from "../shared/api-client.ts";\nimport { MEASURE_STATE_LABELS } from "../domain/measure.ts";`,
    ],
    ["web-app.ts reading the build", "src/http/web-app.ts", `import { readFileSync } from "node:fs";`],
  ])("allows %s", async (_what, filePath, code) => {
    expect(await boundaryErrors(filePath, code)).toEqual([]);
  });
});
