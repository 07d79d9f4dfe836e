// The shape every robot and webhook channel shares: check the address, build the request (a fresh timestamp and
// signature per attempt), POST it, read the answer by the vendor's rules. A vendor file supplies only its format.

import type {
  ChannelKind,
  ChannelTarget,
  DeliveryResult,
  NotificationChannel,
  OutgoingMessage,
} from "../../app/notification-channel.ts";
import { failed } from "./delivery-failure.ts";
import { checkAddress, postJson, type WebhookAnswer, type WebhookOptions } from "./webhook-post.ts";

/** What one attempt sends; `url` is a copy of the target's that the format may add signing parameters to. */
export interface RobotRequest {
  readonly url: URL;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface RobotFormat {
  readonly kind: ChannelKind;
  /** How the receiver is named in error texts, e.g. 钉钉机器人. */
  readonly label: string;
  /** The request for one attempt at `nowMs`, or a final failure when the target cannot be used (no secret…). */
  readonly request: (
    url: URL,
    target: ChannelTarget,
    message: OutgoingMessage,
    nowMs: number,
  ) => RobotRequest | DeliveryResult;
  /** Success or the classified failure, from the answer that came back. */
  readonly interpret: (url: URL, answer: WebhookAnswer) => DeliveryResult;
}

/** A channel that speaks `format`. Never throws: a fault of its own is answered as a retryable failure. */
export function robotChannel(format: RobotFormat, options: WebhookOptions): NotificationChannel {
  const now = options.now ?? Date.now;
  return {
    kind: format.kind,
    async send(target, message, signal) {
      try {
        const checked = checkAddress(format.label, target.address, options.allowHttp);
        if ("result" in checked) return checked.result;
        const request = format.request(new URL(checked.url.href), target, message, now());
        if (!("url" in request)) return request;
        const outcome = await postJson(
          format.label,
          request.url,
          request.body,
          request.headers ?? {},
          { ...options, secret: target.secret },
          signal,
        );
        return outcome.answered ? format.interpret(request.url, outcome.answer) : outcome.result;
      } catch {
        // Nothing of the exception is quoted: it may hold the address and its token.
        return failed(true, `${format.label}发送时出现意外错误`);
      }
    },
  };
}

/** A link as Markdown accepts it inside (…): parentheses escaped. */
export const markdownHref = (link: string): string => link.replace(/\(/g, "%28").replace(/\)/g, "%29");
