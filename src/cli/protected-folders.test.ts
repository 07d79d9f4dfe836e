import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readConfig } from "../config.ts";
import { protectedFolders } from "./protected-folders.ts";

describe("protectedFolders", () => {
  it("is the data folder alone when the SQLite file lives in it (the default) or the data is in PostgreSQL", () => {
    expect(protectedFolders(readConfig({ dataDir: "./d" }, {}))).toEqual([resolve("./d")]);
    expect(protectedFolders(readConfig({ dataDir: "./d" }, { DATABASE_URL: "postgres://u@h/db" }))).toEqual([
      resolve("./d"),
    ]);
  });

  it("adds the folder of a SQLite file named by DATABASE_URL", () => {
    expect(protectedFolders(readConfig({ dataDir: "./d" }, { DATABASE_URL: "file:/some/dir/z.db" }))).toEqual(
      [resolve("./d"), "/some/dir"],
    );
  });
});
