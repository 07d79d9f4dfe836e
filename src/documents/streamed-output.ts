// A document written into a stream while it is read: the readable side of a pass-through that a writer fills, so an
// HTTP answer can send a workbook as it is produced instead of holding it in memory.

import { PassThrough, type Readable, type Writable } from "node:stream";

/**
 * Starts `write` on a pass-through and returns its readable side, ended when `write` resolves (if the writer did not
 * end it) and destroyed with the error when it rejects; `onError` receives that error for the log.
 */
export function streamedOutput(
  write: (output: Writable) => Promise<unknown>,
  onError: (error: unknown) => void,
): Readable {
  const stream = new PassThrough();
  write(stream).then(
    () => {
      if (!stream.writableEnded) stream.end();
    },
    (e: unknown) => {
      onError(e);
      stream.destroy(e instanceof Error ? e : new Error(String(e)));
    },
  );
  return stream;
}
