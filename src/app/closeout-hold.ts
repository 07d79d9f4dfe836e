// 纪检监督暂缓销号: a supervisor (or an admin) holds a measure's close-out with a reason — its last review level cannot
// close it — and lifts the hold later. Both are audited; reviews below the last level go on.

import type { Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import { requireAction } from "../domain/permissions.ts";
import type { CloseoutHold } from "../domain/progress.ts";
import { closeoutHoldSchema, type CloseoutHoldInput } from "../shared/review-cycle-input.ts";
import { parseInput } from "../shared/validation.ts";
import type { Deps } from "./deps.ts";
import { measureAccess } from "./measure-access.ts";
import { auditBy } from "./audit-by.ts";

export async function holdCloseout(
  deps: Deps,
  caller: Caller,
  measureId: string,
  input: CloseoutHoldInput,
): Promise<CloseoutHold> {
  const { reason } = parseInput(closeoutHoldSchema, input, "暂缓销号");
  return deps.store.transaction(async (tx) => {
    const { measure, roles } = await measureAccess(tx, caller, measureId);
    requireAction(roles, "closeout.hold");
    if (measure.state === "closed" && measure.kind !== "long_term") {
      throw new DomainError("measure_closed", "该整改措施已销号，无法暂缓");
    }
    const hold: CloseoutHold = {
      measureId: measure.id,
      reason,
      heldBy: caller.user.id,
      heldAt: deps.clock.now(),
    };
    await tx.progress.putHold(hold);
    await tx.audit.append({
      at: hold.heldAt,
      ...auditBy(caller),
      action: "measure.hold_closeout",
      entity: "measure",
      entityId: measure.id,
      data: { reason },
    });
    return hold;
  });
}

export async function liftCloseoutHold(deps: Deps, caller: Caller, measureId: string): Promise<void> {
  await deps.store.transaction(async (tx) => {
    const { measure, roles } = await measureAccess(tx, caller, measureId);
    requireAction(roles, "closeout.hold");
    if (!(await tx.progress.liftHold(measure.id))) {
      throw new DomainError("hold_not_found", "该整改措施没有暂缓销号");
    }
    await tx.audit.append({
      at: deps.clock.now(),
      ...auditBy(caller),
      action: "measure.lift_hold",
      entity: "measure",
      entityId: measure.id,
      data: {},
    });
  });
}
