// A progress report (整改进展) on a measure, with its figures and the evidence files already stored by content, by the
// responsible department or the unit office. A draft measure starts with its first report.

import type { Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import { requireAction } from "../domain/permissions.ts";
import type { ProgressReport } from "../domain/progress.ts";
import { progressReportSchema, type ProgressReportInput } from "../shared/review-cycle-input.ts";
import { parseInput } from "../shared/validation.ts";
import type { EvidenceRecord } from "../storage/store.ts";
import type { Deps } from "./deps.ts";
import { measureAccess } from "./measure-access.ts";
import { auditBy } from "./audit-by.ts";

/** A file already in the evidence store, named and typed by what was sniffed (src/http/read-uploads.ts). */
export interface StoredUpload {
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string;
  readonly name: string;
}

export interface ReportedProgress {
  readonly report: ProgressReport;
  readonly evidence: readonly EvidenceRecord[];
  /** The measure's version after the report (a draft measure is started by it). */
  readonly measureVersion: number;
}

export async function reportProgress(
  deps: Deps,
  caller: Caller,
  measureId: string,
  input: ProgressReportInput,
  uploads: readonly StoredUpload[] = [],
): Promise<ReportedProgress> {
  const fields = parseInput(progressReportSchema, input, "进展报送");
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const { measure, roles } = await measureAccess(tx, caller, measureId);
    requireAction(roles, "progress.report");
    if (measure.state === "closed" && measure.kind !== "long_term") {
      throw new DomainError("measure_closed", "该整改措施已销号，不能再报送进展");
    }
    const report: ProgressReport = {
      id: deps.ids.next("rpt"),
      measureId: measure.id,
      period: fields.period,
      text: fields.text,
      figures: fields.figures,
      authorId: caller.user.personId,
      createdAt: now,
    };
    const evidence: EvidenceRecord[] = uploads.map((u) => ({
      id: deps.ids.next("evd"),
      progressReportId: report.id,
      sha256: u.sha256,
      name: u.name,
      size: u.size,
      mediaType: u.mediaType,
      uploadedBy: caller.user.id,
      uploadedAt: now,
    }));
    await tx.progress.insertReport(report, []);
    await tx.evidence.insertMany(evidence);
    let measureVersion = measure.version;
    if (measure.state === "draft") {
      if (
        !(await tx.measures.updateState(measure.id, measure.version, {
          state: "in_progress",
          closedAt: null,
        }))
      ) {
        throw new DomainError("measure_changed", "该整改措施已被他人修改，请刷新后重试");
      }
      measureVersion += 1;
      await tx.audit.append({
        at: now,
        ...auditBy(caller),
        action: "measure.start",
        entity: "measure",
        entityId: measure.id,
        data: { from: "draft", to: "in_progress", by: "first progress report" },
      });
    }
    await tx.audit.append({
      at: now,
      ...auditBy(caller),
      action: "progress.report",
      entity: "measure",
      entityId: measure.id,
      data: {
        reportId: report.id,
        period: report.period,
        figures: report.figures,
        evidence: evidence.map((e) => ({ id: e.id, sha256: e.sha256, name: e.name, size: e.size })),
      },
    });
    return { report, evidence, measureVersion };
  });
}
