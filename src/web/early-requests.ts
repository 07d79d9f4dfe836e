// The requests a page load makes first, started by the page's first script, before React and antd are evaluated
// (0.6–1.1 s of a loaded machine's CPU, docs/benchmarks.md "Web UI"): the session check, and on a ledger address
// the ledger's first answer (its head, ledger-head.ts) as soon as the session answered ok, so that it is on its way
// while the scripts run. The API client (api.ts) takes each answer over instead of asking again.
// The ledger waits for the session: signed out, it is never asked for (no 401 in the console, nothing wasted).
// The entry (main.tsx) calls startEarlyRequests before it loads the app.
import { firstLedgerUrl } from "./ledger-head.ts";
import { parseRoute } from "./routes.ts";

/** An early answer is taken over only this soon after the load; later the page asks afresh (never stale data). */
const FRESH_FOR_MS = 10_000;

interface EarlyResponse {
  readonly response: Promise<Response>;
  readonly startedAt: number;
}

const started = new Map<string, EarlyResponse>();

const SESSION_URL = "/api/v1/session";

function get(url: string): Promise<Response> {
  // Exactly the request the API client would make (api-client.ts): same headers, same credentials.
  return fetch(url, { method: "GET", headers: { accept: "application/json" }, credentials: "same-origin" });
}

function remember(url: string, response: Promise<Response>): void {
  // A failed fetch is the API client's to report when it takes it over; unhandled here it would be logged twice.
  response.catch(() => undefined);
  started.set(url, { response, startedAt: performance.now() });
}

/** The early request for `url`, once, while fresh; a write or anything not started early gets undefined. */
export function takeEarlyResponse(url: string, method: string): Promise<Response> | undefined {
  const early = started.get(url);
  if (early === undefined || method !== "GET") return undefined;
  started.delete(url);
  return performance.now() - early.startedAt <= FRESH_FOR_MS ? early.response : undefined;
}

/** Starts the early requests for the address the page was opened at (`search`: its query, the ledger's filters). */
export function startEarlyRequests(pathname: string, search = ""): void {
  const route = parseRoute(pathname);
  // The public pages need no session: asking for one there would only log a 401 for a visitor.
  if (route.page === "public") return;
  const session = get(SESSION_URL);
  remember(SESSION_URL, session);
  if (route.page !== "ledger") return;
  // The ledger's head, or the whole ledger when the address filters it (ledger-head.ts).
  const ledgerUrl = firstLedgerUrl(route.id, search);
  // Registered before the app's own reaction to the session answer, so the ledger page (rendered only after it)
  // finds the request already running.
  void session.then(
    (answer) => {
      if (answer.ok) remember(ledgerUrl, get(ledgerUrl));
    },
    () => undefined,
  );
}
