// The organisation tree: oversight offices (巡察办) above inspected units, units above their departments.

/** oversight = 巡察办/审计机关/督察办, unit = the inspected organisation, department = 内设部门/科室. */
export const ORG_KINDS = ["oversight", "unit", "department"] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_KIND_LABELS: Readonly<Record<OrgKind, string>> = {
  oversight: "巡察机构（巡察办、巡察组）",
  unit: "被巡察单位",
  department: "部门",
};

export interface Org {
  readonly id: string;
  readonly parentId: string | null;
  readonly kind: OrgKind;
  readonly name: string;
  /** Materialised path of ids, `/root/…/self/`; an org's subtree is every path starting with it. */
  readonly path: string;
}

export interface Person {
  readonly id: string;
  readonly orgId: string;
  readonly name: string;
  /** 职务, e.g. 党组书记、主席. */
  readonly post: string | null;
}

/** The path of a child org under `parentPath` (or a root when null). */
export const childPath = (parentPath: string | null, id: string): string => `${parentPath ?? "/"}${id}/`;

/** True when `path` lies in the subtree whose root has `rootPath`. */
export const isInSubtree = (path: string, rootPath: string): boolean => path.startsWith(rootPath);
