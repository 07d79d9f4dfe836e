// The review cycle of a measure over HTTP: read it (with the actions the caller may take), report progress, move it
// through submit / review / return / close, ask for and decide extensions, set an inspection's review chain, read
// the change history. Everything outside the caller's scope answers 404.

import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { assignResponsibility } from "../../app/assign-responsibility.ts";
import { changeMeasureState } from "../../app/change-measure-state.ts";
import { holdCloseout, liftCloseoutHold } from "../../app/closeout-hold.ts";
import type { EvidenceDeps } from "../../app/evidence-files.ts";
import { decideExtension, requestExtension } from "../../app/extensions.ts";
import { getMeasure, measureHistory } from "../../app/get-measure.ts";
import { listMeasures, MEASURE_PAGE_MAX } from "../../app/list-measures.ts";
import { reportProgress } from "../../app/report-progress.ts";
import { getReviewChain, inspectionHistory, setReviewChain } from "../../app/review-chain.ts";
import { MEASURE_STATES } from "../../domain/measure.ts";
import { DomainError } from "../../domain/domain-error.ts";
import { measureEventSchema, type ProgressReportInput } from "../../shared/review-cycle-input.ts";
import { parseInput } from "../../shared/validation.ts";
import { callerOf } from "../auth.ts";
import { expectedVersionOf, sendVersion } from "../if-match.ts";
import type { UploadLimits } from "../multipart.ts";
import { readUploads } from "../read-uploads.ts";

/** A multipart form's text fields as a progress report; figures arrive as a JSON array text. */
function progressFields(fields: Record<string, string>): ProgressReportInput {
  let figures: unknown = [];
  if (fields.figures !== undefined && fields.figures !== "") {
    try {
      figures = JSON.parse(fields.figures);
    } catch {
      throw new DomainError("invalid_input", "进展报送有误：figures 应为 JSON 数组", [
        { path: "figures", code: "invalid_json", message: "应为 JSON 数组" },
      ]);
    }
  }
  return { period: fields.period ?? "", text: fields.text ?? "", figures } as ProgressReportInput;
}

const idParams = z.object({ id: z.string().min(1).max(100) });
const listQuery = z.object({
  inspectionId: z.string().min(1).max(100).optional(),
  departmentId: z.string().min(1).max(100).optional(),
  /** Comma-separated states, e.g. in_progress,returned. */
  state: z
    .string()
    .transform((s) => s.split(",").filter((x) => x !== ""))
    .pipe(
      z.array(
        z.enum(MEASURE_STATES, { error: "状态应为 draft、in_progress、submitted、returned 或 closed" }),
      ),
    )
    .optional(),
  overdue: z.enum(["true", "false"], { error: "overdue 应为 true 或 false" }).optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(MEASURE_PAGE_MAX).optional(),
});

export function measureRoutes(app: FastifyInstance, deps: EvidenceDeps, uploadLimits: UploadLimits): void {
  app.get("/api/v1/measures", async (request) => {
    const q = parseInput(listQuery, request.query, "查询参数");
    return listMeasures(deps, callerOf(request), {
      ...(q.inspectionId !== undefined ? { inspectionId: q.inspectionId } : {}),
      ...(q.departmentId !== undefined ? { departmentId: q.departmentId } : {}),
      ...(q.state !== undefined ? { states: q.state } : {}),
      overdue: q.overdue === "true",
      ...(q.cursor !== undefined ? { cursor: q.cursor } : {}),
      ...(q.limit !== undefined ? { limit: q.limit } : {}),
    });
  });

  app.get("/api/v1/measures/:id", async (request, reply) => {
    const { id } = parseInput(idParams, request.params, "路径参数");
    const detail = await getMeasure(deps, callerOf(request), id);
    sendVersion(reply, detail.measure.version);
    return detail;
  });

  app.patch("/api/v1/measures/:id", async (request, reply) => {
    const { id } = parseInput(idParams, request.params, "路径参数");
    const measure = await assignResponsibility(deps, callerOf(request), {
      measureId: id,
      expectedVersion: expectedVersionOf(request),
      change: request.body ?? {},
    });
    sendVersion(reply, measure.version);
    return { measure };
  });

  app.put("/api/v1/measures/:id/hold", async (request) => {
    const { id } = parseInput(idParams, request.params, "路径参数");
    return holdCloseout(deps, callerOf(request), id, (request.body ?? {}) as never);
  });

  app.delete("/api/v1/measures/:id/hold", async (request, reply) => {
    const { id } = parseInput(idParams, request.params, "路径参数");
    await liftCloseoutHold(deps, callerOf(request), id);
    return reply.status(204).send();
  });

  app.get("/api/v1/measures/:id/history", async (request) => {
    const { id } = parseInput(idParams, request.params, "路径参数");
    return { items: await measureHistory(deps, callerOf(request), id) };
  });

  app.post("/api/v1/measures/:id/progress-reports", async (request, reply) => {
    const { id } = parseInput(idParams, request.params, "路径参数");
    const caller = callerOf(request);
    let reported;
    if (request.isMultipart()) {
      // Fields and files in one form (the phone's 报送 page): files are stored by content as they arrive.
      const form = await readUploads(request, deps.files, {
        ...uploadLimits,
        totalBytes: uploadLimits.fileBytes * uploadLimits.files,
      });
      reported = await reportProgress(deps, caller, id, progressFields(form.fields), form.files);
    } else {
      reported = await reportProgress(deps, caller, id, (request.body ?? {}) as never);
    }
    sendVersion(reply, reported.measureVersion);
    return reply.status(201).send(reported);
  });

  app.post("/api/v1/measures/:id/events", async (request, reply) => {
    const { id } = parseInput(idParams, request.params, "路径参数");
    const body = parseInput(measureEventSchema, request.body ?? {}, "状态变更");
    const changed = await changeMeasureState(deps, callerOf(request), {
      measureId: id,
      event: body.event,
      reason: body.reason ?? null,
      expectedVersion: expectedVersionOf(request),
    });
    sendVersion(reply, changed.version);
    return changed;
  });

  app.post("/api/v1/measures/:id/extensions", async (request, reply) => {
    const { id } = parseInput(idParams, request.params, "路径参数");
    const extension = await requestExtension(deps, callerOf(request), id, (request.body ?? {}) as never);
    return reply.status(201).send(extension);
  });

  app.post("/api/v1/extensions/:id/decision", async (request) => {
    const { id } = parseInput(idParams, request.params, "路径参数");
    return decideExtension(deps, callerOf(request), id, (request.body ?? {}) as never);
  });

  app.get("/api/v1/inspections/:id/review-chain", async (request) => {
    const { id } = parseInput(idParams, request.params, "路径参数");
    return getReviewChain(deps, callerOf(request), id);
  });

  app.get("/api/v1/inspections/:id/history", async (request) => {
    const { id } = parseInput(idParams, request.params, "路径参数");
    return { items: await inspectionHistory(deps, callerOf(request), id) };
  });

  app.put("/api/v1/inspections/:id/review-chain", async (request) => {
    const { id } = parseInput(idParams, request.params, "路径参数");
    return setReviewChain(deps, callerOf(request), id, (request.body ?? {}) as never);
  });
}
