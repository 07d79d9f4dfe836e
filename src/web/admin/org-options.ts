// Orgs as choices of a select, indented by their depth in the tree and searchable by name.
import { ORG_KIND_LABELS } from "../labels.ts";
import type { Org } from "../models.ts";

const depthOf = (org: Org) => org.path.split("/").filter((s) => s !== "").length - 1;

export function orgOptions(orgs: readonly Org[], keep: (org: Org) => boolean = () => true) {
  return orgs.filter(keep).map((org) => ({
    value: org.id,
    label: `${"　".repeat(depthOf(org))}${org.name}（${ORG_KIND_LABELS[org.kind]}）`,
    name: org.name,
  }));
}
