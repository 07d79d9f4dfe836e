// What the caller may do to one measure or inspection: it must be visible in their scope (else "not found", so
// nothing leaks), and the roles they hold over its place in the org tree decide the rest (domain/permissions.ts).

import { scopeOfCaller, type Caller, type Role } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import type { Inspection } from "../domain/inspection.ts";
import type { Measure } from "../domain/measure.ts";
import { rolesOver, type Place } from "../domain/permissions.ts";
import { SCOPE_ALL, type Scope } from "../domain/scope.ts";
import type { Repositories } from "../storage/store.ts";
import { callerOrgPaths } from "./account-access.ts";

export interface InspectionAccess {
  readonly inspection: Inspection;
  readonly scope: Scope;
  /** Roles held over the inspection as a whole (a department reporter holds none here). */
  readonly roles: ReadonlySet<Role>;
}

export interface MeasureAccess extends InspectionAccess {
  readonly measure: Measure;
  /** Roles held over this measure (a department reporter's when it is their department's). */
  readonly roles: ReadonlySet<Role>;
}

export const measureNotFound = (): DomainError =>
  new DomainError("measure_not_found", "未找到该整改措施（或无权查看）");
export const inspectionNotFound = (): DomainError =>
  new DomainError("inspection_not_found", "未找到该巡察（或无权查看）");

const pathOf = async (repos: Repositories, orgId: string | null): Promise<string | null> =>
  orgId === null ? null : ((await repos.orgs.get(SCOPE_ALL, orgId))?.path ?? null);

async function placeOf(repos: Repositories, inspection: Inspection, measure: Measure | null): Promise<Place> {
  const departmentIds = measure ? [measure.departmentId, ...measure.cooperatingDepartmentIds] : [];
  const departmentPaths: string[] = [];
  for (const id of departmentIds) {
    const path = await pathOf(repos, id);
    if (path !== null) departmentPaths.push(path);
  }
  return {
    unitPath: (await pathOf(repos, inspection.targetOrgId)) ?? "",
    oversightPath: await pathOf(repos, inspection.oversightOrgId),
    departmentPaths,
    responsiblePath: measure ? await pathOf(repos, measure.departmentId) : null,
  };
}

/** The measure if the caller can see it, with the roles they hold over it; else measure_not_found. */
export async function measureAccess(
  repos: Repositories,
  caller: Caller,
  measureId: string,
): Promise<MeasureAccess> {
  // The grants' org paths are read once: they decide both what is visible and the roles held.
  const paths = await callerOrgPaths(repos, caller);
  const scope = scopeOfCaller(caller, paths);
  const measure = await repos.measures.get(scope, measureId);
  if (!measure) throw measureNotFound();
  const inspection = await repos.inspections.get(SCOPE_ALL, measure.inspectionId);
  if (!inspection) throw measureNotFound();
  const place = await placeOf(repos, inspection, measure);
  return { measure, inspection, scope, roles: rolesOver(caller, place, paths) };
}

/** The inspection if the caller can see it, with the roles they hold over it as a whole; else inspection_not_found. */
export async function inspectionAccess(
  repos: Repositories,
  caller: Caller,
  inspectionId: string,
): Promise<InspectionAccess> {
  const paths = await callerOrgPaths(repos, caller);
  const scope = scopeOfCaller(caller, paths);
  const inspection = await repos.inspections.get(scope, inspectionId);
  if (!inspection) throw inspectionNotFound();
  const place = await placeOf(repos, inspection, null);
  return { inspection, scope, roles: rolesOver(caller, place, paths) };
}
