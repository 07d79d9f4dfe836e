import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

describe("config: host allow-list and audit key", () => {
  it("reads allowed hosts as a lower-cased list and the audit key from the environment or a file", () => {
    expect(readConfig({}, { ZHENGGAI_ALLOWED_HOSTS: " Zg.Example.cn, 10.0.0.5 ," }).allowedHosts).toEqual([
      "zg.example.cn",
      "10.0.0.5",
    ]);
    expect(readConfig({}, {}).allowedHosts).toEqual([]);
    expect(readConfig({}, { ZHENGGAI_AUDIT_KEY: "k".repeat(32) }).auditKey).toBe("k".repeat(32));
    const file = join(mkdtempSync(join(tmpdir(), "zg-key-")), "audit.key");
    writeFileSync(file, `${"f".repeat(40)}\n`);
    expect(readConfig({}, { ZHENGGAI_AUDIT_KEY_FILE: file }).auditKey).toBe("f".repeat(40));
    expect(() => readConfig({}, { ZHENGGAI_AUDIT_KEY_FILE: `${file}.missing` })).toThrow(/审计密钥文件/);
    expect(() => readConfig({}, { ZHENGGAI_AUDIT_KEY: "short" })).toThrow(/auditKey/);
    expect(readConfig({}, {}).auditOnTamper).toBe("warn");
    expect(readConfig({}, { ZHENGGAI_AUDIT_ON_TAMPER: "refuse" }).auditOnTamper).toBe("refuse");
  });
});
