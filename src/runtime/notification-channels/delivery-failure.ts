// How the channels word a failed attempt: a DeliveryResult whose error text is safe to store and show to the
// administrator. Robot URLs carry their access token (DingTalk, WeCom: in the query; Feishu: in the path) and
// targets carry signing secrets, so every text that leaves a channel is scrubbed of them here.

import type { DeliveryResult } from "../../app/notification-channel.ts";

/** A failed attempt; `retryable: false` when trying the same message again cannot help. */
export function failed(retryable: boolean, error: string): DeliveryResult {
  return { ok: false, retryable, error };
}

/** Where a URL points, without anything that can be a credential: scheme, host and port only. */
export function redactUrl(address: string): string {
  try {
    const url = new URL(address);
    return `${url.protocol}//${url.host}`;
  } catch {
    return "（无法解析的地址）";
  }
}

/**
 * The parts of a target that must never appear in a text: the secret, every query value, every path segment
 * that looks like a token (long, or letters mixed with digits), and the user and password of the URL. Short values are left out, so that scrubbing
 * does not mangle ordinary words of an error message.
 */
export function secretsOf(address: string, secret: string | undefined): string[] {
  const found = new Set<string>();
  const add = (value: string, least = 6) => {
    if (value.length >= least) found.add(value);
  };
  if (secret !== undefined) add(secret, 4);
  try {
    const url = new URL(address);
    for (const value of url.searchParams.values()) add(value);
    for (const segment of url.pathname.split("/")) {
      const value = decodeURIComponent(segment);
      // A token-like segment (Feishu's hook id, a UUID), not a word of the path such as "webhook".
      if (value.length >= 16 || (/\d/.test(value) && /[a-z]/i.test(value))) add(value);
    }
    add(decodeURIComponent(url.username));
    add(decodeURIComponent(url.password));
    if (url.search.length > 1) add(url.search.slice(1));
  } catch {
    // An address that does not parse is refused before any request; nothing of it is quoted.
  }
  return [...found].sort((a, b) => b.length - a.length);
}

/** `text` with every secret (and its base64 and URL-encoded forms) replaced by ***. */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret === "") continue;
    for (const form of [secret, encodeURIComponent(secret), Buffer.from(secret).toString("base64")]) {
      out = out.split(form).join("***");
    }
  }
  return out;
}

/** At most `max` characters of a text from a server (an error reply), on one line. */
export function excerpt(text: string, max = 200): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}
