// What a caller may see: the whole system, or the subtrees of some orgs. Every store read takes one.

export type Scope =
  | { readonly kind: "all" }
  /** Org subtrees by materialised path (`/o1/u5/`). Empty means nothing is visible. */
  | { readonly kind: "subtrees"; readonly paths: readonly string[] };

export const SCOPE_ALL: Scope = { kind: "all" };

export const scopeOf = (paths: readonly string[]): Scope => ({ kind: "subtrees", paths });

/** True when an org at `path` is visible in `scope`. */
export const scopeAllows = (scope: Scope, path: string): boolean =>
  scope.kind === "all" || scope.paths.some((root) => path.startsWith(root));
