// The message as each channel shows it: the link only when it is an http(s) address (it becomes an href), long
// texts cut to what a robot accepts, and the plain text turned into the HTML alternative of an email.

import type { OutgoingMessage } from "../../app/notification-channel.ts";

/** The message's link if it is an absolute http(s) URL; anything else (javascript:, relative) is dropped. */
export function safeLink(message: OutgoingMessage): string | undefined {
  if (message.link === undefined) return undefined;
  try {
    const url = new URL(message.link);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** `text` cut to at most `maxBytes` of UTF-8, on a character boundary, with "…" when cut. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, "utf8") <= maxBytes) return text;
  let out = "";
  let bytes = Buffer.byteLength("…", "utf8");
  for (const ch of text) {
    const size = Buffer.byteLength(ch, "utf8");
    if (bytes + size > maxBytes) break;
    out += ch;
    bytes += size;
  }
  return `${out}…`;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

/** The email's plain text: the message, then the link on a line of its own. */
export function emailText(message: OutgoingMessage): string {
  const link = safeLink(message);
  return link === undefined ? message.text : `${message.text}\n\n查看详情：${link}`;
}

/** The email's simple HTML alternative: the subject as a heading, one paragraph per line, the link as a button-like anchor. */
export function emailHtml(message: OutgoingMessage): string {
  const link = safeLink(message);
  const lines = message.text
    .split("\n")
    .map((line) => (line.trim() === "" ? "" : `<p style="margin:0 0 8px">${escapeHtml(line)}</p>`))
    .join("\n");
  const anchor =
    link === undefined ? "" : `\n<p style="margin:16px 0 0"><a href="${escapeHtml(link)}">查看详情</a></p>`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(message.subject)}</title></head>
<body style="font-family:'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;font-size:14px;line-height:1.6">
<h3 style="margin:0 0 12px">${escapeHtml(message.subject)}</h3>
${lines}${anchor}
</body></html>
`;
}
