// `zhenggai audit verify [--checkpoint SEQ:HASH …] [--seal] [--json]`: checks the whole audit chain and every
// published checkpoint; exit 0 when intact, 1 when broken or not checkable without the key. Never prints the key.

import { verifyAuditTrail, type VerifyAuditTrailOptions } from "../../app/verify-audit-trail.ts";
import { readConfig, type ConfigOverrides } from "../../config.ts";
import { withDeps } from "../../main.ts";
import { EXIT, type CliIo } from "../cli-io.ts";

export interface AuditVerifyArgs {
  /** As printed in a notice's 附注 "台账校验：第N条 HEX": `N:HEX`, HEX at least 8 hex digits. */
  readonly checkpoints: readonly string[];
  readonly seal: boolean;
  readonly json: boolean;
}

type Checkpoint = NonNullable<VerifyAuditTrailOptions["checkpoints"]>[number];

const CHECKPOINT = /^(\d{1,15}):([0-9a-f]{8,64})$/i;

export async function auditVerifyCommand(
  args: AuditVerifyArgs,
  overrides: ConfigOverrides,
  io: CliIo,
): Promise<number> {
  const checkpoints: Checkpoint[] = [];
  for (const text of args.checkpoints) {
    const m = CHECKPOINT.exec(text.trim());
    if (!m) {
      io.err(
        `校验点格式有误：${text}（应为 序号:哈希前缀，至少 8 位十六进制，如通报附注“台账校验：第128条 3f2a9c0d5e7b8a61”写作 128:3f2a9c0d5e7b8a61）\n`,
      );
      return EXIT.usage;
    }
    checkpoints.push({ seq: Number(m[1]), hash: (m[2] ?? "").toLowerCase() });
  }
  const config = readConfig(overrides, io.env);
  // Unguarded: this command reports the chain itself, and --seal is the one write allowed on a chain not yet keyed.
  const result = await withDeps(config, (deps) => verifyAuditTrail(deps, { checkpoints, seal: args.seal }), {
    auditGuard: false,
  });
  if (args.json) {
    io.out(`${JSON.stringify({ ...result, message: result.lines.join("\n") }, null, 2)}\n`);
  } else if (result.status === "intact") {
    io.out(`${result.lines.join("\n")}\n`);
  } else {
    io.err(`${result.lines.join("\n")}\n`);
  }
  return result.status === "intact" ? EXIT.ok : EXIT.failure;
}
