// Where deadlines written without a year (6月30日前, 年底前) take it from. Pure. Never a silent guess: a year
// taken from the ledger's other deadlines is marked `assumed`, and every deadline read with it is warned about.

import type { CalendarDate } from "../../domain/calendar-date.ts";
import type { ProblemDraft, YearSource } from "./ledger-row-inputs.ts";
import { parseDeadline } from "./parse-deadline.ts";

/**
 * `given`: the target inspection's or the workbook's feedback date (dates roll forward past it); else the
 * 截至/填报日期 above the header (`asOf`: its year, from 1 January); else the earliest year written in another
 * deadline (assumed). A null reference: no year is knowable, such deadlines are errors.
 */
export function deadlineYearSource(options: {
  readonly given: CalendarDate | null;
  readonly asOf: CalendarDate | null;
  readonly problems: readonly ProblemDraft[];
}): YearSource {
  if (options.given) return { reference: options.given, assumed: false };
  const asOfYear = options.asOf === null ? undefined : /^(\d{4})/.exec(options.asOf)?.[1];
  if (asOfYear) return { reference: `${asOfYear}-01-01`, assumed: false };
  let year: number | undefined;
  for (const p of options.problems) {
    for (const m of p.measures) {
      const parsed = parseDeadline(m.deadline, null);
      if (parsed.ok && parsed.deadline) year = Math.min(year ?? 9999, Number(parsed.deadline.slice(0, 4)));
    }
  }
  return year === undefined
    ? { reference: null, assumed: false }
    : { reference: `${year}-01-01`, assumed: true };
}
