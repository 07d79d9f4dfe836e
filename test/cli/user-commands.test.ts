// `zhenggai user add|grant|passwd|list`, `zhenggai orgs` and `zhenggai inspections` on both databases: ids to
// find, passwords printed once only when generated, never a hash, and errors that name the flag in Chinese.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/cli-io.ts";
import { main } from "../../src/cli/main.ts";
import { openStore } from "../../src/storage/kysely/kysely-store.ts";
import { argon2Passwords } from "../../src/runtime/argon2-passwords.ts";
import type { DatabaseTarget } from "../../src/storage/kysely/open-database.ts";
import { testDatabases } from "../support/test-stores.ts";

const SEED = new URL("../fixtures/notices/seed.txt", import.meta.url).pathname;

describe.each(testDatabases)("zhenggai user commands on $name", (database) => {
  let target: DatabaseTarget;
  let cleanup: () => Promise<void>;
  let dir: string;

  beforeEach(async () => {
    ({ target, cleanup } = await database.open());
    dir = mkdtempSync(join(tmpdir(), "zhenggai-user-"));
  });
  afterEach(async () => {
    rmSync(dir, { recursive: true, force: true });
    await cleanup();
  });

  const run = async (argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      env: {
        DATABASE_URL: target.kind === "sqlite" ? `file:${target.file}` : target.url,
        ZHENGGAI_DATA: join(dir, "data"),
      },
    };
    const code = await main(argv, io);
    return { code, out: out.join(""), err: err.join("") };
  };
  const hashOf = async (login: string) => {
    const store = await openStore(target);
    try {
      const user = await store.users.findByLogin(login);
      return (user && (await store.users.credentials(user.id))?.passwordHash) ?? "";
    } finally {
      await store.close();
    }
  };

  it("lists inspections and orgs with the ids other commands take", async () => {
    expect((await run(["inspections"])).out).toContain("尚无台账");
    expect((await run(["import", "notice", SEED])).code).toBe(0);

    const inspections = await run(["inspections", "--json"]);
    expect(inspections.code).toBe(0);
    const [inspection] = JSON.parse(inspections.out) as Array<{
      id: string;
      unit: string;
      counts: { problems: number; measures: number };
    }>;
    expect(inspection).toMatchObject({ unit: "市文联党组", counts: { problems: 11 } });
    const text = await run(["inspections"]);
    expect(text.out).toContain(`${inspection?.id}\t市文联党组\t巡察`);

    const orgs = JSON.parse((await run(["orgs", "--json"])).out) as Array<{
      id: string;
      kind: string;
      name: string;
      path: string;
    }>;
    const unit = orgs.find((o) => o.kind === "unit");
    expect(unit).toMatchObject({ name: "市文联党组" });
    expect(unit?.path).toContain(`/${unit?.id}/`);
    expect((await run(["orgs"])).out).toContain(`${unit?.id}\t单位\t`);
  });

  it("adds, grants, resets and lists accounts; a generated password is printed once and works", async () => {
    await run(["import", "notice", SEED]);
    const orgs = JSON.parse((await run(["orgs", "--json"])).out) as Array<{ id: string; kind: string }>;
    const unitId = orgs.find((o) => o.kind === "unit")?.id ?? "";

    const added = await run([
      "user",
      "add",
      "--login",
      "li.ming",
      "--name",
      "李明",
      "--org",
      unitId,
      "--role",
      "unit_office",
    ]);
    expect(added.code).toBe(0);
    expect(added.out).toContain("已创建账号 li.ming（李明");
    expect(added.out).toContain("角色：单位整改办");
    const generated = /初始密码：(\S+)/.exec(added.out)?.[1] ?? "";
    expect(await argon2Passwords.verify(await hashOf("li.ming"), generated)).toBe(true);

    const file = join(dir, "pw.txt");
    writeFileSync(file, "Wang-fang-2026\n");
    const withFile = await run([
      "user",
      "add",
      "--login",
      "wang",
      "--name",
      "王芳",
      "--org",
      unitId,
      "--password-file",
      file,
    ]);
    expect(withFile.err).toBe("");
    expect(withFile.code).toBe(0);
    expect(withFile.out).not.toContain("初始密码");
    expect(withFile.out).not.toContain("Wang-fang-2026");
    expect(await argon2Passwords.verify(await hashOf("wang"), "Wang-fang-2026")).toBe(true);

    const granted = await run([
      "user",
      "grant",
      "--login",
      "wang",
      "--role",
      "department_reporter",
      "--org",
      unitId,
    ]);
    expect(granted.out).toContain("已授予 wang 角色“责任部门填报人”");

    const reset = await run(["user", "passwd", "--login", "wang"]);
    expect(reset.code).toBe(0);
    const fresh = /新密码：(\S+)/.exec(reset.out)?.[1] ?? "";
    expect(await argon2Passwords.verify(await hashOf("wang"), fresh)).toBe(true);

    const listed = await run(["user", "list"]);
    expect(listed.out).toContain("li.ming\t李明\t市文联党组\t单位整改办（市文联党组）\t正常");
    const json = await run(["user", "list", "--json"]);
    const rows = JSON.parse(json.out) as Array<{ login: string; grants: Array<{ roleLabel: string }> }>;
    expect(rows.map((r) => [r.login, r.grants.map((g) => g.roleLabel)])).toEqual([
      ["li.ming", ["单位整改办"]],
      ["wang", ["责任部门填报人"]],
    ]);
    for (const output of [listed.out, json.out]) {
      expect(output).not.toContain("argon2");
      expect(output).not.toContain(generated);
      expect(output).not.toContain(fresh);
    }
  });

  it("names the missing or wrong flag in Chinese", async () => {
    await run(["import", "notice", SEED]);
    const orgs = JSON.parse((await run(["orgs", "--json"])).out) as Array<{ id: string; kind: string }>;
    const unitId = orgs.find((o) => o.kind === "unit")?.id ?? "";

    const noLogin = await run(["user", "add", "--name", "李明", "--org", unitId]);
    expect(noLogin).toMatchObject({ code: 2, err: "错误：缺少 --login（登录名）\n" });
    expect((await run(["user", "add", "--login", "li", "--name", "李明"])).err).toContain("缺少 --org");
    const badRole = await run([
      "user",
      "add",
      "--login",
      "li",
      "--name",
      "李明",
      "--org",
      unitId,
      "--role",
      "boss",
    ]);
    expect(badRole.code).toBe(2);
    expect(badRole.err).toContain("--role 角色应为以下之一：admin（系统管理员）、oversight（巡察办）");
    expect(badRole.err).not.toMatch(/\brole：/);
    const badLogin = await run(["user", "add", "--login", "李", "--name", "李明", "--org", unitId]);
    expect(badLogin.err).toContain("--login 登录名应为");
    const unknownOrg = await run(["user", "add", "--login", "li", "--name", "李明", "--org", "nope"]);
    expect(unknownOrg.err).toContain("未找到该单位");
    const file = join(dir, "weak.txt");
    writeFileSync(file, "password\n");
    const weak = await run([
      "user",
      "add",
      "--login",
      "li",
      "--name",
      "李明",
      "--org",
      unitId,
      "--password-file",
      file,
    ]);
    expect(weak.err).toContain("密码不符合要求");
    expect(weak.err).not.toContain("password\n");
    const missingFile = await run(["user", "passwd", "--login", "li", "--password-file", join(dir, "none")]);
    expect(missingFile.err).toContain("无法读取 --password-file");
    expect((await run(["user", "grant", "--login", "li"])).err).toContain("缺少 --role");
    expect((await run(["user", "passwd", "--login", "nobody"])).err).toContain("未找到该账号");
  });
});
