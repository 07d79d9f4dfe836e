// Storage failures a user can meet reach the API as safe Chinese bodies: a write collision is 409, retryable.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DomainError } from "../../src/domain/domain-error.ts";
import { StorageConflictError, StorageUnavailableError } from "../../src/storage/storage-errors.ts";
import { openTestApp, type TestApp } from "./http-test-app.ts";

describe("storage errors over HTTP", () => {
  let opened: TestApp;
  beforeEach(async () => {
    opened = await openTestApp();
    // Public: these routes exercise the error mapping, not sign-in.
    opened.app.post("/api/v1/collide", { config: { public: true } }, () => {
      throw new StorageConflictError(
        "与同时进行的其他操作冲突（同一数据被重复写入），未保存任何内容，请重试",
        {
          code: "23505",
          message: 'duplicate key value violates unique constraint "orgs_unique_name_per_parent"',
        },
      );
    });
    opened.app.post("/api/v1/write-refused", { config: { public: true } }, () => {
      throw new DomainError("audit_chain_broken", "审计链校验未通过，已停止写入");
    });
    opened.app.get("/api/v1/locked", { config: { public: true } }, () => {
      throw new StorageUnavailableError("数据库文件被占用（已等待超时），请稍后重试");
    });
  });
  afterEach(async () => {
    await opened.close();
  });

  it("answers a unique-key collision with 409 storage_conflict and no driver text", async () => {
    const response = await opened.app.inject({
      method: "POST",
      url: "/api/v1/collide",
      headers: { host: "localhost" },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({
      error: { code: "storage_conflict", message: expect.stringMatching(/冲突.*请重试/) as string },
    });
    expect(response.body).not.toMatch(/duplicate|constraint|23505/);
  });

  it("answers a locked or unreachable database with 503 storage_unavailable", async () => {
    const response = await opened.app.inject({
      method: "GET",
      url: "/api/v1/locked",
      headers: { host: "localhost" },
    });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ error: { code: "storage_unavailable" } });
  });

  it("answers a write refused because of a broken audit chain with 503, not as the client's fault", async () => {
    const response = await opened.app.inject({
      method: "POST",
      url: "/api/v1/write-refused",
      headers: { host: "localhost" },
    });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ error: { code: "audit_chain_broken" } });
  });
});
