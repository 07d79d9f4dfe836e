// Test doubles of the notification port and the scheduler's ports: a channel that records what it was asked to send
// (and can be told to fail), a movable clock whose "today" is the Shanghai date of "now", and the deps of one app
// node over a store.

import type {
  ChannelKind,
  ChannelTarget,
  DeliveryResult,
  NotificationChannel,
  OutgoingMessage,
} from "../../src/app/notification-channel.ts";
import type { NotificationDeps } from "../../src/app/notification-deps.ts";
import { chineseDaysCalendar } from "../../src/main.ts";
import type { Store } from "../../src/storage/store.ts";

export interface Sent {
  readonly kind: ChannelKind;
  readonly target: ChannelTarget;
  readonly message: OutgoingMessage;
}

export interface RecordingChannel extends NotificationChannel {
  readonly sent: Sent[];
  /** What the next sends answer (default: ok). */
  answer: (message: OutgoingMessage) => DeliveryResult;
}

export function recordingChannel(kind: ChannelKind, sent: Sent[] = []): RecordingChannel {
  const channel: RecordingChannel = {
    kind,
    sent,
    answer: () => ({ ok: true }),
    async send(target, message) {
      await Promise.resolve();
      const result = channel.answer(message);
      if (result.ok) sent.push({ kind, target, message });
      return result;
    },
  };
  return channel;
}

export interface FakeClock {
  now(): string;
  today(): string;
  set(iso: string): void;
  advanceMs(ms: number): void;
}

export function fakeClock(start: string): FakeClock {
  let at = Date.parse(start);
  return {
    now: () => new Date(at).toISOString(),
    today: () => new Date(at + 8 * 3_600_000).toISOString().slice(0, 10),
    set: (iso) => {
      at = Date.parse(iso);
    },
    advanceMs: (ms) => {
      at += ms;
    },
  };
}

// Ids are counted over the whole test file: a node started again never repeats an id of its earlier run.
let idCount = 0;

/** The deps of one node: its own ids (prefixed by the node's name). */
export function nodeDeps(
  store: Store,
  clock: FakeClock,
  node: string,
  channels: NotificationDeps["notificationChannels"],
): NotificationDeps {
  return {
    store,
    clock,
    ids: { next: (prefix) => `${prefix}_${node}_${String((idCount += 1)).padStart(6, "0")}` },
    calendar: chineseDaysCalendar(),
    notificationChannels: channels,
    random: () => 0.5,
    publicBaseUrl: "https://zg.example.org",
  };
}
