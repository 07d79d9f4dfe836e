// What the notification use cases need beyond the calendar's deps: the channels (the port) and a random source for
// the retries' jitter, both passed in so that tests use a recording channel and a fixed draw.

import type { NotificationChannels } from "./notification-channel.ts";
import type { CalendarDeps } from "./working-calendar.ts";

export interface NotificationDeps extends CalendarDeps {
  readonly notificationChannels: NotificationChannels;
  /** A number in [0, 1) for each retry's jitter. */
  readonly random: () => number;
  /** The public address of zhenggai (`https://zg.example.org`): links in sent messages are made absolute with it. */
  readonly publicBaseUrl?: string;
}

/** The link a message carries out: absolute when the public address is known, else none (a path means nothing). */
export const absoluteLink = (
  deps: Pick<NotificationDeps, "publicBaseUrl">,
  path: string | null,
): string | null =>
  path === null || deps.publicBaseUrl === undefined
    ? null
    : `${deps.publicBaseUrl.replace(/\/+$/, "")}${path}`;
