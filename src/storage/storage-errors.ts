// Errors of the storage layer that callers must tell apart from bugs: the database cannot be reached or is locked.

/** The database is down, unreachable, or locked past the timeout. The message is Chinese and safe to show. */
export class StorageUnavailableError extends Error {
  override readonly name = "StorageUnavailableError";
  readonly code = "storage_unavailable";
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
  }
}

/**
 * A write collided with a concurrent one on a uniqueness rule that the use case could not resolve by itself
 * (e.g. two users saving the same name at once). Retrying usually succeeds; the message says so.
 */
export class StorageConflictError extends Error {
  override readonly name = "StorageConflictError";
  readonly code = "storage_conflict";
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
  }
}

/** SQLite and PostgreSQL codes of a unique-constraint violation. */
const UNIQUE_VIOLATION_CODES = new Set(["SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY", "23505"]);

const UNAVAILABLE_CODES = new Set([
  "SQLITE_BUSY",
  "SQLITE_LOCKED",
  "SQLITE_CANTOPEN",
  "ECONNREFUSED",
  "ENOTFOUND",
  "ETIMEDOUT",
  "57P01",
  "57P03",
  "55P03",
]);

/**
 * Maps driver errors meaning "cannot reach or lock the database" to StorageUnavailableError and unique-key
 * collisions to StorageConflictError (both with Chinese messages, the driver's error kept as the cause);
 * others pass through.
 */
export function translateStorageError(e: unknown): unknown {
  if (e instanceof StorageUnavailableError || e instanceof StorageConflictError) return e;
  const err = e as { code?: string; message?: string } | undefined;
  const code = err?.code ?? "";
  const message = err?.message ?? "";
  if (UNIQUE_VIOLATION_CODES.has(code)) {
    return new StorageConflictError(
      "与同时进行的其他操作冲突（同一数据被重复写入），未保存任何内容，请重试",
      e,
    );
  }
  if (
    UNAVAILABLE_CODES.has(code) ||
    /timeout exceeded when trying to connect|Connection terminated|database is locked/i.test(message)
  ) {
    const what =
      code.startsWith("SQLITE") || /database is locked/.test(message)
        ? "数据库文件被占用（已等待超时）"
        : "数据库暂时无法连接";
    return new StorageUnavailableError(`${what}，请稍后重试`, e);
  }
  return e;
}
