// Command-line wording of input errors: a missing flag, and validation fields renamed to the flag a user typed.

import { DomainError } from "../domain/domain-error.ts";

/** A required flag that was not given, named with what it means. */
export const missingFlag = (flag: string, meaning: string): DomainError =>
  new DomainError("invalid_input", `缺少 ${flag}（${meaning}）`);

/**
 * Rewrites an invalid_input error so that it names flags (`--login`) instead of internal field names
 * (`login`); other errors pass through unchanged.
 */
export function namingFlags(e: unknown, flags: Readonly<Record<string, string>>): unknown {
  if (!(e instanceof DomainError) || e.fields === undefined) return e;
  const fields = e.fields.map((f) => ({ ...f, path: flags[f.path] ?? f.path }));
  const first = fields[0];
  const message =
    e.code === "invalid_input" && first ? `参数有误：${first.path} ${first.message}` : e.message;
  return new DomainError(e.code, message, e.code === "invalid_input" ? fields.slice(1) : []);
}
