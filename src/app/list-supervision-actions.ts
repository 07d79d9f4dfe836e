// The supervision register of an inspection (督办台账): every 督办通知, 告诫 and 约谈, oldest first, each notice with its
// reply state today; and each measure's latest step, which the ledger, the measure and the warning board show.
// Visible like the inspection; a department reporter sees only the chased measures of their department.

import type { Caller } from "../domain/account.ts";
import type { CalendarDate } from "../domain/calendar-date.ts";
import {
  latestLadderSteps,
  replyStatus,
  type LadderStep,
  type ReplyStatus,
  type SupervisionAction,
} from "../domain/supervision-ladder.ts";
import type { Repositories } from "../storage/store.ts";
import type { Deps } from "./deps.ts";
import { inspectionAccess } from "./measure-access.ts";

export interface RegisterEntry extends SupervisionAction {
  readonly replyStatus: ReplyStatus | null;
}

export interface SupervisionRegister {
  readonly inspectionId: string;
  readonly asOf: CalendarDate;
  readonly items: readonly RegisterEntry[];
  readonly awaitingReply: number;
  readonly replyOverdue: number;
}

export async function listSupervisionActions(
  deps: Deps,
  caller: Caller,
  options: { readonly inspectionId: string },
): Promise<SupervisionRegister> {
  const asOf = deps.clock.today();
  return deps.store.snapshot(async (tx) => {
    const access = await inspectionAccess(tx, caller, options.inspectionId);
    let actions = await tx.supervisionActions.listByInspection(access.inspection.id);
    // Roles over the inspection as a whole mean its whole ledger is visible; a department reporter holds none there.
    if (access.roles.size === 0 && actions.length > 0) {
      const visible = new Set(
        (await tx.measures.listByInspection(access.scope, access.inspection.id)).map((m) => m.id),
      );
      actions = actions.map((a) => ({ ...a, measures: a.measures.filter((m) => visible.has(m.measureId)) }));
    }
    const items = actions.map((a) => ({ ...a, replyStatus: replyStatus(a, asOf) }));
    return {
      inspectionId: access.inspection.id,
      asOf,
      items,
      awaitingReply: items.filter((i) => i.replyStatus === "awaiting" || i.replyStatus === "overdue").length,
      replyOverdue: items.filter((i) => i.replyStatus === "overdue").length,
    };
  });
}

/** Each chased measure's latest step in the inspection (no entry for measures never supervised). */
export async function ladderStepsOf(
  repos: Pick<Repositories, "supervisionActions">,
  inspectionId: string,
): Promise<Map<string, LadderStep>> {
  return latestLadderSteps(await repos.supervisionActions.listByInspection(inspectionId));
}
