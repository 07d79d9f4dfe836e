// What a user sees when the command line is wrong, from the real `zhenggai` process: the flag is named, in
// Chinese, with exit code 2; never the parser's English or an internal field name.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCliProcess } from "../support/cli-process.ts";

const root = mkdtempSync(join(tmpdir(), "zg-flags-"));
const data = join(root, "data");
afterAll(() => rmSync(root, { recursive: true, force: true }));

const run = (args: readonly string[], env: Record<string, string> = {}) =>
  runCliProcess([...args, "--data", data], { env });

/** Words that must never reach a user: node:util parseArgs' English and the use cases' field names. */
const INTERNAL = /Unknown option|argument|ambiguous|Option '|inspectionId|issuedOn|\bport：|NaN/;

describe("zhenggai command-line mistakes", () => {
  it("names an unknown option", async () => {
    const result = await run(["inspections", "--bogus"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("没有 --bogus 这个选项");
    expect(result.stderr).toContain("zhenggai --help");
    expect(result.stderr).not.toMatch(INTERNAL);
  });

  it("names a flag given without its value", async () => {
    const result = await run(["user", "add", "--login"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--login 缺少取值");
    expect(result.stderr).not.toMatch(INTERNAL);
  });

  it("names a missing required flag with what it means", async () => {
    const result = await run(["report", "notice", "--out", join(root, "通报.md")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("缺少 --inspection（巡察编号");
    expect(result.stderr).not.toMatch(INTERNAL);
    const noVersion = await run(["report", "notice", "--inspection", "ins1", "--out", join(root, "通报.md")]);
    expect(noVersion.code).toBe(2);
    expect(noVersion.stderr).toContain("缺少 --version");
    expect(noVersion.stderr).not.toMatch(INTERNAL);
  });

  it("names a flag whose value is not one of the choices, listing them", async () => {
    const result = await run([
      "report",
      "notice",
      "--inspection",
      "ins1",
      "--version",
      "secret",
      "--out",
      join(root, "通报.md"),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--version 的取值有误：应为 internal（内部版）或 public（公开版）");
  });

  it("names a bad number", async () => {
    for (const port of ["abc", "70000"]) {
      const result = await run(["serve", `--port=${port}`]);
      expect(result.code, port).toBe(2);
      expect(result.stderr, port).toContain("--port 的取值有误：应为 0 到 65535 之间的整数");
      expect(result.stderr, port).not.toMatch(INTERNAL);
    }
    const rows = await run(["import", "ledger", join(root, "台账.xlsx"), "--row-limit", "many"]);
    expect(rows.code).toBe(2);
    expect(rows.stderr).toContain("--row-limit 应为正整数");
  });

  it("names the flag of a value the use case refuses, not its field", async () => {
    const result = await run([
      "report",
      "notice",
      "--inspection",
      "ins1",
      "--version",
      "internal",
      "--date",
      "2024-13-40",
      "--out",
      join(root, "通报.md"),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--date");
    expect(result.stderr).not.toMatch(INTERNAL);
  });

  it("names the environment variable of a bad setting", async () => {
    const result = await run(["inspections"], { PORT: "eighty" });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("环境变量 PORT");
    expect(result.stderr).not.toMatch(/\bport：/);
  });
});
