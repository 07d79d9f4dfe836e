// Imports with preview and confirmation: POST /api/v1/imports (multipart: one file + unitId) stages an upload and
// answers its preview; GET shows it again, PATCH corrects it (If-Match: its version), DELETE …/corrections/:no undoes
// one correction (If-Match), POST …/confirm creates the ledger once, DELETE discards it. Only the uploader sees a
// staged import; the upload is a temporary file that the multipart plugin removes after the answer.

import { confirmImport, discardImport, getStagedImport } from "../../app/confirm-import.ts";
import { correctImport } from "../../app/correct-import.ts";
import type { Deps } from "../../app/deps.ts";
import { stageImport } from "../../app/stage-import.ts";
import { undoImportCorrection } from "../../app/undo-import-correction.ts";
import { DomainError } from "../../domain/domain-error.ts";
import { confirmImportSchema } from "../../shared/import-models.ts";
import { API_ROUTES as API } from "../../shared/api-routes.ts";
import { correctImportSchema } from "../../shared/import-corrections.ts";
import { parseInput } from "../../shared/validation.ts";
import { callerOf } from "../auth.ts";
import type { ContractRouter } from "../contract-route.ts";
import { expectedVersionOf, sendVersion } from "../if-match.ts";

const fileMissing = (): DomainError =>
  new DomainError(
    "import_file_missing",
    "请以 multipart/form-data 上传一个文件（通报 .docx/.txt/.md 或台账 .xlsx），并填写 unitId",
  );

/** Plain field values of a multipart request (a repeated field keeps its last value; files are left out). */
function fieldValues(values: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, entry] of Object.entries(values)) {
    const last: unknown = Array.isArray(entry) ? entry[entry.length - 1] : entry;
    if (last && typeof last === "object" && (last as { type?: unknown }).type === "field") {
      const value = (last as { value?: unknown }).value;
      if (typeof value === "string") out[name] = value;
    }
  }
  return out;
}

export function importRoutes(route: ContractRouter, deps: Deps, tempDir?: string): void {
  route(API.stageImport, async ({ request }) => {
    const caller = callerOf(request);
    if (!request.isMultipart()) throw fileMissing();
    const { files, values } = await request.saveRequestFiles(
      tempDir === undefined ? {} : { tmpdir: tempDir },
    );
    const file = files[0];
    if (file === undefined) throw fileMissing();
    if (files.length > 1) {
      throw new DomainError("invalid_input", "一次只能上传一个文件", [
        { path: "file", code: "too_many_files", message: "一次只能上传一个文件" },
      ]);
    }
    const fields = parseInput(
      API.stageImport.body,
      fieldValues(values as Record<string, unknown>),
      "上传参数",
    );
    return stageImport(deps, caller, {
      unitId: fields.unitId,
      fileName: file.filename,
      path: file.filepath,
      skipInvalid: fields.skipInvalid === "true",
    });
  });

  route(API.getImport, async ({ request, reply, params }) => {
    const staged = await getStagedImport(deps, callerOf(request), params.id);
    sendVersion(reply, staged.version);
    return staged;
  });

  route(API.correctImport, async ({ request, reply, params }) => {
    const { corrections } = parseInput(correctImportSchema, request.body ?? {}, "修改内容");
    const staged = await correctImport(deps, callerOf(request), params.id, {
      expectedVersion: expectedVersionOf(request),
      corrections,
      ...(tempDir === undefined ? {} : { scratchDir: tempDir }),
    });
    sendVersion(reply, staged.version);
    return staged;
  });

  route(API.undoImportCorrection, async ({ request, reply, params }) => {
    const staged = await undoImportCorrection(deps, callerOf(request), params.id, {
      expectedVersion: expectedVersionOf(request),
      correction: params.no,
      ...(tempDir === undefined ? {} : { scratchDir: tempDir }),
    });
    sendVersion(reply, staged.version);
    return staged;
  });

  route(API.confirmImport, async ({ request, params }) => {
    const { allowDuplicate, version } = parseInput(confirmImportSchema, request.body ?? {}, "确认导入参数");
    return confirmImport(deps, callerOf(request), params.id, {
      allowDuplicate,
      ...(version === undefined ? {} : { expectedVersion: version }),
    });
  });

  route(API.discardImport, async ({ request, reply, params }) => {
    await discardImport(deps, callerOf(request), params.id);
    return reply.status(204).send();
  });
}
