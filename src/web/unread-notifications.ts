// The caller's count of unread notifications, shared by the header's bell and the 提醒 page: the bell asks the server
// at most once a minute and only while the tab is visible (a room of open tabs must not become a request storm), and
// only when the person did something since its last ask — a request of its own would keep the session alive, and an
// unattended browser must still be signed out by the idle timeout. The page, which reads the inbox itself, hands its
// count over so that the bell follows a mark at once.
import { useEffect, useState } from "react";
import { api } from "./api.ts";

/** How often the bell asks while the tab is visible. */
export const UNREAD_POLL_MS = 60_000;

let count: number | null = null;
let askedAt = 0;
let asking: Promise<void> | undefined;
/** The person's last key, click, touch or wheel (ms since the epoch). */
let activeAt = 0;
const listeners = new Set<(n: number | null) => void>();

function publish(n: number | null): void {
  count = n;
  for (const listener of listeners) listener(n);
}

/** Sets the count from the page's own answer of the inbox (which counts as an ask) for every bell on the page. */
export function setUnreadCount(n: number | null): void {
  askedAt = Date.now();
  publish(n);
}

/** Asks the server for the count; a request already under way is shared. A failure keeps the last count. */
export function refreshUnreadCount(): Promise<void> {
  if (asking !== undefined) return asking;
  askedAt = Date.now();
  asking = api
    .call("listNotifications", { query: { unread: "true", limit: 1 } })
    .then(
      (page) => publish(page.unread),
      () => undefined,
    )
    .finally(() => {
      asking = undefined;
    });
  return asking;
}

const ACTIVITY = ["keydown", "pointerdown", "wheel", "touchstart"] as const;

/**
 * The count (null until known), asked for when the caller's frame appears, then every minute while the tab is visible
 * and the person was active since the last ask; coming back (to the tab, or to the keyboard or mouse) after a minute
 * or more asks once at once.
 */
export function useUnreadCount(): number | null {
  const [n, setN] = useState<number | null>(count);
  useEffect(() => {
    listeners.add(setN);
    // A new frame is a new sign-in, possibly of another person: never show the count of the one before.
    publish(null);
    void refreshUnreadCount();
    activeAt = Date.now();
    const visible = () => document.visibilityState === "visible";
    const stale = () => Date.now() - askedAt >= UNREAD_POLL_MS;
    const timer = window.setInterval(() => {
      if (visible() && activeAt > askedAt) void refreshUnreadCount();
    }, UNREAD_POLL_MS);
    // Back to a tab, or to the keyboard, after a while: one request then, not one per missed minute.
    const onReturn = () => {
      if (visible() && stale()) void refreshUnreadCount();
    };
    const onActivity = () => {
      activeAt = Date.now();
      onReturn();
    };
    document.addEventListener("visibilitychange", onReturn);
    for (const type of ACTIVITY) window.addEventListener(type, onActivity, { capture: true, passive: true });
    return () => {
      listeners.delete(setN);
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onReturn);
      for (const type of ACTIVITY) window.removeEventListener(type, onActivity, { capture: true });
    };
  }, []);
  return n;
}
