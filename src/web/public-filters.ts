// The filter of the public list as its address carries it (`/public?unit=…&q=…`), so that a found list can be shared
// as a link: read from an address, written back to one. Pure (no window).

export interface PublicFilters {
  /** A unit's id, "" for every unit. */
  readonly unitId: string;
  /** The words searched for in titles and unit names, "" for none. */
  readonly q: string;
}

export const NO_PUBLIC_FILTERS: PublicFilters = { unitId: "", q: "" };

/** The filters an address's query holds; anything else in it is ignored. */
export function publicFiltersOf(search: string): PublicFilters {
  const query = new URLSearchParams(search);
  return { unitId: query.get("unit") ?? "", q: (query.get("q") ?? "").trim() };
}

/** The public list's address with these filters (`/public` with none). */
export function publicListPath(filters: PublicFilters): string {
  const query = new URLSearchParams();
  if (filters.unitId !== "") query.set("unit", filters.unitId);
  if (filters.q.trim() !== "") query.set("q", filters.q.trim());
  const search = query.toString();
  return search === "" ? "/public" : `/public?${search}`;
}
