// Documents out for a signed-in caller: the ledger workbook (streamed) and a generated notice, with the names to
// offer them under. The inspection must be in the caller's scope (else inspection_not_found) and their roles over it
// must allow the export (else forbidden); a notice is recorded as a publication by generateNotice.

import type { Readable } from "node:stream";
import type { Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import { requireAction } from "../domain/permissions.ts";
import { SCOPE_ALL } from "../domain/scope.ts";
import type { NoticeLayoutOptions } from "../shared/notice-layout-options.ts";
import { streamedOutput } from "../documents/streamed-output.ts";
import { actorOf } from "./confirm-import.ts";
import type { Deps } from "./deps.ts";
import { exportLedger } from "./export-ledger.ts";
import { isFilterSet, type MeasureExportFilter } from "./measure-export-filter.ts";
import { generateNotice, type NoticeDeps } from "./generate-notice.ts";
import { inspectionAccess } from "./measure-access.ts";

export interface DownloadName {
  /** The name to save under (Chinese, with the unit). */
  readonly name: string;
  /** An ASCII name for clients that do not read RFC 5987 names. */
  readonly asciiName: string;
}

/** A name part without characters that file systems refuse. */
export const safeName = (s: string): string =>
  [...s]
    .map((c) => (c.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(c) ? "_" : c))
    .join("")
    .slice(0, 100);

/** The ledger page's filters as the export takes them: the department by id (the export matches its name). */
export interface LedgerDownloadFilter extends Omit<MeasureExportFilter, "departmentName" | "personName"> {
  readonly departmentId?: string;
  readonly personId?: string;
}

export async function downloadLedgerXlsx(
  deps: Deps,
  caller: Caller,
  inspectionId: string,
  wanted: LedgerDownloadFilter,
  onError: (error: unknown) => void,
): Promise<DownloadName & { readonly content: Readable }> {
  const access = await inspectionAccess(deps.store, caller, inspectionId);
  requireAction(access.roles, "ledger.export");
  const unit = await deps.store.orgs.get(SCOPE_ALL, access.inspection.targetOrgId);
  const day = deps.clock.today();
  const { departmentId, personId, ...rest } = wanted;
  // A department the caller cannot see is refused like an unknown one, never silently left out of the filter.
  const department =
    departmentId === undefined ? undefined : await deps.store.orgs.get(access.scope, departmentId);
  if (departmentId !== undefined && department === undefined) {
    throw new DomainError("org_not_found", "未找到筛选条件中的责任部门（或无权查看）");
  }
  // A person is visible when their org is: the same rule as the department's.
  const person = personId === undefined ? undefined : await deps.store.people.get(personId);
  const personOrg = person && (await deps.store.orgs.get(access.scope, person.orgId));
  if (personId !== undefined && !personOrg) {
    throw new DomainError("person_not_found", "未找到筛选条件中的责任人（或无权查看）");
  }
  const filter: MeasureExportFilter = {
    ...rest,
    ...(department ? { departmentName: department.name } : {}),
    ...(person ? { personName: person.name } : {}),
  };
  const filtered = isFilterSet(filter);
  const content = streamedOutput(
    (output) => exportLedger(deps, access.scope, { inspectionId }, output, { filter }),
    onError,
  );
  return {
    name: `${safeName(unit?.name ?? "")}整改台账${filtered ? "（筛选）" : ""}-${day}.xlsx`,
    asciiName: `ledger-${inspectionId}-${day}.xlsx`,
    content,
  };
}

export interface NoticeDownloadOptions {
  readonly version: "internal" | "public";
  readonly layout: "status" | "aspect";
  readonly format: "docx" | "md" | "html" | "pdf";
  /** This document's 版头/版记/grid over the unit's settings (validated by generateNotice). */
  readonly official?: NoticeLayoutOptions;
}

/** Generating a notice needs notice.generate; the ledger's content it shows needs ledger.export as well. */
export async function downloadNotice(
  deps: NoticeDeps,
  caller: Caller,
  inspectionId: string,
  options: NoticeDownloadOptions,
): Promise<DownloadName & { readonly content: Uint8Array; readonly publicationId: string }> {
  const access = await inspectionAccess(deps.store, caller, inspectionId);
  requireAction(access.roles, "ledger.export");
  requireAction(access.roles, "notice.generate");
  const unit = await deps.store.orgs.get(SCOPE_ALL, access.inspection.targetOrgId);
  const generated = await generateNotice(deps, actorOf(caller), access.scope, { inspectionId, ...options });
  const label = options.version === "public" ? "公开版" : "内部版";
  return {
    name: `${safeName(unit?.name ?? "")}整改情况通报（${label}）.${options.format}`,
    asciiName: `notice-${inspectionId}-${options.version}.${options.format}`,
    content: generated.content,
    publicationId: generated.publicationId,
  };
}
