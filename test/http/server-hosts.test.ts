// The running server (composition root) answers only the host names allowed by config: loopback names, the bind
// address and ZHENGGAI_ALLOWED_HOSTS — never a rebinding attacker's name.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readConfig } from "../../src/config.ts";
import { startServer, type RunningServer } from "../../src/main.ts";
import { sendRaw } from "./http-test-app.ts";

describe("allowed host names of the running server", () => {
  let server: RunningServer | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("serves the configured name and loopback names, and refuses any other Host with 421", async () => {
    dir = mkdtempSync(join(tmpdir(), "zhenggai-hosts-"));
    const config = readConfig(
      { port: 0, dataDir: dir },
      { ZHENGGAI_ALLOWED_HOSTS: "Zg.Example.cn", ZHENGGAI_EXAMPLE_DATA: "0", LOG_LEVEL: "silent" },
    );
    server = await startServer(config, () => undefined);
    const port = Number(new URL(server.url).port);
    const get = (host: string) =>
      sendRaw(port, `GET /api/v1/health HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    expect((await get(`zg.example.cn:${port}`)).status).toBe(200);
    expect((await get(`127.0.0.1:${port}`)).status).toBe(200);
    expect((await get("localhost")).status).toBe(200);
    const refused = await get("rebind.attacker.example");
    expect(refused.status).toBe(421);
    expect(refused.body).toContain("host_not_allowed");
    expect(refused.body).not.toContain("health");
  });

  it("refuses to start with an allowed-host entry that is not a host name", async () => {
    dir = mkdtempSync(join(tmpdir(), "zhenggai-hosts-"));
    const config = readConfig(
      { port: 0, dataDir: dir },
      { ZHENGGAI_ALLOWED_HOSTS: "*", ZHENGGAI_EXAMPLE_DATA: "0", LOG_LEVEL: "silent" },
    );
    await expect(startServer(config, () => undefined)).rejects.toThrow(/ZHENGGAI_ALLOWED_HOSTS|主机名/);
  });
});
