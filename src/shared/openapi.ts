// The OpenAPI 3.1 document of /api/v1, generated from the route contracts (api-routes.ts) and the error registry, so
// that it says exactly what the server validates and answers. JSON Schema draft 2020-12 is OpenAPI 3.1's own schema
// dialect, which zod writes directly. Every JSON answer becomes a component (the named models under their names, the
// rest as <operation>Answer), referred to by $ref; request parameters and bodies are written inline.

import { z } from "zod";
import type { RouteContract } from "./api-contract.ts";
import { ACCOUNT_SCHEMAS } from "./account-models.ts";
import { AUDIT_SCHEMAS } from "./audit-models.ts";
import { COMMON_SCHEMAS } from "./common-models.ts";
import { IMPORT_SCHEMAS } from "./import-models.ts";
import { LEDGER_SCHEMAS } from "./ledger-models.ts";
import { ORG_SCHEMAS } from "./org-models.ts";
import { PUBLIC_NOTICE_SCHEMAS } from "./public-notice-models.ts";
import { PUBLIC_NOTICE_REQUEST_SCHEMAS } from "./public-notice-request-models.ts";
import { REPORTING_SCHEMAS } from "./reporting-models.ts";
import { REVIEW_CYCLE_SCHEMAS } from "./review-cycle-models.ts";
import { STATISTICS_SCHEMAS } from "./statistics-models.ts";
import { SUPERVISION_SCHEMAS } from "./supervision-models.ts";
import { API_ROUTES } from "./api-routes.ts";
import { ERROR_REGISTRY, type ErrorCode } from "./error-registry.ts";

type JsonObject = Record<string, unknown>;

/** The models shown once, by these names, under components/schemas, and referred to wherever an answer holds them. */
const NAMED_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  ...COMMON_SCHEMAS,
  ...ACCOUNT_SCHEMAS,
  ...ORG_SCHEMAS,
  ...LEDGER_SCHEMAS,
  ...REVIEW_CYCLE_SCHEMAS,
  ...AUDIT_SCHEMAS,
  ...IMPORT_SCHEMAS,
  ...SUPERVISION_SCHEMAS,
  ...REPORTING_SCHEMAS,
  ...PUBLIC_NOTICE_SCHEMAS,
  ...PUBLIC_NOTICE_REQUEST_SCHEMAS,
  ...STATISTICS_SCHEMAS,
};

const componentUri = (id: string): string => `#/components/schemas/${id}`;

/** A request schema (path, query, body) as JSON Schema, as the client writes it (before defaults and transforms). */
function requestSchema(schema: z.ZodType): JsonObject {
  const converted = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "any",
    reused: "inline",
  }) as JsonObject;
  delete converted.$schema;
  return converted;
}

/** The answer schemas by component name: the named models, and each other JSON answer under its route's name. */
function answerComponents(): {
  registry: z.core.$ZodRegistry<{ id: string }>;
  schemas: Record<string, JsonObject>;
} {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(NAMED_SCHEMAS)) registry.add(schema, { id });
  for (const [name, contract] of Object.entries(API_ROUTES) as [string, RouteContract][]) {
    if (contract.answer.kind === "json" && !registry.has(contract.answer.schema)) {
      registry.add(contract.answer.schema, { id: `${name}Answer` });
    }
  }
  const { schemas } = z.toJSONSchema(registry, {
    target: "draft-2020-12",
    io: "output",
    unrepresentable: "any",
    uri: componentUri,
  }) as { schemas: Record<string, JsonObject> };
  for (const schema of Object.values(schemas)) {
    delete schema.$schema;
    delete schema.id;
  }
  return { registry, schemas };
}

/** Codes every signed-in route may answer, whatever it does. */
const COMMON_ERRORS: readonly ErrorCode[] = [
  "invalid_input",
  "unauthenticated",
  "token_invalid",
  "token_read_only",
  "csrf_token_invalid",
  "forbidden",
  "storage_unavailable",
  "internal_error",
];

const openApiPath = (path: string): string => path.replace(/:(\w+)/g, "{$1}");

function parameters(contract: RouteContract): JsonObject[] {
  const out: JsonObject[] = [];
  for (const [where, schema] of [
    ["path", contract.params],
    ["query", contract.query],
  ] as const) {
    if (schema === undefined) continue;
    const object = requestSchema(schema);
    const properties = (object.properties ?? {}) as Record<string, JsonObject>;
    const required = new Set((object.required ?? []) as string[]);
    for (const [name, property] of Object.entries(properties)) {
      const { description, ...rest } = property;
      out.push({
        name,
        in: where,
        required: where === "path" || required.has(name),
        ...(typeof description === "string" ? { description } : {}),
        schema: rest,
      });
    }
  }
  if (contract.ifMatch === true) {
    out.push({
      name: "If-Match",
      in: "header",
      required: true,
      description: '读取时返回的 ETag（如 "3"）；不符时 409，缺少时 428',
      schema: { type: "string" },
    });
  }
  return out;
}

function requestBody(contract: RouteContract): JsonObject | undefined {
  if (contract.body === undefined) return undefined;
  const fields = requestSchema(contract.body);
  const content: JsonObject = {};
  if (contract.multipart) {
    const properties = { ...((fields.properties ?? {}) as JsonObject) };
    properties.file = {
      type: "array",
      items: { type: "string", contentMediaType: "application/octet-stream" },
      description: contract.multipart.files,
    };
    content["multipart/form-data"] = { schema: { ...fields, properties } };
  }
  if (!contract.multipart || contract.multipart.orJson === true) {
    content["application/json"] = { schema: fields };
  }
  return { required: true, content };
}

function responses(contract: RouteContract, answerId: (schema: z.ZodType) => string): JsonObject {
  const out: JsonObject = {};
  const { answer } = contract;
  if (answer.kind === "json") {
    out[String(answer.status)] = {
      description: answer.status === 201 ? "已创建" : "成功",
      content: { "application/json": { schema: { $ref: componentUri(answerId(answer.schema)) } } },
    };
  } else if (answer.kind === "file") {
    out["200"] = {
      description: "文件（作为附件下载）",
      content: Object.fromEntries(
        answer.mediaTypes.map((t) => [t, { schema: { type: "string", format: "binary" } }]),
      ),
      ...(answer.headers
        ? {
            headers: Object.fromEntries(
              Object.entries(answer.headers).map(([name, description]) => [
                name,
                { description, schema: { type: "string" } },
              ]),
            ),
          }
        : {}),
    };
  } else {
    out["204"] = { description: "成功，无内容" };
  }
  const codes = new Set<ErrorCode>([
    ...(contract.access === "public" ? [] : COMMON_ERRORS),
    ...(contract.errors ?? []),
  ]);
  if (contract.access === "session") codes.add("session_required");
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const status = ERROR_REGISTRY[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    out[String(status)] = {
      description: list.map((code) => `${code}：${ERROR_REGISTRY[code].message}`).join("\n"),
      content: { "application/json": { schema: { $ref: componentUri("Error") } } },
    };
  }
  return out;
}

function operation(
  name: string,
  contract: RouteContract,
  answerId: (schema: z.ZodType) => string,
): JsonObject {
  const params = parameters(contract);
  const body = requestBody(contract);
  return {
    operationId: name,
    summary: contract.summary,
    tags: [contract.tag],
    ...(contract.access === "public" ? { security: [] } : {}),
    ...(contract.access === "session" ? { security: [{ session: [] }] } : {}),
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(body ? { requestBody: body } : {}),
    responses: responses(contract, answerId),
  };
}

/** The whole document; `version` is the application's. */
export function openApiDocument(version: string): JsonObject {
  const answers = answerComponents();
  const answerId = (schema: z.ZodType): string => {
    const id = answers.registry.get(schema)?.id;
    if (id === undefined) throw new Error("an answer schema missing from the components");
    return id;
  };
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const [name, contract] of Object.entries(API_ROUTES) as [string, RouteContract][]) {
    const path = openApiPath(contract.path);
    paths[path] = { ...paths[path], [contract.method.toLowerCase()]: operation(name, contract, answerId) };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "整改台账 zhenggai API",
      version,
      description:
        "巡视巡察、审计、督察整改的台账接口。登录后以会话 Cookie 调用（写请求须带 X-CSRF-Token），或以 API 令牌（Authorization: Bearer zg_…）调用。出错时返回 { error: { code, message, fields? } }，message 为可直接展示的中文说明。",
    },
    servers: [{ url: "/" }],
    security: [{ session: [] }, { apiToken: [] }],
    tags: [...new Set(Object.values(API_ROUTES).map((r: RouteContract) => r.tag))].map((tag) => ({
      name: tag,
    })),
    paths,
    components: {
      schemas: answers.schemas,
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "zg_session", description: "登录后设置的会话 Cookie" },
        apiToken: { type: "http", scheme: "bearer", description: "API 令牌 zg_…（只读令牌只能查询）" },
      },
    },
  };
}
