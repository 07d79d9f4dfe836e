// Builds multipart/form-data bodies byte by byte, so tests control file names (path separators, NUL, any length)
// and claimed Content-Types exactly, as a hostile client could.

export interface MultipartPart {
  readonly field: string;
  /** A text field when `filename` is absent. */
  readonly value?: string;
  readonly filename?: string;
  readonly data?: Buffer;
  /** The Content-Type the client claims for a file (never trusted by the server). */
  readonly contentType?: string;
}

export function multipartBody(parts: readonly MultipartPart[]): { body: Buffer; contentType: string } {
  const boundary = `----zgtest${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      part.filename === undefined
        ? `form-data; name="${part.field}"`
        : `form-data; name="${part.field}"; filename="${part.filename.replace(/"/g, "%22")}"`;
    const headers = [`--${boundary}`, `Content-Disposition: ${disposition}`];
    if (part.filename !== undefined)
      headers.push(`Content-Type: ${part.contentType ?? "application/octet-stream"}`);
    chunks.push(Buffer.from(`${headers.join("\r\n")}\r\n\r\n`, "utf8"));
    chunks.push(
      part.filename === undefined ? Buffer.from(part.value ?? "", "utf8") : (part.data ?? Buffer.alloc(0)),
    );
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
