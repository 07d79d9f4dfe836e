// The in-app inbox (站内提醒): a person reads and marks only their own notifications, whatever their role — the
// recipient is the caller's account, never a parameter.

import type { Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import { inboxQuery } from "../shared/notification-input.ts";
import { parseInput } from "../shared/validation.ts";
import type { Notification } from "../storage/store.ts";
import type { Deps } from "./deps.ts";

export interface InboxPage {
  readonly items: ReadonlyArray<Omit<Notification, "recipientId" | "dedupeKey" | "viaDigest" | "digestDay">>;
  readonly unread: number;
  readonly nextCursor: string | null;
}

const encodeCursor = (n: Notification): string =>
  Buffer.from(JSON.stringify([n.createdAt, n.id]), "utf8").toString("base64url");

function decodeCursor(text: string): { createdAt: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (Array.isArray(value) && typeof value[0] === "string" && typeof value[1] === "string") {
      return { createdAt: value[0], id: value[1] };
    }
  } catch {
    // Answered below as a bad cursor.
  }
  throw new DomainError("invalid_input", "翻页参数 before 无效，请从第一页重新查询", [
    { path: "before", code: "invalid_cursor", message: "翻页参数无效" },
  ]);
}

export async function listNotifications(
  deps: Deps,
  caller: Caller,
  options: { query: unknown },
): Promise<InboxPage> {
  const q = parseInput(inboxQuery, options.query ?? {}, "查询条件");
  const limit = q.limit ?? 50;
  const unreadOnly = q.unread === "true" || q.unread === "1" || q.unread === "";
  const rows = await deps.store.notifications.listForRecipient(caller.user.id, {
    unreadOnly,
    limit: limit + 1,
    ...(q.before === undefined ? {} : { before: decodeCursor(q.before) }),
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map((n) => ({
      id: n.id,
      kind: n.kind,
      subject: n.subject,
      text: n.text,
      link: n.link,
      inspectionId: n.inspectionId,
      measureId: n.measureId,
      level: n.level,
      createdAt: n.createdAt,
      readAt: n.readAt,
    })),
    unread: await deps.store.notifications.countUnread(caller.user.id),
    nextCursor: rows.length > limit && page.length > 0 ? encodeCursor(page[page.length - 1]!) : null,
  };
}

/** Marks one of the caller's own read; notification_not_found for any other id (nothing is revealed). */
export async function markNotificationRead(
  deps: Deps,
  caller: Caller,
  options: { id: string },
): Promise<void> {
  const found = await deps.store.notifications.markRead(caller.user.id, options.id, deps.clock.now());
  if (!found) throw new DomainError("notification_not_found", "未找到该提醒（或不是发给您的）");
}

export async function markAllNotificationsRead(deps: Deps, caller: Caller): Promise<{ marked: number }> {
  return { marked: await deps.store.notifications.markAllRead(caller.user.id, deps.clock.now()) };
}
