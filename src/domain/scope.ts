// What a caller may see: the whole system, or some org subtrees. Every store read takes one.

export type Scope =
  | { readonly kind: "all" }
  | {
      readonly kind: "subtrees";
      /**
       * Org subtrees by materialised path (`/o1/u5/`). An inspection is wholly visible when its inspected unit
       * or the office that runs it (oversight org: 巡察办, or a 巡察组 under it) lies in one of them.
       */
      readonly paths: readonly string[];
      /**
       * Department subtrees: a measure whose responsible or cooperating department lies in one of them is
       * visible, with its problem, aspect and inspection (but not the inspection's other measures).
       */
      readonly departmentPaths: readonly string[];
    };

export const SCOPE_ALL: Scope = { kind: "all" };

export const scopeOf = (paths: readonly string[], departmentPaths: readonly string[] = []): Scope => ({
  kind: "subtrees",
  paths,
  departmentPaths,
});

/** True when an org at `path` lies in one of the scope's whole subtrees. */
export const scopeAllows = (scope: Scope, path: string): boolean =>
  scope.kind === "all" || scope.paths.some((root) => path.startsWith(root));

/** Keeps only the outermost of nested subtree roots, sorted, so SQL conditions stay few. */
export const outermostPaths = (paths: Iterable<string>): string[] => {
  const all = [...new Set(paths)];
  return all.filter((p) => !all.some((q) => q !== p && p.startsWith(q))).sort();
};
