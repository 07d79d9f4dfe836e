// `zhenggai user list [--json]`: every account with its org and roles (never a hash).

import { listUsers } from "../../app/list-users.ts";
import { ROLE_LABELS, SYSTEM_CALLER } from "../../domain/account.ts";
import { SCOPE_ALL } from "../../domain/scope.ts";
import { readConfig, type ConfigOverrides } from "../../config.ts";
import { withDeps } from "../../main.ts";
import { EXIT, type CliIo } from "../cli-io.ts";

export async function userListCommand(
  args: { json: boolean },
  overrides: ConfigOverrides,
  io: CliIo,
): Promise<number> {
  const config = readConfig(overrides, io.env);
  const [users, orgs] = await withDeps(config, async (deps) => [
    await listUsers(deps, SYSTEM_CALLER),
    await deps.store.orgs.list(SCOPE_ALL),
  ]);
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  if (args.json) {
    const rows = users.map(({ user, grants }) => ({
      ...user,
      orgName: user.orgId === null ? null : (orgName.get(user.orgId) ?? null),
      grants: grants.map((g) => ({ ...g, roleLabel: ROLE_LABELS[g.role] })),
    }));
    io.out(`${JSON.stringify(rows, null, 2)}\n`);
    return EXIT.ok;
  }
  if (users.length === 0) {
    io.out("尚无账号\n");
    return EXIT.ok;
  }
  io.out("登录名\t姓名\t所属单位\t角色（范围）\t状态\n");
  for (const { user, grants } of users) {
    const roles = grants
      .map(
        (g) => `${ROLE_LABELS[g.role]}（${g.orgId === null ? "全部" : (orgName.get(g.orgId) ?? g.orgId)}）`,
      )
      .join("、");
    const org = user.orgId === null ? "—" : (orgName.get(user.orgId) ?? user.orgId);
    io.out(
      `${user.login}\t${user.displayName}\t${org}\t${roles || "无"}\t${user.disabled ? "已停用" : "正常"}\n`,
    );
  }
  return EXIT.ok;
}
