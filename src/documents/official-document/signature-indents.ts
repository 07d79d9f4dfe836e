// Where 发文机关署名 and 成文日期 sit (cl. 7.3.5, gbt9704.md §1.5), as right gaps in 字 shared by the docx and HTML writers.
// Pure arithmetic on text widths; no renderer types.

import { textWidth } from "./estimate-lines.ts";

/** Right gaps, in 字, of the name line and the date line. */
export interface SignatureIndents {
  name: number;
  date: number;
}

/**
 * Case 1 (sealed): date 4 字 from the right, name centred over the date: 4 + (w(date) − w(name)) / 2, never
 * below 0. Case 2 (unsealed): name 2 字 from the right, date starting 2 字 right of the name's first
 * character; when the date is the longer one it keeps a 2-字 gap and the name moves left instead.
 */
export function signatureIndents(org: string, dateText: string, sealed: boolean): SignatureIndents {
  const name = textWidth(org);
  const date = textWidth(dateText);
  if (sealed) return { name: Math.max(0, 4 + (date - name) / 2), date: 4 };
  if (date <= name) return { name: 2, date: name - date };
  return { name: 2 + date + 2 - name, date: 2 };
}
