// On an empty database, loads a real published notice as example data (示例) so a newcomer sees a ledger at once.

import { SCOPE_ALL } from "../domain/scope.ts";
import { parseNotice } from "../documents/notice/parse-notice.ts";
import { SYSTEM_ACTOR, type Deps } from "./deps.ts";
import { importNotice } from "./import-notice.ts";

/** The example unit's name carries the mark, so lists and reports can never pass it off as real data. */
export const EXAMPLE_MARK = "（示例）";

/**
 * Imports `noticeText` as an example ledger when no inspection exists yet. Returns the new inspection id,
 * or null when the database already holds data. Examples are flagged and left out of every total.
 */
export async function offerExampleLedger(deps: Deps, noticeText: string): Promise<string | null> {
  if ((await deps.store.inspections.count(SCOPE_ALL, { includeExamples: true })) > 0) return null;
  const draft = parseNotice(noticeText);
  const unitName = `${draft.inspection.target ?? "示例单位"}${EXAMPLE_MARK}`;
  const { created } = await importNotice(deps, SYSTEM_ACTOR, draft, { unitName, isExample: true });
  return created?.inspectionId ?? null;
}
