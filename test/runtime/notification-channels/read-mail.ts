// A small reader of the raw messages the test SMTP server receives, written from RFC 2045–2047 and not from the
// sender's code: headers unfolded, encoded words (B and Q) decoded, multipart split, quoted-printable and base64
// bodies decoded as UTF-8.

export interface MailPart {
  readonly headers: ReadonlyMap<string, string>;
  readonly body: string;
}

export interface ReadMail extends MailPart {
  readonly subject: string;
  readonly from: string;
  /** The leaf parts by content type (text/plain, text/html). */
  readonly parts: ReadonlyMap<string, string>;
}

export function readMail(raw: string): ReadMail {
  const top = splitPart(raw);
  const parts = new Map<string, string>();
  collect(top, parts);
  return {
    ...top,
    subject: decodeWords(top.headers.get("subject") ?? ""),
    from: decodeWords(top.headers.get("from") ?? ""),
    parts,
  };
}

function splitPart(raw: string): MailPart {
  const text = raw.replace(/\r\n/g, "\n");
  const end = text.indexOf("\n\n");
  const head = end < 0 ? text : text.slice(0, end);
  const body = end < 0 ? "" : text.slice(end + 2);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\n[ \t]+/g, " ").split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function collect(part: MailPart, into: Map<string, string>): void {
  const type = part.headers.get("content-type") ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary !== undefined) {
    const sections = part.body.split(`--${boundary}`).slice(1);
    for (const section of sections) {
      if (section.startsWith("--")) break;
      collect(splitPart(section.replace(/^\n/, "")), into);
    }
    return;
  }
  const encoding = (part.headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const bytes =
    encoding === "base64"
      ? Buffer.from(part.body.replace(/\s+/g, ""), "base64")
      : encoding === "quoted-printable"
        ? decodeQuotedPrintable(part.body)
        : Buffer.from(part.body, "utf8");
  into.set(type.split(";")[0]?.trim().toLowerCase() ?? "text/plain", bytes.toString("utf8"));
}

function decodeQuotedPrintable(text: string): Buffer {
  const joined = text.replace(/=\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const c = joined[i] ?? "";
    const hex = joined.slice(i + 1, i + 3);
    if (c === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(c, "utf8"));
    }
  }
  return Buffer.from(bytes);
}

/** RFC 2047: =?charset?B|Q?…?= words decoded; whitespace between adjacent words dropped. */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, "$1$2")
    .replace(/=\?([^?]+)\?([BQ])\?([^?]*)\?=/gi, (_all, _charset: string, kind: string, data: string) =>
      kind.toUpperCase() === "B"
        ? Buffer.from(data, "base64").toString("utf8")
        : decodeQuotedPrintable(data.replace(/_/g, " ")).toString("utf8"),
    );
}
