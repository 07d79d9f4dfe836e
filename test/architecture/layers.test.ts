// The layer allow-list in eslint.config.js bites: small snippets placed (virtually) in each layer are linted with
// the project's own configuration, and a forbidden import or a clock read in the domain is an error.

import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

// Type-aware rules need files that exist; the boundaries do not, so they are checked on made-up paths.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: [{ files: ["**/*.ts"], ...tseslint.configs.disableTypeChecked }],
});

const LAYER_RULES = new Set([
  "boundaries/dependencies",
  "no-restricted-syntax",
  "no-restricted-properties",
  "no-restricted-globals",
]);

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = [];\n`, { filePath });
  const messages = result?.messages ?? [];
  const fatal = messages.find((m) => m.fatal === true);
  if (fatal) throw new Error(`${filePath} could not be linted: ${fatal.message}`);
  return messages.filter((m) => LAYER_RULES.has(m.ruleId ?? "")).map((m) => `${m.ruleId}: ${m.message}`);
}

beforeAll(async () => {
  // Loading the configuration and the TypeScript parser once keeps the cases fast.
  await layerErrors("src/domain/warm-up.ts", "");
}, 60_000);

describe("layer boundaries are an allow-list", () => {
  it.each([
    ["domain importing node:fs", "src/domain/x.ts", `import { readFileSync } from "node:fs";`],
    ["domain importing zod", "src/domain/x.ts", `import { z } from "zod";`],
    ["domain importing shared", "src/domain/x.ts", `import { parseInput } from "../shared/validation.ts";`],
    ["domain importing app types", "src/domain/x.ts", `import type { Deps } from "../app/deps.ts";`],
    ["domain reading the clock with new Date()", "src/domain/x.ts", `export const today = () => new Date();`],
    ["domain reading Date.now", "src/domain/x.ts", `export const now = () => Date.now();`],
    ["domain drawing Math.random", "src/domain/x.ts", `export const roll = () => Math.random();`],
    ["shared importing the app", "src/shared/x.ts", `import type { Deps } from "../app/deps.ts";`],
    ["app importing kysely", "src/app/x.ts", `import { sql } from "kysely";`],
    [
      "app importing the storage implementation",
      "src/app/x.ts",
      `import type { StoreOptions } from "../storage/kysely/kysely-store.ts";`,
    ],
    ["app importing a value from store.ts", "src/app/x.ts", `import * as store from "../storage/store.ts";`],
    ["app importing http", "src/app/x.ts", `import { handleError } from "../http/errors.ts";`],
    ["app drawing random bytes", "src/app/x.ts", `import { randomBytes } from "node:crypto";`],
    ["app reading files", "src/app/x.ts", `import { readFile } from "node:fs/promises";`],
    [
      "documents importing the app",
      "src/documents/x.ts",
      `import { importNotice } from "../app/import-notice.ts";`,
    ],
    [
      "documents importing storage",
      "src/documents/x.ts",
      `import type { Store } from "../storage/store.ts";`,
    ],
    [
      "a document builder reading files",
      "src/documents/x.ts",
      `import { readFile } from "node:fs/promises";`,
    ],
    [
      "storage importing http",
      "src/storage/kysely/x.ts",
      `import { buildApp } from "../../http/build-app.ts";`,
    ],
    [
      "storage importing the app",
      "src/storage/kysely/x.ts",
      `import type { Deps } from "../../app/deps.ts";`,
    ],
    [
      "the storage interface importing kysely",
      "src/storage/x-store.ts",
      `import type { Kysely } from "kysely";`,
    ],
    ["http importing kysely", "src/http/x.ts", `import { sql } from "kysely";`],
    [
      "http importing the storage interface",
      "src/http/x.ts",
      `import type { Store } from "../storage/store.ts";`,
    ],
    [
      "http importing the storage implementation",
      "src/http/x.ts",
      `import { openStore } from "../storage/kysely/kysely-store.ts";`,
    ],
    ["http importing the CLI", "src/http/x.ts", `import { main } from "../cli/main.ts";`],
    ["http reading files", "src/http/x.ts", `import { readFile } from "node:fs/promises";`],
    ["cli importing kysely", "src/cli/x.ts", `import { sql } from "kysely";`],
    ["cli importing http", "src/cli/x.ts", `import { buildApp } from "../http/build-app.ts";`],
    ["runtime importing app values", "src/runtime/x.ts", `import { signIn } from "../app/sign-in.ts";`],
    ["runtime importing fastify", "src/runtime/x.ts", `import { fastify } from "fastify";`],
    ["a package nobody allowed", "src/shared/x.ts", `import { Document } from "docx";`],
  ])("refuses %s", async (_what, filePath, code) => {
    expect(await layerErrors(filePath, code)).not.toEqual([]);
  });

  it.each([
    ["domain importing domain", "src/domain/x.ts", `import { DomainError } from "./domain-error.ts";`],
    ["a domain test using node:fs", "src/domain/x.test.ts", `import { readFileSync } from "node:fs";`],
    ["domain taking a given date", "src/domain/x.ts", `export const at = (iso: string) => new Date(iso);`],
    [
      "shared importing domain and zod",
      "src/shared/x.ts",
      `import { z } from "zod";\nimport "../domain/measure.ts";`,
    ],
    [
      "app importing the types of store.ts",
      "src/app/x.ts",
      `import type { Store } from "../storage/store.ts";`,
    ],
    [
      "app importing documents",
      "src/app/x.ts",
      `import { parseNotice } from "../documents/notice/parse-notice.ts";`,
    ],
    ["app hashing", "src/app/x.ts", `import { createHash } from "node:crypto";`],
    ["documents importing docx", "src/documents/x.ts", `import { Document } from "docx";`],
    [
      "a document reader opening files",
      "src/documents/read-x.ts",
      `import { open } from "node:fs/promises";`,
    ],
    ["storage importing kysely", "src/storage/kysely/x.ts", `import { sql } from "kysely";`],
    [
      "storage importing the interface",
      "src/storage/kysely/x.ts",
      `import type { Store } from "../store.ts";`,
    ],
    [
      "http importing fastify, the app and storage errors",
      "src/http/x.ts",
      `import type { FastifyInstance } from "fastify";\nimport type { Deps } from "../app/deps.ts";\n` +
        `import { StorageUnavailableError } from "../storage/storage-errors.ts";`,
    ],
    ["cli reading files", "src/cli/x.ts", `import { readFile } from "node:fs/promises";`],
    ["runtime importing app types", "src/runtime/x.ts", `import type { Clock } from "../app/deps.ts";`],
    [
      "the composition root picking the implementation",
      "src/main.ts",
      `import { openStore } from "./storage/kysely/kysely-store.ts";`,
    ],
  ])("allows %s", async (_what, filePath, code) => {
    expect(await layerErrors(filePath, code)).toEqual([]);
  });
});
