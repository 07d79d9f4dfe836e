// Lint = style + the layer boundaries of docs/architecture.md. Runs inside `npm test`.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const infra = ["kysely", "kysely/*", "better-sqlite3", "pg", "pg-*"];
const httpLibs = ["fastify", "fastify/*", "@fastify/*", "light-my-request"];
const documentLibs = ["docx", "mammoth", "exceljs", "yauzl"];
const nodeIo = [
  "node:fs",
  "node:fs/*",
  "node:net",
  "node:http",
  "node:child_process",
  "node:os",
  "node:process",
];

const restrict = (groups, { allowTypeImports = false } = {}) => [
  "error",
  { patterns: groups.map((g) => ({ group: g.group, message: g.message, allowTypeImports })) },
];

export default tseslint.config(
  { ignores: ["node_modules/**", "data/**", "dist/**", "coverage/**", "src/web/dist/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["*.js", "bin/*.js"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": [
        "error",
        { considerDefaultExhaustiveForUnions: true },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        { selector: "ExportDefaultDeclaration", message: "Named exports only." },
      ],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read settings in src/config.ts only." },
      ],
    },
  },
  {
    files: ["src/domain/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": restrict([
        {
          group: ["**/app/**", "**/storage/**", "**/http/**", "**/cli/**", "**/documents/**", "**/web/**"],
          message: "domain imports only shared.",
        },
        { group: [...infra, ...httpLibs, ...documentLibs, ...nodeIo], message: "domain is pure: no IO." },
      ]),
      "no-restricted-globals": ["error", { name: "process", message: "domain is pure." }],
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "Inject a clock." },
        { object: "Math", property: "random", message: "Inject ids/randomness." },
      ],
    },
  },
  {
    files: ["src/app/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/storage/**"],
              allowTypeImports: true,
              message: "app imports only the types of storage/store.ts.",
            },
            {
              group: ["**/http/**", "**/cli/**", "**/web/**", ...infra, ...httpLibs],
              message: "app knows no HTTP, CLI or SQL.",
            },
          ],
        },
      ],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read settings in src/config.ts only." },
        { object: "Date", property: "now", message: "Use deps.clock." },
      ],
    },
  },
  {
    files: ["src/documents/**/*.ts", "src/shared/**/*.ts", "src/cli/**/*.ts"],
    ignores: ["src/cli/serve*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": restrict([
        { group: [...infra], message: "Only src/storage speaks SQL." },
        { group: [...httpLibs], message: "Only src/http knows HTTP." },
      ]),
    },
  },
  {
    files: ["src/http/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": restrict([
        { group: [...infra, "**/storage/kysely/**"], message: "Only src/storage speaks SQL." },
      ]),
    },
  },
  { files: ["**/*.js"], ...tseslint.configs.disableTypeChecked },
  {
    files: ["src/config.ts", "test/**/*.ts", "bench/**/*.ts", "**/*.test.ts", "bin/**/*.js", "*.config.*"],
    rules: { "no-restricted-properties": "off", "no-restricted-syntax": "off" },
  },
);
