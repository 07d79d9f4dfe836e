// `zhenggai user passwd --login L [--password-file F]`: resets a password (generated and printed once without a
// file) and signs the account out everywhere.

import { changePassword } from "../../app/change-password.ts";
import { SYSTEM_CALLER } from "../../domain/account.ts";
import { readConfig, type ConfigOverrides } from "../../config.ts";
import { withDeps } from "../../main.ts";
import { EXIT, type CliIo } from "../cli-io.ts";
import { missingFlag, namingFlags } from "../flag-errors.ts";
import { readPasswordFile } from "../read-password-file.ts";
import { USER_FLAGS } from "./user-add.ts";

export interface UserPasswdArgs {
  readonly login: string | undefined;
  readonly passwordFile: string | undefined;
}

export async function userPasswdCommand(
  args: UserPasswdArgs,
  overrides: ConfigOverrides,
  io: CliIo,
): Promise<number> {
  if (args.login === undefined) throw missingFlag("--login", "登录名");
  const password = args.passwordFile === undefined ? undefined : await readPasswordFile(args.passwordFile);
  const config = readConfig(overrides, io.env);
  const result = await withDeps(config, (deps) =>
    changePassword(deps, SYSTEM_CALLER, {
      login: args.login ?? "",
      ...(password !== undefined ? { password } : {}),
    }).catch((e: unknown) => {
      throw namingFlags(e, USER_FLAGS);
    }),
  );
  io.out(`已重设 ${args.login} 的密码，该账号的所有登录会话均已退出\n`);
  if (result.generatedPassword !== null) {
    io.out(`新密码：${result.generatedPassword}\n（只显示这一次，请转交本人并提醒登录后修改）\n`);
  }
  return EXIT.ok;
}
