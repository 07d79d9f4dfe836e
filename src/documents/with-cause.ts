// Attaches the system or library error behind a DomainError as its standard `cause`: kept for the log, while
// the user sees only the Chinese message (DomainError's constructor takes no cause).

import type { DomainError } from "../domain/domain-error.ts";

export const withCause = (error: DomainError, cause: unknown): DomainError => Object.assign(error, { cause });
