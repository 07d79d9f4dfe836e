// Who is told of a measure's warning level (督办预警通知): the responsible person and the department's reporter at
// green, the supervising leader too at yellow, the unit's leader and office too at red and overdue. Pure: the
// accounts and their grants are passed in as a directory built from the store.

import type { Role } from "./account.ts";
import type { BoardLevel } from "./warning-board.ts";

/** Why a user is told: the part they play for the measure. */
export type RecipientPart =
  "responsible_person" | "department_reporter" | "supervising_leader" | "unit_leader" | "unit_office";

export const RECIPIENT_PART_LABELS: Readonly<Record<RecipientPart, string>> = {
  responsible_person: "责任人",
  department_reporter: "责任部门填报人",
  supervising_leader: "责任领导",
  unit_leader: "单位领导",
  unit_office: "单位整改办",
};

/** An enabled account: the person it stands for, and its grants with the granted org's path. */
export interface DirectoryAccount {
  readonly userId: string;
  readonly personId: string | null;
  readonly grants: ReadonlyArray<{ readonly role: Role; readonly orgPath: string | null }>;
}

/** Accounts indexed for the lookups the rules make. */
export interface RecipientDirectory {
  readonly byPerson: ReadonlyMap<string, readonly string[]>;
  /** role → org path of the grant → users. */
  readonly byRoleAndOrg: ReadonlyMap<Role, ReadonlyMap<string, readonly string[]>>;
}

export function recipientDirectory(accounts: readonly DirectoryAccount[]): RecipientDirectory {
  const byPerson = new Map<string, string[]>();
  const byRoleAndOrg = new Map<Role, Map<string, string[]>>();
  const push = <K>(map: Map<K, string[]>, key: K, userId: string) => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [userId]);
    else if (!list.includes(userId)) list.push(userId);
  };
  for (const a of accounts) {
    if (a.personId !== null) push(byPerson, a.personId, a.userId);
    for (const g of a.grants) {
      if (g.orgPath === null) continue;
      let paths = byRoleAndOrg.get(g.role);
      if (paths === undefined) byRoleAndOrg.set(g.role, (paths = new Map<string, string[]>()));
      push(paths, g.orgPath, a.userId);
    }
  }
  return { byPerson, byRoleAndOrg };
}

/** What the rules read of a measure: its people and where its department and inspected unit sit in the org tree. */
export interface MeasureParties {
  /** 责任人 (a person). */
  readonly personId: string | null;
  /** 责任领导/牵头领导 (a person). */
  readonly leadLeaderId: string | null;
  /** The responsible department's org path, if any. */
  readonly departmentPath: string | null;
  /** The inspected unit's org path. */
  readonly unitPath: string;
}

/** The org paths of `path` and every org above it (`/a/b/c/` → `/a/b/c/`, `/a/b/`, `/a/`). */
const selfAndAncestors = (path: string): string[] => {
  const ids = path.split("/").filter((s) => s !== "");
  return ids.map((_, i) => `/${ids.slice(0, ids.length - i).join("/")}/`);
};

/**
 * The users told of `level` for one measure, each once, with the first part they play (in the order of the
 * ladder). Department reporters are those whose grant covers the responsible department (the department or one
 * above it inside the unit, as their scope reads). The supervising leader is the 责任领导's account; when the leader
 * has none, the unit's leader role (a unit_leader grant on the inspected unit) is told in their place. At red and
 * overdue the unit's leaders (书记/主要负责人 hold unit_leader) and its office (unit_office grants on the unit).
 */
export function warningRecipients(
  level: BoardLevel,
  parties: MeasureParties,
  directory: RecipientDirectory,
): Array<{ userId: string; part: RecipientPart }> {
  const told = new Map<string, RecipientPart>();
  const add = (userIds: readonly string[] | undefined, part: RecipientPart) => {
    for (const id of userIds ?? []) if (!told.has(id)) told.set(id, part);
  };
  const onUnit = (role: Role) => directory.byRoleAndOrg.get(role)?.get(parties.unitPath);
  if (parties.personId !== null) add(directory.byPerson.get(parties.personId), "responsible_person");
  if (parties.departmentPath !== null) {
    const reporters = directory.byRoleAndOrg.get("department_reporter");
    for (const path of selfAndAncestors(parties.departmentPath)) {
      if (path.length < parties.unitPath.length) break;
      add(reporters?.get(path), "department_reporter");
    }
  }
  if (level !== "green") {
    const leader = parties.leadLeaderId === null ? undefined : directory.byPerson.get(parties.leadLeaderId);
    if (leader !== undefined && leader.length > 0) add(leader, "supervising_leader");
    else add(onUnit("unit_leader"), "supervising_leader");
  }
  if (level === "red" || level === "overdue") {
    add(onUnit("unit_leader"), "unit_leader");
    add(onUnit("unit_office"), "unit_office");
  }
  return [...told].map(([userId, part]) => ({ userId, part }));
}
