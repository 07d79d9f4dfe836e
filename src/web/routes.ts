// The app's addresses: which page an address opens, and the address of each page. Pure (no window), so that the
// server's test can check that it serves every one of them (src/http/web-app.ts, WEB_APP_PAGES).
import { MEASURE_STATES, type MeasureState } from "../domain/measure.ts";

export type Route =
  | { readonly page: "dashboard" }
  | { readonly page: "ledger"; readonly id: string }
  | { readonly page: "reports"; readonly id: string }
  | { readonly page: "measure"; readonly id: string }
  | { readonly page: "imports" }
  | { readonly page: "admin" }
  /** 提醒: the caller's inbox and notification preferences. */
  | { readonly page: "notifications" }
  /** 公开信息, open without sign-in: the list, or one notice (id). */
  | { readonly page: "public"; readonly id: string | null }
  | { readonly page: "notFound" };

export function parseRoute(pathname: string): Route {
  if (pathname === "/" || pathname === "") return { page: "dashboard" };
  const ledger = /^\/inspections\/([^/]+)$/.exec(pathname);
  if (ledger?.[1] !== undefined) return { page: "ledger", id: decodeURIComponent(ledger[1]) };
  const reports = /^\/inspections\/([^/]+)\/reports$/.exec(pathname);
  if (reports?.[1] !== undefined) return { page: "reports", id: decodeURIComponent(reports[1]) };
  if (pathname === "/imports") return { page: "imports" };
  if (pathname === "/admin") return { page: "admin" };
  if (pathname === "/notifications") return { page: "notifications" };
  if (pathname === "/public") return { page: "public", id: null };
  const notice = /^\/public\/notices\/([^/]+)$/.exec(pathname);
  if (notice?.[1] !== undefined) return { page: "public", id: decodeURIComponent(notice[1]) };
  const measure = /^\/measures\/([^/]+)$/.exec(pathname);
  if (measure?.[1] !== undefined) return { page: "measure", id: decodeURIComponent(measure[1]) };
  return { page: "notFound" };
}

export interface LedgerLinkFilters {
  readonly states?: readonly MeasureState[];
  readonly overdue?: boolean;
  /** A responsible department's id (the dashboard's 报送情况 card). */
  readonly departmentId?: string;
}

/** The filters a ledger address carries (`?state=closed,returned&overdue=1`); unknown states are left out. */
export function ledgerFiltersOf(search: string): Required<LedgerLinkFilters> {
  const query = new URLSearchParams(search);
  const states = (query.get("state") ?? "")
    .split(",")
    .filter((s): s is MeasureState => (MEASURE_STATES as readonly string[]).includes(s));
  return { states, overdue: query.get("overdue") === "1", departmentId: query.get("department") ?? "" };
}

export const paths = {
  dashboard: () => "/",
  /** The ledger, optionally opened with its measure filters set (the dashboard's figures lead there). */
  ledger: (id: string, filters: LedgerLinkFilters = {}) => {
    const query = new URLSearchParams();
    if (filters.states !== undefined && filters.states.length > 0)
      query.set("state", filters.states.join(","));
    if (filters.overdue === true) query.set("overdue", "1");
    if (filters.departmentId) query.set("department", filters.departmentId);
    const search = query.toString();
    return `/inspections/${encodeURIComponent(id)}${search === "" ? "" : `?${search}`}`;
  },
  reports: (id: string) => `/inspections/${encodeURIComponent(id)}/reports`,
  measure: (id: string) => `/measures/${encodeURIComponent(id)}`,
  imports: () => "/imports",
  admin: () => "/admin",
  notifications: () => "/notifications",
  /** 公开信息 (no sign-in), or one published notice there. */
  publicNotices: (id?: string) =>
    id === undefined ? "/public" : `/public/notices/${encodeURIComponent(id)}`,
};
