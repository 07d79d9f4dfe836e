// Chinese messages and stable codes for what Fastify and Node refuse before our code runs (bad URL, body, HTTP).
// Only the table: the error handler and the client-error handler decide where each answer goes.

import type { ErrorCode } from "../shared/error-registry.ts";

/** A refusal as the client sees it: HTTP status, stable snake_case code, Chinese message. */
export interface ClientFacingError {
  readonly status: number;
  readonly code: ErrorCode;
  readonly message: string;
}

const refusal = (status: number, code: ErrorCode, message: string): ClientFacingError => ({
  status,
  code,
  message,
});

const BAD_URL = refusal(400, "bad_url", "请求地址中的百分号编码（%xx）无效，无法解码");
const URI_TOO_LONG = refusal(414, "uri_too_long", "请求地址中的参数过长");
const INVALID_JSON = refusal(400, "invalid_json", "请求体不是有效的 JSON");
const EMPTY_JSON_BODY = refusal(400, "empty_json_body", "请求体为空，但 Content-Type 声明为 JSON");
const UNSUPPORTED_MEDIA_TYPE = refusal(
  415,
  "unsupported_media_type",
  "不支持该请求体类型（Content-Type），请使用 application/json",
);
const BODY_TOO_LARGE = refusal(413, "body_too_large", "请求体过大，超过服务器允许的上限");
const INVALID_CONTENT_LENGTH = refusal(
  400,
  "invalid_content_length",
  "请求体的实际长度与 Content-Length 不符",
);
const REQUEST_TIMEOUT = refusal(408, "request_timeout", "请求超时，请重试");
const HEADERS_TOO_LARGE = refusal(431, "headers_too_large", "请求头过大");
const MALFORMED_REQUEST = refusal(400, "malformed_request", "请求不符合 HTTP 格式，无法解析");
const BAD_REQUEST = refusal(400, "bad_request", "请求格式不正确，无法处理");

/** Fastify's own error codes (lib/errors.js); their English text never reaches a client. */
const BY_FASTIFY_CODE: ReadonlyMap<string, ClientFacingError> = new Map([
  ["FST_ERR_BAD_URL", BAD_URL],
  ["FST_ERR_MAX_PARAM_LENGTH", URI_TOO_LONG],
  ["FST_ERR_CTP_INVALID_JSON_BODY", INVALID_JSON],
  ["FST_ERR_CTP_EMPTY_JSON_BODY", EMPTY_JSON_BODY],
  ["FST_ERR_CTP_INVALID_MEDIA_TYPE", UNSUPPORTED_MEDIA_TYPE],
  ["FST_ERR_CTP_BODY_TOO_LARGE", BODY_TOO_LARGE],
  ["FST_ERR_CTP_INVALID_CONTENT_LENGTH", INVALID_CONTENT_LENGTH],
  ["FST_ERR_VALIDATION", refusal(400, "invalid_input", "请求参数不符合要求")],
  ["FST_ERR_NOT_FOUND", refusal(404, "not_found", "请求的地址不存在")],
]);

/** Other 4xx by status, for errors without a known code (a body stream that broke off, a plugin's 4xx). */
const BY_STATUS: ReadonlyMap<number, ClientFacingError> = new Map([
  [408, REQUEST_TIMEOUT],
  [413, BODY_TOO_LARGE],
  [414, URI_TOO_LONG],
  [415, UNSUPPORTED_MEDIA_TYPE],
  [431, HEADERS_TOO_LARGE],
]);

/**
 * What to answer for a framework error with `code` (Fastify's FST_ERR_…) and 4xx `status`. Malformed JSON is
 * invalid_json whichever parser threw it (Fastify's code, or a bare SyntaxError from another parser).
 */
export function describeFrameworkError(
  code: string | undefined,
  status: number,
  isSyntaxError: boolean,
): ClientFacingError {
  const known = code === undefined ? undefined : BY_FASTIFY_CODE.get(code);
  if (known !== undefined) return known;
  if (isSyntaxError && status === 400) return INVALID_JSON;
  return BY_STATUS.get(status) ?? { ...BAD_REQUEST, status };
}

/** Errors Node's HTTP parser reports before any request exists (clientError), by Node's error code. */
export function describeClientError(nodeCode: string | undefined): ClientFacingError {
  if (nodeCode === "ERR_HTTP_REQUEST_TIMEOUT") return REQUEST_TIMEOUT;
  if (nodeCode === "HPE_HEADER_OVERFLOW") return HEADERS_TOO_LARGE;
  return MALFORMED_REQUEST;
}
