// An uploaded import file is kept, while it is read, in a folder only the server's account may enter
// (data/uploads-tmp, mode 700), not in the shared system temporary folder, and it is gone once answered.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, watch } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readConfig } from "../../src/config.ts";
import { startServer, type RunningServer } from "../../src/main.ts";
import { openTestApp, signedInUser, type TestApp } from "./http-test-app.ts";
import { multipartBody } from "./multipart-body.ts";

const SEED = readFileSync(new URL("../fixtures/notices/seed.txt", import.meta.url));

describe("the folder of uploads being read", () => {
  let t: TestApp | undefined;
  let server: RunningServer | undefined;
  afterEach(async () => {
    await t?.close();
    await server?.close();
    t = undefined;
    server = undefined;
  });

  it("holds an import's file while it is read, and nothing once it is answered", async () => {
    const folder = mkdtempSync(join(tmpdir(), "zhenggai-upload-folder-"));
    t = await openTestApp({ uploadTempDir: folder });
    await t.deps.store.orgs.insertMany([
      { id: "ovs", parentId: null, kind: "oversight", name: "市委巡察办", path: "/ovs/" },
      { id: "unt", parentId: "ovs", kind: "unit", name: "市文联党组", path: "/ovs/unt/" },
    ]);
    const office = await signedInUser(t, "office.tmp", { role: "unit_office", orgId: "unt" });
    const seen: string[] = [];
    const watcher = watch(folder, (_event, name) => {
      if (name) seen.push(name);
    });
    const body = multipartBody([
      { name: "unitId", value: "unt" },
      { name: "file", fileName: "通报.txt", content: SEED },
    ]);
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/imports",
      headers: { ...office.headers, "content-type": body.contentType },
      payload: body.payload,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    watcher.close();
    expect(res.statusCode).toBe(201);
    expect(seen.length).toBeGreaterThan(0);
    expect(readdirSync(folder)).toEqual([]);
  });

  it("is data/uploads-tmp with mode 700 when the server starts, even if it was made wider before", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "zhenggai-upload-data-"));
    mkdirSync(join(dataDir, "uploads-tmp"), { mode: 0o755 });
    const config = readConfig(
      { port: 0 },
      {
        ZHENGGAI_DATA: dataDir,
        ZHENGGAI_EXAMPLE_DATA: "0",
        LOG_LEVEL: "silent",
        ZHENGGAI_ADMIN_PASSWORD: "Zg-upload-2026!x",
      },
    );
    server = await startServer(config, () => undefined);
    expect(statSync(join(dataDir, "uploads-tmp")).mode & 0o777).toBe(0o700);
  });
});
