// The name an uploaded file is shown and downloaded under: the client's name made harmless (last path segment, no
// control or format characters, no reserved characters, bounded length) with an extension that matches the sniffed
// kind. Pure. The name is only ever a label: no path is built from it.

import type { EvidenceMediaType } from "./sniff-media-type.ts";

/** Longest name kept, in characters (Unicode code points). */
export const MAX_UPLOAD_NAME_CHARS = 120;

/** Name of a file that arrived without a usable one. */
export const UNNAMED_UPLOAD = "未命名文件";

const EXTENSIONS: Readonly<Record<EvidenceMediaType["kind"], readonly string[]>> = {
  pdf: [".pdf"],
  jpeg: [".jpg", ".jpeg"],
  png: [".png"],
  webp: [".webp"],
  docx: [".docx"],
  xlsx: [".xlsx"],
  pptx: [".pptx"],
  ofd: [".ofd"],
  zip: [".zip"],
};

/**
 * The client's file name as a safe label: the part after the last `/` or `\`, NFC, without control and format
 * characters (bidi overrides that disguise an extension included) and lone surrogates, Windows-reserved characters replaced by `_`,
 * leading and trailing dots and spaces dropped (so `..` becomes nothing), at most MAX_UPLOAD_NAME_CHARS characters
 * with the extension kept. Chinese and other letters are kept as they are.
 */
export function sanitizeUploadName(raw: string): string {
  const segments = raw.normalize("NFC").split(/[/\\]/);
  const cleaned = (segments[segments.length - 1] ?? "")
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu, "")
    .replace(/[<>:"|?*]/g, "_")
    .replace(/^[.\s]+|[.\s]+$/gu, "");
  if (cleaned === "") return UNNAMED_UPLOAD;
  return truncateKeepingExtension(cleaned, MAX_UPLOAD_NAME_CHARS);
}

/** `name` with an extension of `kind` (appended when its own extension says otherwise), still within the cap. */
export function withKindExtension(name: string, kind: EvidenceMediaType["kind"]): string {
  const allowed = EXTENSIONS[kind];
  const lower = name.toLowerCase();
  if (allowed.some((ext) => lower.endsWith(ext))) return name;
  const ext = allowed[0] ?? "";
  const chars = [...name];
  const room = MAX_UPLOAD_NAME_CHARS - ext.length;
  return (chars.length > room ? chars.slice(0, room).join("") : name) + ext;
}

function truncateKeepingExtension(name: string, max: number): string {
  const chars = [...name];
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 ? [...name.slice(dot)] : [];
  if (ext.length === 0 || ext.length > 10) return chars.slice(0, max).join("");
  return chars.slice(0, max - ext.length).join("") + ext.join("");
}
