// The caller's count of unread notifications, shared by the header's bell and the 提醒 page: the bell asks the server
// at most once a minute and only while the tab is visible (a room of open tabs must not become a request storm); the
// page, which reads the inbox itself, hands its count over so that the bell follows a mark at once.
import { useEffect, useState } from "react";
import { api } from "./api.ts";

/** How often the bell asks while the tab is visible. */
export const UNREAD_POLL_MS = 60_000;

let count: number | null = null;
let askedAt = 0;
let asking: Promise<void> | undefined;
const listeners = new Set<(n: number | null) => void>();

/** Sets the count (from an answer of the inbox) for every bell on the page. */
export function setUnreadCount(n: number | null): void {
  count = n;
  askedAt = Date.now();
  for (const listener of listeners) listener(n);
}

/** Asks the server for the count; a request already under way is shared. A failure keeps the last count. */
export function refreshUnreadCount(): Promise<void> {
  asking ??= api
    .call("listNotifications", { query: { unread: "true", limit: 1 } })
    .then(
      (page) => setUnreadCount(page.unread),
      () => undefined,
    )
    .finally(() => {
      asking = undefined;
    });
  return asking;
}

/** The count (null until known), asked for when the caller's frame appears and then every minute while visible. */
export function useUnreadCount(): number | null {
  const [n, setN] = useState<number | null>(count);
  useEffect(() => {
    listeners.add(setN);
    // A new frame is a new sign-in, possibly of another person: never show the count of the one before.
    setUnreadCount(null);
    void refreshUnreadCount();
    const stale = () => Date.now() - askedAt >= UNREAD_POLL_MS;
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible") void refreshUnreadCount();
    }, UNREAD_POLL_MS);
    // Back to a tab left for a while: one request then, not one per missed minute.
    const onVisible = () => {
      if (document.visibilityState === "visible" && stale()) void refreshUnreadCount();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      listeners.delete(setN);
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, []);
  return n;
}
