// A fingerprint of what a notice says, not of its bytes: the same notice saved as .docx and as .txt, or re-saved
// with other spacing, gives the same fingerprint, so that it is recognised when it is imported again.

import { createHash } from "node:crypto";
import type { NoticeDraft } from "../documents/notice/notice-draft.ts";

/** sha-256 hex over the title, the inspection facts, the problems' texts and the plan, as parsed. */
export function noticeFingerprint(draft: NoticeDraft): string {
  const content = {
    title: draft.title,
    inspection: draft.inspection,
    problems: draft.problems.map((p) => [p.heading, p.blocks.map((b) => b.text), p.text]),
    plan: draft.plan.map((item) => item.text),
  };
  return createHash("sha256").update(JSON.stringify(content)).digest("hex");
}
