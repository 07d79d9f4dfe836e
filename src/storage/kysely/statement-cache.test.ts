import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { withStatementCache } from "./statement-cache.ts";

describe("statement cache", () => {
  it("reuses one prepared statement per SQL text, and still sees a schema changed after it was prepared", () => {
    const dir = mkdtempSync(join(tmpdir(), "zhenggai-stmt-"));
    const native = new BetterSqlite3(join(dir, "t.db"));
    const db = withStatementCache(native);
    try {
      native.exec("create table t (a integer); insert into t values (1)");
      const first = db.prepare("select * from t");
      expect(db.prepare("select * from t")).toBe(first);
      expect(first.all([])).toEqual([{ a: 1 }]);
      native.exec("alter table t add column b text default 'x'");
      expect(db.prepare("select * from t").all([])).toEqual([{ a: 1, b: "x" }]);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps at most 500 statements, dropping the least recently used", () => {
    const db = withStatementCache(new BetterSqlite3(":memory:"));
    try {
      const kept = db.prepare("select 0");
      const dropped = db.prepare("select -1");
      for (let i = 1; i <= 600; i++) {
        db.prepare(`select ${i}`);
        if (i % 100 === 0) expect(db.prepare("select 0")).toBe(kept); // used recently: stays
      }
      expect(db.prepare("select 0")).toBe(kept);
      const prepared = db.prepare("select -1");
      expect(prepared).not.toBe(dropped);
      expect(prepared.all([])).toEqual([{ "-1": -1 }]);
    } finally {
      db.close();
    }
  });
});
