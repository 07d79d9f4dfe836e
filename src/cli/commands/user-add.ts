// `zhenggai user add --login L --name 姓名 --org ORG_ID [--role R] [--password-file F]`: creates an account;
// without a file the generated password is printed once (it is stored only as an argon2id hash).

import { createUser } from "../../app/create-user.ts";
import { ROLE_LABELS, SYSTEM_CALLER } from "../../domain/account.ts";
import { readConfig, type ConfigOverrides } from "../../config.ts";
import { withDeps } from "../../main.ts";
import { EXIT, type CliIo } from "../cli-io.ts";
import { missingFlag, namingFlags } from "../flag-errors.ts";
import { readPasswordFile } from "../read-password-file.ts";

export interface UserAddArgs {
  readonly login: string | undefined;
  readonly name: string | undefined;
  readonly org: string | undefined;
  readonly role: string | undefined;
  readonly passwordFile: string | undefined;
}

export const USER_FLAGS = {
  login: "--login",
  displayName: "--name",
  orgId: "--org",
  role: "--role",
  password: "--password-file",
} as const;

export async function userAddCommand(
  args: UserAddArgs,
  overrides: ConfigOverrides,
  io: CliIo,
): Promise<number> {
  if (args.login === undefined) throw missingFlag("--login", "登录名");
  if (args.name === undefined) throw missingFlag("--name", "姓名");
  if (args.org === undefined) throw missingFlag("--org", "所属单位编号，可用 zhenggai orgs 查看");
  const password = args.passwordFile === undefined ? undefined : await readPasswordFile(args.passwordFile);
  const config = readConfig(overrides, io.env);
  const created = await withDeps(config, (deps) =>
    createUser(deps, SYSTEM_CALLER, {
      login: args.login ?? "",
      displayName: args.name ?? "",
      orgId: args.org ?? "",
      ...(args.role !== undefined ? { role: args.role as never } : {}),
      ...(password !== undefined ? { password } : {}),
    }).catch((e: unknown) => {
      throw namingFlags(e, USER_FLAGS);
    }),
  );
  const roles = created.grants.map((g) => ROLE_LABELS[g.role]).join("、") || "无";
  io.out(
    `已创建账号 ${created.user.login}（${created.user.displayName}，编号 ${created.user.id}，角色：${roles}）\n`,
  );
  if (created.generatedPassword !== null) {
    io.out(`初始密码：${created.generatedPassword}\n（只显示这一次，请转交本人并提醒登录后修改）\n`);
  }
  return EXIT.ok;
}
