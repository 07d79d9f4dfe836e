// `zhenggai user grant --login L --role R --org ORG_ID`: grants a role over an org's subtree (admin needs no --org).

import { grantRole } from "../../app/grant-role.ts";
import { ROLE_LABELS, SYSTEM_CALLER } from "../../domain/account.ts";
import { readConfig, type ConfigOverrides } from "../../config.ts";
import { withDeps } from "../../main.ts";
import { EXIT, type CliIo } from "../cli-io.ts";
import { missingFlag, namingFlags } from "../flag-errors.ts";
import { USER_FLAGS } from "./user-add.ts";

export interface UserGrantArgs {
  readonly login: string | undefined;
  readonly role: string | undefined;
  readonly org: string | undefined;
}

export async function userGrantCommand(
  args: UserGrantArgs,
  overrides: ConfigOverrides,
  io: CliIo,
): Promise<number> {
  if (args.login === undefined) throw missingFlag("--login", "登录名");
  if (args.role === undefined) throw missingFlag("--role", "角色");
  const config = readConfig(overrides, io.env);
  const grant = await withDeps(config, (deps) =>
    grantRole(deps, SYSTEM_CALLER, {
      login: args.login ?? "",
      role: args.role as never,
      ...(args.org !== undefined ? { orgId: args.org } : {}),
    }).catch((e: unknown) => {
      throw namingFlags(e, USER_FLAGS);
    }),
  );
  const over = grant.orgId === null ? "全部范围" : `单位 ${grant.orgId} 及其下级`;
  io.out(`已授予 ${args.login} 角色“${ROLE_LABELS[grant.role]}”（${over}），授权编号 ${grant.id}\n`);
  return EXIT.ok;
}
