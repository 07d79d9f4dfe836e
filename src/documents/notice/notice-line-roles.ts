// Where every input line of a notice went: the proof that no paragraph is dropped silently. Each non-blank
// line is structure (page number, metadata, table header, a line joined to the one before), signature, title,
// part of a section, part of a problem, or unclassified (and then named in a warning).

import type { ClassifiedLine } from "./classify-lines.ts";
import type { NoticeLine } from "./normalize-text.ts";
import type { NoticeOutline } from "./notice-outline.ts";

export type LineRole =
  | "structure"
  | "signature"
  | "title"
  | "intro"
  | "organisation"
  | "statement"
  | "problem"
  | "plan"
  | "contact"
  | "unclassified";

export interface LineRoleInput {
  readonly structural: readonly number[];
  readonly signature: readonly NoticeLine[];
  readonly outline: NoticeOutline;
  /** An attached document after the signature, kept unread. */
  readonly appendix?: readonly NoticeLine[];
}

/** The role of each input line (1-based) that carries text. */
export function lineRoles({
  structural,
  signature,
  outline,
  appendix = [],
}: LineRoleInput): Map<number, LineRole> {
  const roles = new Map<number, LineRole>();
  const mark = (lines: readonly ClassifiedLine[] | readonly NoticeLine[], role: LineRole): void => {
    for (const l of lines) if (!roles.has(l.n)) roles.set(l.n, role);
  };
  for (const n of structural) roles.set(n, "structure");
  mark(signature, "signature");
  if (outline.titleLine !== null) roles.set(outline.titleLine, "title");
  for (const p of outline.problems) mark([p.heading, ...p.content], "problem");
  mark(outline.intro, "intro");
  mark(outline.organisation, "organisation");
  mark(outline.statements, "statement");
  mark(outline.plan, "plan");
  mark(outline.contact, "contact");
  mark(outline.unclassified, "unclassified");
  mark(outline.separators, "structure");
  mark(appendix, "unclassified");
  return roles;
}
