// What a command may touch: output streams, a stop signal, and a hook telling tests where the server listens.

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Aborting stops long-running commands (serve) gracefully. */
  readonly signal?: AbortSignal;
  /** Called once `serve` is listening, with its base URL. */
  readonly onListening?: (url: string) => void;
  /** Environment to read settings from (defaults to the process's). */
  readonly env?: Record<string, string | undefined>;
}

/** Exit codes: 0 ok, 1 failure while working, 2 the command line or the input is wrong. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;
