// The header's bell: the caller's unread notifications as a badge, leading to 提醒. Its count is asked for gently
// (unread-notifications.ts); screen readers hear the count in the link's name.
import { Badge } from "antd";
import type { ReactNode } from "react";
import { linkTo, paths } from "../router.ts";
import { useUnreadCount } from "../unread-notifications.ts";

export function NotificationBell(): ReactNode {
  const unread = useUnreadCount();
  const label = unread === null ? "提醒" : `提醒，${unread}条未读`;
  return (
    <a className="frame-bell" {...linkTo(paths.notifications())} aria-label={label} title={label}>
      <Badge count={unread ?? 0} size="small" overflowCount={99} offset={[2, -2]}>
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
      </Badge>
    </a>
  );
}
