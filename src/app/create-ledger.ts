// Creates a whole ledger (inspection, aspects, problems, measures, outcomes, plan) in one transaction.

import { dateParts } from "../domain/calendar-date.ts";
import { DomainError } from "../domain/domain-error.ts";
import { computeInspectionDeadlines, type Inspection } from "../domain/inspection.ts";
import type { Org } from "../domain/org.ts";
import type { Aspect } from "../domain/problem.ts";
import { shanghaiDateOf } from "../domain/working-days.ts";
import { SCOPE_ALL } from "../domain/scope.ts";
import { ledgerInputSchema } from "../shared/ledger-input.ts";
import type { Repositories } from "../storage/store.ts";
import { parseInput } from "../shared/validation.ts";
import { auditByActor } from "./audit-by.ts";
import type { Actor, Deps } from "./deps.ts";
import { insertProblems } from "./insert-problems.ts";
import { orgResolver } from "./resolve-orgs.ts";

export interface CreatedLedger {
  readonly inspectionId: string;
  readonly unitId: string;
  readonly problems: number;
  readonly measures: number;
}

export interface CreateLedgerOptions {
  /**
   * The stored unit the ledger is for (an import chose it): used as it is, wherever it sits in the tree, with the
   * nearest oversight org above it as the inspection's office; the input's unit and office names are then not looked
   * up. Without it, the unit and office are found (or created) by name from the root.
   */
  readonly unitId?: string;
  /** Store a second ledger from a document already imported for the unit (a deliberate copy). */
  readonly allowDuplicate?: boolean;
}

/** Refuses a document already imported for the unit, naming the day and the ledger, unless a copy is asked for. */
async function checkNotImported(
  tx: Repositories,
  unit: Org,
  fingerprint: string,
  allowDuplicate: boolean,
): Promise<"first" | "copy"> {
  const earlier = await tx.importSources.find(unit.id, fingerprint);
  if (earlier === undefined) return "first";
  if (allowDuplicate) return "copy";
  const day = dateParts(shanghaiDateOf(earlier.importedAt));
  throw new DomainError(
    "duplicate_import",
    `该文件与${unit.name}${day.year}年${day.month}月${day.day}日导入的台账（${earlier.inspectionId}）内容相同，未重复导入；` +
      "如确需再建一份台账，请明确选择再次导入（命令行 --allow-duplicate，接口 allowDuplicate）",
  );
}

/** The unit chosen by id, and the nearest oversight org above it (巡察组 before 巡察办), or null. */
async function storedUnit(tx: Repositories, unitId: string): Promise<{ unit: Org; oversight: Org | null }> {
  const unit = await tx.orgs.get(SCOPE_ALL, unitId);
  if (unit?.kind !== "unit") throw new DomainError("unit_not_found", "被巡察单位不存在");
  const ancestorIds = unit.path.split("/").filter((id) => id !== "" && id !== unit.id);
  for (const id of ancestorIds.reverse()) {
    const org = await tx.orgs.get(SCOPE_ALL, id);
    if (org?.kind === "oversight") return { unit, oversight: org };
  }
  return { unit, oversight: null };
}

/**
 * Validates `input` (see ledgerInputSchema) and stores it. Departments and people are matched by
 * name under the unit and created when new. Nothing is stored when any part fails.
 */
export async function createLedger(
  deps: Deps,
  actor: Actor,
  input: unknown,
  options: CreateLedgerOptions = {},
): Promise<CreatedLedger> {
  const ledger = parseInput(ledgerInputSchema, input, "台账数据");
  const { ids, clock } = deps;
  const now = clock.now();

  return deps.store.transaction(async (tx) => {
    const resolve = orgResolver(tx, ids);
    let unit: Org;
    let oversight: Org | null;
    if (options.unitId !== undefined) {
      ({ unit, oversight } = await storedUnit(tx, options.unitId));
    } else {
      oversight = ledger.oversightName ? await resolve.org(null, "oversight", ledger.oversightName) : null;
      unit = await resolve.org(oversight, "unit", ledger.unitName);
    }

    const source =
      ledger.source &&
      (await checkNotImported(tx, unit, ledger.source.fingerprint, options.allowDuplicate ?? false));

    const inspection: Inspection = {
      id: ids.next("ins"),
      regime: ledger.inspection.regime,
      kind: ledger.inspection.kind,
      roundLabel: ledger.inspection.roundLabel ?? null,
      team: ledger.inspection.team,
      oversightOrgId: oversight?.id ?? null,
      targetOrgId: unit.id,
      onsiteStart: ledger.inspection.onsiteStart ?? null,
      onsiteEnd: ledger.inspection.onsiteEnd ?? null,
      feedbackDate: ledger.inspection.feedbackDate ?? null,
      ...computeInspectionDeadlines(ledger.inspection.feedbackDate ?? null),
      isExample: ledger.inspection.isExample,
      createdAt: now,
    };
    await tx.inspections.insert(inspection);
    if (ledger.source && source === "first")
      await tx.importSources.record({
        inspectionId: inspection.id,
        targetOrgId: unit.id,
        fingerprint: ledger.source.fingerprint,
        importedAt: now,
      });

    const aspects: Aspect[] = ledger.aspects.map((title, i) => ({
      id: ids.next("asp"),
      inspectionId: inspection.id,
      seq: i + 1,
      title,
    }));
    const aspectIdByTitle = new Map(aspects.map((a) => [a.title, a.id]));
    await tx.aspects.insertMany(aspects);

    const { problems, measures, outcomes } = await insertProblems(
      tx,
      ids,
      resolve,
      { inspectionId: inspection.id, unit, aspectIdByTitle, firstSeq: 1, now },
      ledger.problems,
    );

    const plan = ledger.plan;
    if (plan.leader)
      await tx.plans.setLeadingGroup({
        inspectionId: inspection.id,
        leader: plan.leader,
        members: plan.members,
      });
    await tx.plans.insertMeetings(
      plan.meetings.map((m) => ({
        id: ids.next("mtg"),
        inspectionId: inspection.id,
        heldOn: m.heldOn ?? null,
        title: m.title,
      })),
    );
    await tx.plans.insertItems(
      plan.items.map((item, i) => ({
        id: ids.next("pln"),
        inspectionId: inspection.id,
        seq: i + 1,
        text: item.text,
        deadline: item.deadline ?? null,
      })),
    );

    const narrative = ledger.narrative;
    if (narrative)
      await tx.plans.setNarrative({
        inspectionId: inspection.id,
        issuerName: narrative.issuerName ?? null,
        organisation: narrative.organisation.map((p) => ({ heading: p.heading ?? null, text: p.text })),
        planLead: narrative.planLead ?? null,
        contact: narrative.contact ?? null,
      });

    await tx.audit.append({
      at: now,
      ...auditByActor(actor),
      action: "ledger.create",
      entity: "inspection",
      entityId: inspection.id,
      data: {
        unit: unit.name,
        problems: problems.length,
        measures: measures.length,
        outcomes: outcomes.length,
      },
    });
    return {
      inspectionId: inspection.id,
      unitId: unit.id,
      problems: problems.length,
      measures: measures.length,
    };
  });
}
