// Comments on a measure (意见): anyone who works on or oversees the measure may write one — a supervisor's remark
// (纪检监督), an oversight office's question, the department's answer; a viewer only reads them. A comment decides
// nothing, is kept with the author's name and role as they were, and is audited like every write.

import type { Caller } from "../domain/account.ts";
import { commentRole, requireAction } from "../domain/permissions.ts";
import type { MeasureComment } from "../domain/progress.ts";
import { measureCommentSchema, type MeasureCommentInput } from "../shared/review-cycle-input.ts";
import { parseInput } from "../shared/validation.ts";
import { auditBy } from "./audit-by.ts";
import type { Deps } from "./deps.ts";
import { measureAccess } from "./measure-access.ts";

export async function addMeasureComment(
  deps: Deps,
  caller: Caller,
  measureId: string,
  input: MeasureCommentInput,
): Promise<MeasureComment> {
  const { text } = parseInput(measureCommentSchema, input, "意见");
  return deps.store.transaction(async (tx) => {
    const { measure, roles } = await measureAccess(tx, caller, measureId);
    requireAction(roles, "measure.comment");
    const comment: MeasureComment = {
      id: deps.ids.next("cmt"),
      measureId: measure.id,
      authorId: caller.user.id,
      authorName: caller.user.displayName,
      // requireAction passed, so one of the comment roles is held.
      authorRole: commentRole(roles) ?? "admin",
      text,
      createdAt: deps.clock.now(),
    };
    await tx.progress.insertComment(comment);
    await tx.audit.append({
      at: comment.createdAt,
      ...auditBy(caller),
      action: "measure.comment",
      entity: "measure",
      entityId: measure.id,
      data: { commentId: comment.id, role: comment.authorRole, text },
    });
    return comment;
  });
}
