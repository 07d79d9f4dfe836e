// `zhenggai orgs [--json]`: the org tree (id, kind, name, path), so that --org ids can be found.

import { SCOPE_ALL } from "../../domain/scope.ts";
import type { OrgKind } from "../../domain/org.ts";
import { readConfig, type ConfigOverrides } from "../../config.ts";
import { withDeps } from "../../main.ts";
import { EXIT, type CliIo } from "../cli-io.ts";

const KIND_LABELS: Readonly<Record<OrgKind, string>> = {
  oversight: "巡察机构",
  unit: "单位",
  department: "部门",
};

export async function listOrgsCommand(
  args: { json: boolean },
  overrides: ConfigOverrides,
  io: CliIo,
): Promise<number> {
  const config = readConfig(overrides, io.env);
  const orgs = await withDeps(config, (deps) => deps.store.orgs.list(SCOPE_ALL));
  if (args.json) {
    io.out(`${JSON.stringify(orgs, null, 2)}\n`);
    return EXIT.ok;
  }
  if (orgs.length === 0) {
    io.out("尚无单位。导入整改情况通报或台账时会自动建立\n");
    return EXIT.ok;
  }
  io.out("编号\t类型\t名称\t路径\n");
  for (const o of orgs) {
    // Indented by depth so the tree reads as one.
    const depth = o.path.split("/").filter((p) => p !== "").length - 1;
    io.out(`${o.id}\t${KIND_LABELS[o.kind]}\t${"  ".repeat(depth)}${o.name}\t${o.path}\n`);
  }
  return EXIT.ok;
}
