// Imports a ledger workbook: into a new inspection (unit and facts from the workbook or --unit), or added to
// an existing one (--inspection). All or nothing unless skipping invalid rows is asked for; a dry run stores nothing.

import { z } from "zod";
import type { CalendarDate } from "../domain/calendar-date.ts";
import { DomainError } from "../domain/domain-error.ts";
import { SCOPE_ALL, type Scope } from "../domain/scope.ts";
import type { LedgerFinding } from "../documents/xlsx/collected-ledger.ts";
import type { ReadLedger } from "../documents/xlsx/read-ledger-xlsx.ts";
import { ledgerInputSchema, problemInputSchema, type LedgerInput } from "../shared/ledger-input.ts";
import { parseInput } from "../shared/validation.ts";
import { createLedger } from "./create-ledger.ts";
import { auditByActor } from "./audit-by.ts";
import type { Actor, Deps } from "./deps.ts";
import { insertProblems } from "./insert-problems.ts";
import { orgResolver } from "./resolve-orgs.ts";

export interface ImportLedgerOptions {
  readonly dryRun?: boolean;
  /** Add to this inspection instead of creating one. */
  readonly inspectionId?: string;
  /** The inspected unit of a new inspection, when the workbook does not name it. */
  readonly unitName?: string;
  /** Store the valid rows and list the skipped ones, instead of refusing the whole file. */
  readonly skipInvalid?: boolean;
}

export interface ImportedLedgerWorkbook {
  readonly read: ReadLedger;
  /** The inspection written to; null on a dry run or when refused. */
  readonly inspectionId: string | null;
  readonly stored: boolean;
  /** Why nothing was stored, when it was refused because of invalid rows. */
  readonly refused: boolean;
  readonly errors: readonly LedgerFinding[];
}

const WORKBOOK_LEVEL = new Set(["multiple_units"]);

/**
 * `readWorkbook` reads the file (it receives the date that gives dates without a year their year: the
 * target inspection's feedback date). Invalid rows refuse the import (`refused`, nothing stored) unless
 * `skipInvalid`; workbook-level problems (several units) always refuse.
 */
/** A new ledger from a read workbook: its facts, with defaults where the workbook says nothing, and its rows. */
export function workbookLedgerInput(
  read: ReadLedger,
  names: { unitName: string; oversightName?: string | null },
): LedgerInput {
  const f = read.facts;
  return {
    ...names,
    inspection: {
      regime: f.regime ?? "xuncha",
      kind: f.kind ?? "regular",
      team: f.team ?? "未注明",
      roundLabel: f.roundLabel ?? null,
      onsiteStart: f.onsiteStart ?? null,
      onsiteEnd: f.onsiteEnd ?? null,
      feedbackDate: f.feedbackDate ?? null,
    },
    aspects: [...read.aspects],
    problems: [...read.problems],
  };
}

export async function importLedger(
  deps: Deps,
  actor: Actor,
  scope: Scope,
  readWorkbook: (reference: CalendarDate | null) => Promise<ReadLedger>,
  options: ImportLedgerOptions = {},
): Promise<ImportedLedgerWorkbook> {
  const target =
    options.inspectionId === undefined
      ? undefined
      : await deps.store.inspections.get(scope, options.inspectionId);
  if (options.inspectionId !== undefined && !target)
    throw new DomainError("inspection_not_found", "未找到该巡察（或无权查看）");
  const read = await readWorkbook(target?.feedbackDate ?? null);
  const refusedBy = read.errors.filter((e) => WORKBOOK_LEVEL.has(e.code) || !options.skipInvalid);
  const result = (
    inspectionId: string | null,
    stored: boolean,
    refused: boolean,
  ): ImportedLedgerWorkbook => ({ read, inspectionId, stored, refused, errors: read.errors });
  if (refusedBy.length > 0) return result(null, false, true);
  if (read.problems.length === 0)
    throw new DomainError("nothing_to_import", "工作簿中没有可导入的问题或整改措施，未导入任何内容");

  if (target) {
    const problems = parseInput(z.array(problemInputSchema).max(5_000), read.problems, "台账数据");
    if (options.dryRun) return result(target.id, false, false);
    await deps.store.transaction(async (tx) => {
      const unit = await tx.orgs.get(SCOPE_ALL, target.targetOrgId);
      if (!unit) throw new DomainError("unit_not_found", "被巡察单位不存在");
      const [aspects, existing] = await Promise.all([
        tx.aspects.listByInspection(scope, target.id),
        tx.problems.listByInspection(scope, target.id),
      ]);
      const aspectIdByTitle = new Map(aspects.map((a) => [a.title, a.id]));
      const added = read.aspects
        .filter((t) => !aspectIdByTitle.has(t))
        .map((title, i) => ({
          id: deps.ids.next("asp"),
          inspectionId: target.id,
          seq: aspects.length + i + 1,
          title,
        }));
      await tx.aspects.insertMany(added);
      for (const a of added) aspectIdByTitle.set(a.title, a.id);
      const now = deps.clock.now();
      const written = await insertProblems(
        tx,
        deps.ids,
        orgResolver(tx, deps.ids),
        { inspectionId: target.id, unit, aspectIdByTitle, firstSeq: existing.length + 1, now },
        problems,
      );
      await tx.audit.append({
        at: now,
        ...auditByActor(actor),
        action: "ledger.import",
        entity: "inspection",
        entityId: target.id,
        data: {
          problems: written.problems.length,
          measures: written.measures.length,
          outcomes: written.outcomes.length,
          skippedRows: read.skippedRows,
        },
      });
    });
    return result(target.id, true, false);
  }

  const unitName = options.unitName ?? read.unitName;
  if (!unitName) {
    throw new DomainError(
      "unit_unknown",
      "工作簿中没有写明被巡察单位（标题行、被巡察单位列或汇总表），请用 --unit 指定，或用 --inspection 导入到已有巡察",
    );
  }
  const input = workbookLedgerInput(read, { unitName });
  if (options.dryRun) {
    parseInput(ledgerInputSchema, input, "台账数据");
    return result(null, false, false);
  }
  const created = await createLedger(deps, actor, input);
  return result(created.inspectionId, true, false);
}
