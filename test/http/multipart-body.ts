// Test helper: a multipart/form-data body (fields and files) for app.inject, built byte for byte.

export type MultipartPart =
  | { readonly name: string; readonly value: string }
  | { readonly name: string; readonly fileName: string; readonly content: Buffer; readonly type?: string };

export function multipartBody(parts: readonly MultipartPart[]): { payload: Buffer; contentType: string } {
  const boundary = `----zhenggai-test-${Math.random().toString(36).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const head =
      "value" in part
        ? `Content-Disposition: form-data; name="${part.name}"\r\n\r\n`
        : `Content-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\n` +
          `Content-Type: ${part.type ?? "application/octet-stream"}\r\n\r\n`;
    chunks.push(Buffer.from(`--${boundary}\r\n${head}`, "utf8"));
    chunks.push("value" in part ? Buffer.from(part.value, "utf8") : part.content);
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
