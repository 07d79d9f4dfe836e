// The one error type of the domain: a stable snake_case code for programs, a Chinese message safe to show users.

/** A field-level problem in the input: `path` is the dotted field name, `code` stable, `message` in Chinese. */
export interface FieldIssue {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

/**
 * A rule of the domain was broken (illegal transition, invalid input, reference to something
 * not visible to the caller). Never carries internal causes; those belong in the log.
 */
export class DomainError extends Error {
  override readonly name = "DomainError";
  constructor(
    readonly code: string,
    message: string,
    readonly fields?: readonly FieldIssue[],
  ) {
    super(message);
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
