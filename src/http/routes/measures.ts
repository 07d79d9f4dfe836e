// The review cycle of a measure over HTTP: read it (with the actions the caller may take), report progress, move it
// through submit / review / return / close, ask for and decide extensions, set an inspection's review chain, read
// the change history. Everything outside the caller's scope answers 404. Paths and schemas: shared/api-routes.ts.

import { assignResponsibility } from "../../app/assign-responsibility.ts";
import { changeMeasureState } from "../../app/change-measure-state.ts";
import { holdCloseout, liftCloseoutHold } from "../../app/closeout-hold.ts";
import type { EvidenceDeps } from "../../app/evidence-files.ts";
import { decideExtension, requestExtension } from "../../app/extensions.ts";
import { getMeasure, measureHistory } from "../../app/get-measure.ts";
import { listMeasures } from "../../app/list-measures.ts";
import { addMeasureComment } from "../../app/measure-comments.ts";
import { reportProgress } from "../../app/report-progress.ts";
import { getReviewChain, inspectionHistory, setReviewChain } from "../../app/review-chain.ts";
import type { CalendarDeps } from "../../app/working-calendar.ts";
import { DomainError } from "../../domain/domain-error.ts";
import { API_ROUTES as API } from "../../shared/api-routes.ts";
import { measureEventSchema, type ProgressReportInput } from "../../shared/review-cycle-input.ts";
import { parseInput } from "../../shared/validation.ts";
import { callerOf } from "../auth.ts";
import type { ContractRouter } from "../contract-route.ts";
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

export function measureRoutes(
  route: ContractRouter,
  deps: EvidenceDeps & CalendarDeps,
  uploadLimits: UploadLimits,
): void {
  route(API.listMeasures, async ({ request, query: q }) =>
    listMeasures(deps, callerOf(request), {
      ...(q.inspectionId !== undefined ? { inspectionId: q.inspectionId } : {}),
      ...(q.departmentId !== undefined ? { departmentId: q.departmentId } : {}),
      ...(q.state !== undefined ? { states: q.state } : {}),
      overdue: q.overdue === "true",
      ...(q.cursor !== undefined ? { cursor: q.cursor } : {}),
      ...(q.limit !== undefined ? { limit: q.limit } : {}),
    }),
  );

  route(API.getMeasure, async ({ request, reply, params }) => {
    const detail = await getMeasure(deps, callerOf(request), params.id);
    sendVersion(reply, detail.measure.version);
    return detail;
  });

  route(API.assignResponsibility, async ({ request, reply, params }) => {
    const measure = await assignResponsibility(deps, callerOf(request), {
      measureId: params.id,
      expectedVersion: expectedVersionOf(request),
      change: request.body ?? {},
    });
    sendVersion(reply, measure.version);
    return { measure };
  });

  route(API.holdCloseout, async ({ request, params }) =>
    holdCloseout(deps, callerOf(request), params.id, (request.body ?? {}) as never),
  );

  route(API.addMeasureComment, async ({ request, params }) =>
    addMeasureComment(deps, callerOf(request), params.id, (request.body ?? {}) as never),
  );

  route(API.liftCloseoutHold, async ({ request, reply, params }) => {
    await liftCloseoutHold(deps, callerOf(request), params.id);
    return reply.status(204).send();
  });

  route(API.measureHistory, async ({ request, params }) => ({
    items: await measureHistory(deps, callerOf(request), params.id),
  }));

  route(API.reportProgress, async ({ request, reply, params }) => {
    const caller = callerOf(request);
    let reported;
    if (request.isMultipart()) {
      // Fields and files in one form (the phone's 报送 page): files are stored by content as they arrive.
      const form = await readUploads(request, deps.files, {
        ...uploadLimits,
        totalBytes: uploadLimits.fileBytes * uploadLimits.files,
      });
      reported = await reportProgress(deps, caller, params.id, progressFields(form.fields), form.files);
    } else {
      reported = await reportProgress(deps, caller, params.id, (request.body ?? {}) as never);
    }
    sendVersion(reply, reported.measureVersion);
    return reported;
  });

  route(API.changeMeasureState, async ({ request, reply, params }) => {
    const body = parseInput(measureEventSchema, request.body ?? {}, "状态变更");
    const changed = await changeMeasureState(deps, callerOf(request), {
      measureId: params.id,
      event: body.event,
      reason: body.reason ?? null,
      expectedVersion: expectedVersionOf(request),
    });
    sendVersion(reply, changed.version);
    return changed;
  });

  route(API.requestExtension, async ({ request, params }) =>
    requestExtension(deps, callerOf(request), params.id, (request.body ?? {}) as never),
  );

  route(API.decideExtension, async ({ request, params }) =>
    decideExtension(deps, callerOf(request), params.id, (request.body ?? {}) as never),
  );

  route(API.getReviewChain, async ({ request, params }) =>
    getReviewChain(deps, callerOf(request), params.id),
  );

  route(API.inspectionHistory, async ({ request, params }) => ({
    items: await inspectionHistory(deps, callerOf(request), params.id),
  }));

  route(API.setReviewChain, async ({ request, params }) =>
    setReviewChain(deps, callerOf(request), params.id, (request.body ?? {}) as never),
  );
}
