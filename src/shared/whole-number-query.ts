// A whole number in a query string (`?weeks=12`, `?limit=50`): coerced from its text, and refused with one Chinese
// message whichever way it is wrong (not a number, a fraction, too small, too large), naming what is expected.

import { z } from "zod";

/** `what`: the field as the message names it, with the space an English name wants (`"weeks "`, `"每页条数"`). */
export function wholeNumberQuery(what: string, min: number, max: number) {
  const error = `${what}应为 ${min} 到 ${max} 的整数`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}
