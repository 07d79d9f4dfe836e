// The port through which notifications leave the system (issue 12, item 6): email over SMTP and the robot
// webhooks of DingTalk, WeCom and Feishu, and a generic HMAC-signed JSON webhook. Implementations live in
// src/runtime/notification-channels/; the outbox (src/scheduler/) decides what to send, when, and retries.

/** The transports a person or an office can be reached by, besides the in-app inbox (which needs no channel). */
export type ChannelKind = "email" | "dingtalk" | "wecom" | "feishu" | "webhook";

export const CHANNEL_KINDS: readonly ChannelKind[] = ["email", "dingtalk", "wecom", "feishu", "webhook"];

/** Where one message goes: an email address, or a robot/webhook URL with its signing secret. */
export interface ChannelTarget {
  readonly kind: ChannelKind;
  /** `name@example.org` for email; the robot's or receiver's https URL for the others. */
  readonly address: string;
  /** DingTalk 加签 secret, Feishu 签名校验 secret, or the generic webhook's HMAC key; WeCom robots have none. */
  readonly secret?: string;
}

/** What to say, already written in Chinese by the caller (a warning, a digest, a reminder). */
export interface OutgoingMessage {
  /** Stable key of this message (e.g. `warning:msr_1:red:2026-12-04:usr_3`); receivers may use it to drop repeats. */
  readonly dedupeKey: string;
  /** One line: the email subject and the robot card's title. */
  readonly subject: string;
  /** Plain text, lines separated by "\n"; robots render it as Markdown-light text. */
  readonly text: string;
  /** Absolute link to the page in zhenggai, when the public base URL is configured. */
  readonly link?: string;
}

/** The outcome of one attempt. `retryable: false` means trying again cannot help (bad address, rejected secret). */
export type DeliveryResult =
  | { readonly ok: true; readonly detail?: string }
  | { readonly ok: false; readonly retryable: boolean; readonly error: string };

export interface NotificationChannel {
  readonly kind: ChannelKind;
  /** Sends once; never throws for a delivery failure, answers it. The caller bounds the time with `signal`. */
  send(target: ChannelTarget, message: OutgoingMessage, signal?: AbortSignal): Promise<DeliveryResult>;
}

/** Every channel the process can use, by kind; a kind not configured (no SMTP host) is absent. */
export type NotificationChannels = Partial<Readonly<Record<ChannelKind, NotificationChannel>>>;
