// In-app messages (提醒) of the approval of a public notice: the unit's leaders are told of a new request, the submitter
// of its outcome. The inbox only: these are not warnings, so no email, digest or robot carries them.

import { SCOPE_ALL } from "../domain/scope.ts";
import { recipientDirectory } from "../domain/warning-recipients.ts";
import type { PublicNoticeRequest, Repositories } from "../storage/store.ts";
import type { Deps } from "./deps.ts";

const reportsLink = (inspectionId: string): string =>
  `/inspections/${encodeURIComponent(inspectionId)}/reports`;

async function tell(
  tx: Repositories,
  deps: Deps,
  message: { recipientId: string; subject: string; text: string; inspectionId: string; key: string },
): Promise<void> {
  await tx.notifications.insertOnce({
    id: deps.ids.next("ntf"),
    recipientId: message.recipientId,
    kind: "public_notice_approval",
    subject: message.subject,
    text: message.text,
    link: reportsLink(message.inspectionId),
    inspectionId: message.inspectionId,
    measureId: null,
    level: null,
    dedupeKey: message.key,
    viaDigest: false,
    digestDay: null,
    createdAt: deps.clock.now(),
    readAt: null,
  });
}

/**
 * Tells the leaders of the inspected unit itself (unit_leader grants on it, as the warning ladder's red level does; a
 * parent unit's leader and administrators may approve too, but are not chased), never the submitter. Who was told.
 */
export async function tellApprovers(
  tx: Repositories,
  deps: Deps,
  request: PublicNoticeRequest,
  unitPath: string,
): Promise<string[]> {
  const directory = recipientDirectory(await tx.scheduler.directory());
  const leaders = (directory.byRoleAndOrg.get("unit_leader")?.get(unitPath) ?? []).filter(
    (id) => id !== request.submittedBy,
  );
  for (const recipientId of leaders) {
    await tell(tx, deps, {
      recipientId,
      subject: `待审批：${request.unitName}公开通报`,
      text: `${request.submittedByName}提交了“${request.title}”（成文日期 ${request.issuedOn}）的公开发布申请，请在报告与下载页面审阅后批准发布或退回。`,
      inspectionId: request.inspectionId,
      key: `public-notice-request:${request.id}:${recipientId}`,
    });
  }
  return leaders;
}

/** Tells the submitter that their request was approved (published) or returned, with the reason. */
export async function tellSubmitter(
  tx: Repositories,
  deps: Deps,
  request: PublicNoticeRequest,
  outcome: { readonly approved: boolean; readonly byName: string; readonly reason: string | null },
): Promise<void> {
  // The command line's operator (system) has no account and no inbox.
  if ((await tx.users.get(SCOPE_ALL, request.submittedBy)) === undefined) return;
  await tell(tx, deps, {
    recipientId: request.submittedBy,
    subject: outcome.approved ? `已批准发布：${request.title}` : `已退回：${request.title}`,
    text: outcome.approved
      ? `${outcome.byName}批准了您提交的公开通报，已在公开信息页面发布。`
      : `${outcome.byName}退回了您提交的公开通报，理由：${outcome.reason ?? ""}`,
    inspectionId: request.inspectionId,
    key: `public-notice-request:${request.id}:outcome`,
  });
}
