// The ledger page's data (ledger-head.ts): the head first, drawn at once, then the whole ledger asked for once the
// head is on screen; a ledger that fits in the head, or a page opened with filters, needs one answer. Until the
// whole ledger is in, `complete` is false: the page keeps its filters off, since they would filter only the head.
import { useEffect, useState } from "react";
import { api, errorText } from "./api.ts";
import { asksHeadFirst, LEDGER_HEAD_QUERY } from "./ledger-head.ts";
import type { Ledger } from "./models.ts";
import type { Loaded } from "./use-load.ts";

export interface LedgerLoad {
  readonly loaded: Loaded<Ledger>;
  /** The whole ledger is in (not only its head). */
  readonly complete: boolean;
  /** Reads the ledger again from its head (after a setting changed its warnings). */
  readonly reload: () => void;
}

export function useLedger(inspectionId: string): LedgerLoad {
  const [loaded, setLoaded] = useState<Loaded<Ledger>>({ state: "loading" });
  const [round, setRound] = useState(0);
  useEffect(() => {
    setLoaded({ state: "loading" });
    const first = asksHeadFirst(window.location.search)
      ? api.call("getLedger", { params: { id: inspectionId }, query: LEDGER_HEAD_QUERY })
      : api.call("getLedger", { params: { id: inspectionId } });
    return settle(first, setLoaded);
  }, [inspectionId, round]);
  const head = loaded.state === "ready" && loaded.data.omitted !== undefined ? loaded.data : null;
  useEffect(() => {
    // The rest once the head is drawn (an effect runs after the render is on screen): the whole answer, parsed on
    // the page's one thread, must not hold back the first screen.
    if (head === null) return;
    return settle(api.call("getLedger", { params: { id: head.inspection.id } }), setLoaded);
  }, [head]);
  const complete = loaded.state === "ready" && loaded.data.omitted === undefined;
  return { loaded, complete, reload: () => setRound((r) => r + 1) };
}

/** Hands the answer to `set` unless the effect was cleaned up first (another inspection, a reload); the cleanup. */
function settle(answer: Promise<Ledger>, set: (loaded: Loaded<Ledger>) => void): () => void {
  let current = true;
  answer.then(
    (data) => current && set({ state: "ready", data }),
    (error: unknown) => current && set({ state: "error", message: errorText(error) }),
  );
  return () => {
    current = false;
  };
}
