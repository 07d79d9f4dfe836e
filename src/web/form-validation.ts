// Forms check their values with the API's own zod schemas (src/shared), so that the page and the server refuse the
// same things in the same Chinese words; the messages land under the fields they name.
import type { FormInstance } from "antd";
import { isDomainError } from "../domain/domain-error.ts";

/**
 * The form field a message of `path` belongs to — its last named segment ("official.signers.1" → signers) — and the
 * words that say which item of a list it is.
 */
function fieldOf(path: string): { name: string; message: (text: string) => string } {
  const segments = path.split(".");
  const last = segments.at(-1) ?? "";
  const isIndex = /^\d+$/.test(last);
  const name = (isIndex ? segments.at(-2) : last) ?? "";
  return { name, message: (text) => (isIndex ? `第${Number(last) + 1}项：${text}` : text) };
}

/**
 * Runs `parse` (the shared parseInput with the API's schema); when it refuses the input, puts each message under its
 * field of `form` (a message for a field the form does not have goes to `onOther`) and answers undefined.
 */
export function validateForm<T>(
  form: FormInstance,
  parse: () => T,
  onOther: (message: string) => void,
): T | undefined {
  // Messages of the last attempt go: each attempt says what is wrong now.
  form.setFields(form.getFieldsError().map((f) => ({ name: f.name, errors: [] })));
  try {
    return parse();
  } catch (error) {
    if (!isDomainError(error)) throw error;
    showFieldErrors(form, error.fields ?? [], error.message, onOther);
    return undefined;
  }
}

function showFieldErrors(
  form: FormInstance,
  fields: readonly { path: string; message: string }[],
  summary: string,
  onOther: (message: string) => void,
): void {
  const known = new Set(
    form
      .getFieldsError()
      .map((f) => f.name[0])
      .filter((n) => n !== undefined)
      .map(String),
  );
  const byField = new Map<string, string[]>();
  const other: string[] = [];
  for (const issue of fields) {
    const { name, message } = fieldOf(issue.path);
    if (known.has(name)) byField.set(name, [...(byField.get(name) ?? []), message(issue.message)]);
    else other.push(issue.message);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  if (other.length > 0 || byField.size === 0) onOther(other.length > 0 ? other.join("；") : summary);
}
