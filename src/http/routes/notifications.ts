// The notification routes: the caller's own inbox and preferences, and the administrator's outbox and robots.
// Thin: parse, call the use case, answer. Paths and schemas: shared/notification-routes.ts.

import type { Deps } from "../../app/deps.ts";
import {
  deleteNotificationTarget,
  listDeliveries,
  listNotificationTargets,
  putNotificationTarget,
  retryDelivery,
} from "../../app/notification-admin.ts";
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from "../../app/notification-inbox.ts";
import {
  getNotificationPreferences,
  setNotificationPreferences,
} from "../../app/notification-preferences.ts";
import { NOTIFICATION_ROUTES as API } from "../../shared/notification-routes.ts";
import { callerOf } from "../auth.ts";
import type { ContractRouter } from "../contract-route.ts";

export function notificationRoutes(route: ContractRouter, deps: Deps): void {
  route(API.listNotifications, async ({ request }) =>
    listNotifications(deps, callerOf(request), { query: request.query }),
  );
  route(API.readNotification, async ({ request, reply, params }) => {
    await markNotificationRead(deps, callerOf(request), { id: params.id });
    return reply.status(204).send();
  });
  route(API.readAllNotifications, async ({ request }) => markAllNotificationsRead(deps, callerOf(request)));
  route(API.getNotificationPreferences, async ({ request }) =>
    getNotificationPreferences(deps, callerOf(request)),
  );
  route(API.setNotificationPreferences, async ({ request }) =>
    setNotificationPreferences(deps, callerOf(request), { input: request.body }),
  );
  route(API.listDeliveries, async ({ request }) =>
    listDeliveries(deps, callerOf(request), { query: request.query }),
  );
  route(API.retryDelivery, async ({ request, params }) =>
    retryDelivery(deps, callerOf(request), { id: params.id }),
  );
  route(API.listNotificationTargets, async ({ request }) => listNotificationTargets(deps, callerOf(request)));
  route(API.putNotificationTarget, async ({ request }) =>
    putNotificationTarget(deps, callerOf(request), { input: request.body }),
  );
  route(API.deleteNotificationTarget, async ({ request, reply, params }) => {
    await deleteNotificationTarget(deps, callerOf(request), { id: params.id });
    return reply.status(204).send();
  });
}
