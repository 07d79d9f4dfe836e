// Lint = style + the layer boundaries of docs/architecture.md. Runs inside `npm test`.
// Boundaries are an allow-list (eslint-plugin-boundaries): every import, ours or a package's, must be
// allowed for the importing layer; anything not listed below is an error.
import js from "@eslint/js";
import boundaries from "eslint-plugin-boundaries";
import tseslint from "typescript-eslint";

// Elements are the layers, one folder each; file categories mark single files (the composition root, the
// storage interface, tests) wherever they sit.
const elements = [
  "domain",
  "shared",
  "app",
  "storage",
  "documents",
  "http",
  "cli",
  "runtime",
  "scheduler",
  "web",
].map((type) => ({ type, pattern: `src/${type}`, partialMatch: false }));
const files = [
  { category: "test", pattern: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**", "bench/**"] },
  { category: "main", pattern: ["src/main.ts", "bin/*.js"] },
  { category: "config", pattern: "src/config.ts" },
  { category: "storage-errors", pattern: "src/storage/storage-errors.ts" },
  // store.ts and the files it re-exports (account-store.ts, audit-store.ts, evidence-store.ts…): the interface.
  { category: "storage-contract", pattern: "src/storage/!(audit-guarded-store|storage-errors).ts" },
];

/** Each part of the code as a selector: the layers, and the single files that have rules of their own. */
const layer = (type) => ({ element: { types: type } });
const category = (name) => ({ file: { categories: name } });
const part = {
  domain: layer("domain"),
  shared: layer("shared"),
  app: layer("app"),
  documents: layer("documents"),
  "documents-reader": { element: { types: "documents" }, file: { path: "src/documents/**/read-*.ts" } },
  storage: {
    element: { types: "storage" },
    file: { path: ["src/storage/kysely/**", "src/storage/audit-guarded-store.ts"] },
  },
  "storage-contract": category("storage-contract"),
  "storage-errors": category("storage-errors"),
  http: layer("http"),
  "http-web-app": { element: { types: "http" }, file: { path: "src/http/web-app.ts" } },
  cli: layer("cli"),
  runtime: layer("runtime"),
  scheduler: layer("scheduler"),
  web: layer("web"),
  main: category("main"),
  config: category("config"),
  test: category("test"),
};
const pkg = (...source) => ({ module: { origin: ["external", "core"], source } });
const nodeIo = ["node:*", "node:*/*"];

/**
 * The allow-list. For each part: which of our parts it may import (`ours`), which only as types (`ourTypes`),
 * which packages and node: modules (`packages`), which only as types (`packageTypes`). Anything else is an error.
 */
const allowed = {
  domain: { ours: ["domain"] },
  shared: { ours: ["shared", "domain"], packages: ["zod"] },
  app: {
    ours: ["app", "domain", "shared", "documents"],
    ourTypes: ["storage-contract"],
    packages: ["zod"],
    packageTypes: ["node:stream"],
  },
  documents: {
    ours: ["documents", "domain", "shared"],
    packages: ["docx", "mammoth", "exceljs", "yauzl", "zod", "node:path", "node:stream", "node:stream/*"],
    packageTypes: ["node:fs", "node:fs/*"],
  },
  // Readers (read-*.ts) open the user's file; parsers, builders and writers stay pure.
  "documents-reader": { packages: ["node:fs", "node:fs/*", "node:os"] },
  "storage-contract": { ours: ["storage-contract", "domain"] },
  "storage-errors": { ours: ["domain"] },
  storage: {
    ours: ["storage", "storage-contract", "storage-errors", "domain"],
    packages: ["kysely", "better-sqlite3", "pg", "node:crypto", "node:fs", "node:fs/*", "node:path"],
  },
  http: {
    ours: ["http", "app", "domain", "shared", "storage-errors"],
    packages: ["fastify", "@fastify/*", "zod", "node:http", "node:net"],
  },
  // The CLI is an entry point: it builds its deps through main.ts.
  cli: {
    ours: ["cli", "app", "domain", "shared", "documents", "config", "main", "storage-errors"],
    packages: nodeIo,
  },
  // Adapters behind the app's ports (clock, ids, passwords, files).
  runtime: {
    ours: ["runtime", "domain"],
    ourTypes: ["app"],
    packages: ["@node-rs/argon2", "nodemailer", ...nodeIo],
  },
  // The scheduler runs use cases on a clock (warnings, reporting cycles, digests); its ports come from main.ts.
  scheduler: { ours: ["scheduler", "app", "domain", "shared"], ourTypes: ["storage-contract"] },
  // The served UI's files are read from the build folder once, at registration.
  "http-web-app": { packages: ["node:fs", "node:path", "node:zlib"] },
  // The browser app: React, antd and ECharts, and the API contract (no zod of its own: types come from shared).
  web: {
    ours: ["web", "shared", "domain"],
    packages: [
      "react",
      "react/*",
      "react-dom",
      "react-dom/*",
      "antd",
      "antd/*",
      "dayjs",
      "dayjs/*",
      "echarts",
    ],
  },
};

const typesOnly = { kind: "type" };
const policies = [
  // The composition root, tests and benchmarks may import anything.
  ...["main", "config", "test"].map((from) => ({
    from: part[from],
    allow: { to: [{ element: { types: "*" } }, { file: { path: "**" } }, pkg("**")] },
  })),
  ...Object.entries(allowed).flatMap(
    ([from, { ours = [], ourTypes = [], packages = [], packageTypes = [] }]) =>
      [
        ours.length > 0 && { allow: { to: ours.map((name) => part[name]) } },
        ourTypes.length > 0 && { allow: { to: ourTypes.map((name) => part[name]), dependency: typesOnly } },
        packages.length > 0 && { allow: { to: pkg(...packages) } },
        packageTypes.length > 0 && { allow: { to: pkg(...packageTypes), dependency: typesOnly } },
      ]
        .filter(Boolean)
        .map((policy) => ({ from: part[from], ...policy })),
  ),
  // Hashing is pure; randomness and the clock stay behind ports (deps.ids, deps.clock).
  {
    from: part.app,
    allow: {
      to: pkg("node:crypto"),
      dependency: { specifiers: ["createHash", "createHmac", "timingSafeEqual"] },
    },
  },
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
    files: ["src/**/*.ts", "src/**/*.tsx", "bin/**/*.js"],
    plugins: { boundaries },
    settings: {
      "boundaries/elements": elements,
      "boundaries/files": files,
      "boundaries/include": ["src/**", "bin/**", "test/**", "bench/**"],
    },
    rules: {
      "boundaries/dependencies": [
        "error",
        {
          default: "disallow",
          checkAllOrigins: true,
          checkUnknownLocals: true,
          checkInternals: true,
          policies,
        },
      ],
      "boundaries/no-unknown-files": "error",
    },
  },
  {
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", { name: "process", message: "domain is pure." }],
      "no-restricted-syntax": [
        "error",
        { selector: "ExportDefaultDeclaration", message: "Named exports only." },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "domain is pure: take the date or time as an argument.",
        },
      ],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read settings in src/config.ts only." },
        { object: "Date", property: "now", message: "Inject a clock." },
        { object: "Math", property: "random", message: "Inject ids/randomness." },
      ],
    },
  },
  {
    files: ["src/app/**/*.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read settings in src/config.ts only." },
        { object: "Date", property: "now", message: "Use deps.clock." },
      ],
    },
  },
  {
    files: ["src/web/**/*.ts", "src/web/**/*.tsx"],
    languageOptions: {
      globals: { window: "readonly", document: "readonly", URL: "readonly", setTimeout: "readonly" },
    },
  },
  { files: ["**/*.js"], ...tseslint.configs.disableTypeChecked },
  {
    files: ["src/config.ts", "test/**/*.ts", "bench/**/*.ts", "**/*.test.ts", "bin/**/*.js", "*.config.*"],
    rules: { "no-restricted-properties": "off", "no-restricted-syntax": "off" },
  },
);
