// Loading state of one request: every page shows loading, error (with retry) and data from the same shape.
import { useCallback, useEffect, useState } from "react";
import { errorText } from "./api.ts";

export type Loaded<T> =
  | { readonly state: "loading" }
  | { readonly state: "error"; readonly message: string }
  | { readonly state: "ready"; readonly data: T };

export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): [Loaded<T>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: "loading" });
  const [round, setRound] = useState(0);
  const run = useCallback(load, deps);
  useEffect(() => {
    let current = true;
    setLoaded({ state: "loading" });
    run().then(
      (data) => current && setLoaded({ state: "ready", data }),
      (error: unknown) => current && setLoaded({ state: "error", message: errorText(error) }),
    );
    return () => {
      current = false;
    };
  }, [run, round]);
  return [loaded, () => setRound((r) => r + 1)];
}
