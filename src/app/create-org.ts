// Creates an org under a parent (or a root office or unit); only an admin may. One name per parent. Audited.

import type { Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import { childPath, type Org, type OrgKind } from "../domain/org.ts";
import { SCOPE_ALL } from "../domain/scope.ts";
import { createOrgSchema, type CreateOrgInput } from "../shared/admin-input.ts";
import { parseInput } from "../shared/validation.ts";
import { orgNotFound, requireAdmin } from "./account-access.ts";
import type { Deps } from "./deps.ts";
import { auditBy } from "./audit-by.ts";

/** The kinds of parent each kind may sit under (null = a root). A 巡察组 is an oversight org under an office. */
const PARENT_KINDS: Readonly<Record<OrgKind, ReadonlyArray<OrgKind | null>>> = {
  oversight: [null, "oversight"],
  unit: [null, "oversight", "unit"],
  department: ["unit", "department"],
};

const ID_PREFIX: Readonly<Record<OrgKind, string>> = { oversight: "ovs", unit: "unt", department: "dep" };

const nameTaken = (): DomainError =>
  new DomainError("org_name_taken", "上级单位下已有同名的单位或部门，请换一个名称");

export async function createOrg(deps: Deps, caller: Caller, input: CreateOrgInput): Promise<Org> {
  requireAdmin(caller);
  const wanted = parseInput(createOrgSchema, input, "单位信息");
  const parentId = wanted.parentId ?? null;
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const parent = parentId === null ? null : await tx.orgs.get(SCOPE_ALL, parentId);
    if (parent === undefined) throw orgNotFound();
    if (!PARENT_KINDS[wanted.kind].includes(parent?.kind ?? null)) {
      throw new DomainError(
        "org_parent_invalid",
        "上级单位的类型不合适：巡察办不设上级或设在巡察办下（巡察组），被巡察单位设在巡察办或单位下，部门设在单位或部门下",
        [{ path: "parentId", code: "org_parent_invalid", message: "上级单位的类型不合适" }],
      );
    }
    if (await tx.orgs.findChildByName(parentId, wanted.name)) throw nameTaken();
    const id = deps.ids.next(ID_PREFIX[wanted.kind]);
    const org: Org = {
      id,
      parentId,
      kind: wanted.kind,
      name: wanted.name,
      path: childPath(parent?.path ?? null, id),
    };
    // A concurrent request creating the same name: the store keeps the one that committed first.
    const stored = await tx.orgs.insertUnlessNamed(org);
    if (stored.id !== org.id) throw nameTaken();
    await tx.audit.append({
      at: now,
      ...auditBy(caller),
      action: "org.create",
      entity: "org",
      entityId: org.id,
      data: { parentId: org.parentId, kind: org.kind, name: org.name },
    });
    return org;
  });
}
