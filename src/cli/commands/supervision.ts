// `zhenggai supervision list|reply|admonish|talk`: the supervision register (督办台账) from the command line, through the
// same use cases as the API, as the system administrator (every write in the audit trail).

import { escalateSupervision } from "../../app/escalate-supervision.ts";
import { listSupervisionActions } from "../../app/list-supervision-actions.ts";
import { recordSupervisionReply } from "../../app/record-supervision-reply.ts";
import { SYSTEM_CALLER } from "../../domain/account.ts";
import { REPLY_STATUS_LABELS, SUPERVISION_ACTION_LABELS } from "../../domain/supervision-ladder.ts";
import { readConfig, type ConfigOverrides } from "../../config.ts";
import { withDeps } from "../../main.ts";
import { EXIT, type CliIo } from "../cli-io.ts";
import { missingFlag, namingFlags } from "../flag-errors.ts";

export interface SupervisionArgs {
  readonly action: string | undefined;
  /** supervision reply: the register's id of the notice. */
  readonly actionId: string | undefined;
  readonly inspection: string | undefined;
  readonly date: string | undefined;
  readonly summary: string | undefined;
  readonly evidence: string | undefined;
  /** supervision admonish / talk. */
  readonly content: string | undefined;
  readonly person: readonly string[] | undefined;
  readonly place: string | undefined;
  readonly heldBy: readonly string[] | undefined;
  readonly followUp: string | undefined;
  readonly measure: readonly string[] | undefined;
  readonly json: boolean;
}

const REPLY_FLAGS = { receivedOn: "--date", summary: "--summary", evidence: "--evidence" } as const;
const ESCALATION_FLAGS = {
  content: "--content",
  warned: "--person",
  talkedTo: "--person",
  heldOn: "--date",
  place: "--place",
  heldBy: "--held-by",
  summary: "--summary",
  followUp: "--follow-up",
  measureIds: "--measure",
} as const;

export async function supervisionCommand(
  args: SupervisionArgs,
  overrides: ConfigOverrides,
  io: CliIo,
): Promise<number> {
  const config = readConfig(overrides, io.env);
  switch (args.action) {
    case "list": {
      if (args.inspection === undefined)
        throw missingFlag("--inspection", "巡察编号（zhenggai inspections 可查）");
      const inspectionId = args.inspection;
      const register = await withDeps(config, (deps) =>
        listSupervisionActions(deps, SYSTEM_CALLER, { inspectionId }),
      );
      if (args.json) {
        io.out(`${JSON.stringify(register, null, 2)}\n`);
        return EXIT.ok;
      }
      io.out(
        `待回复 ${register.awaitingReply} 份，其中逾期未回复 ${register.replyOverdue} 份（截至 ${register.asOf}）\n`,
      );
      if (register.items.length === 0) {
        io.out("尚未下发督办通知\n");
        return EXIT.ok;
      }
      io.out("编号\t类型\t发文字号\t日期\t回复时限\t回复情况\t措施数\n");
      for (const a of register.items) {
        const status = a.replyStatus ? REPLY_STATUS_LABELS[a.replyStatus] : "";
        io.out(
          `${a.id}\t${SUPERVISION_ACTION_LABELS[a.kind]}\t${a.docNumber ?? ""}\t${a.issuedOn}\t${a.replyBy ?? ""}\t${status}\t${a.measures.length}\n`,
        );
      }
      return EXIT.ok;
    }
    case "reply": {
      if (args.actionId === undefined)
        throw missingFlag("督办通知编号", "zhenggai supervision list 中的编号");
      if (args.date === undefined) throw missingFlag("--date", "收到书面回复的日期 YYYY-MM-DD");
      if (args.summary === undefined) throw missingFlag("--summary", "回复内容摘要");
      const actionId = args.actionId;
      const request = {
        receivedOn: args.date,
        summary: args.summary,
        ...(args.evidence === undefined ? {} : { evidence: args.evidence }),
      };
      const replied = await withDeps(config, (deps) =>
        recordSupervisionReply(deps, SYSTEM_CALLER, { actionId, request }).catch((e: unknown) => {
          throw namingFlags(e, REPLY_FLAGS);
        }),
      );
      const late = replied.replyBy !== null && request.receivedOn > replied.replyBy;
      io.out(
        `已登记 ${replied.docNumber ?? replied.id} 的书面回复（${request.receivedOn}收到${late ? `，晚于回复时限 ${replied.replyBy ?? ""}，为逾期回复` : ""}）\n`,
      );
      return EXIT.ok;
    }
    case "admonish":
    case "talk": {
      if (args.inspection === undefined)
        throw missingFlag("--inspection", "巡察编号（zhenggai inspections 可查）");
      const inspectionId = args.inspection;
      const measureIds = args.measure && args.measure.length > 0 ? { measureIds: [...args.measure] } : {};
      const request =
        args.action === "talk"
          ? {
              kind: "talk" as const,
              heldOn: args.date ?? "",
              place: args.place ?? "",
              talkedTo: [...(args.person ?? [])],
              heldBy: [...(args.heldBy ?? [])],
              summary: args.summary ?? "",
              followUp: args.followUp ?? "",
              ...measureIds,
            }
          : {
              kind: "admonition" as const,
              content: args.content ?? "",
              warned: [...(args.person ?? [])],
              ...measureIds,
            };
      const recorded = await withDeps(config, (deps) =>
        escalateSupervision(deps, SYSTEM_CALLER, { inspectionId, request }).catch((e: unknown) => {
          throw namingFlags(e, ESCALATION_FLAGS);
        }),
      );
      io.out(
        `已登记${SUPERVISION_ACTION_LABELS[recorded.kind]}（${recorded.issuedOn}，${recorded.measures.length}项整改措施，编号 ${recorded.id}）\n`,
      );
      return EXIT.ok;
    }
    default:
      io.err("用法：zhenggai supervision list|reply|admonish|talk（运行 zhenggai --help 查看参数）\n");
      return EXIT.usage;
  }
}
