import { describe, expect, it } from "vitest";
import { databaseTarget, describeTarget, readConfig } from "../src/config.ts";

describe("config", () => {
  it("chooses SQLite under the data folder by default and PostgreSQL by URL", () => {
    expect(databaseTarget(readConfig({}, {}))).toMatchObject({
      kind: "sqlite",
      file: expect.stringMatching(/data\/zhenggai\.db$/) as string,
    });
    expect(databaseTarget(readConfig({}, { DATABASE_URL: "postgres://u@h/db" }))).toEqual({
      kind: "postgres",
      url: "postgres://u@h/db",
    });
    expect(databaseTarget(readConfig({}, { DATABASE_URL: "file:/tmp/x.db" }))).toEqual({
      kind: "sqlite",
      file: "/tmp/x.db",
    });
    expect(() => databaseTarget(readConfig({}, { DATABASE_URL: "mysql://h/db" }))).toThrow(/只支持/);
  });

  it("never prints a password, in the user part or in the query", () => {
    const shown = describeTarget({
      kind: "postgres",
      url: "postgres://app:S3cret@db.example:5433/zg?password=S3cret&sslpassword=S3cret",
    });
    expect(shown).toBe("PostgreSQL db.example:5433/zg");
    expect(shown).not.toContain("S3cret");
  });

  it("refuses a bad port naming the setting, and reads example-data switches", () => {
    expect(() => readConfig({ port: "http" }, {})).toThrow(/port/);
    expect(readConfig({}, { ZHENGGAI_EXAMPLE_DATA: "0" }).exampleData).toBe(false);
    expect(readConfig({}, {}).exampleData).toBe(true);
  });
});
