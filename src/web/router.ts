// A small history router over the addresses of routes.ts: the app has a handful of them, not enough to justify a
// routing library.
import { useEffect, useState } from "react";
import { parseRoute, type Route } from "./routes.ts";

export { ledgerFiltersOf, parseRoute, paths, type LedgerLinkFilters, type Route } from "./routes.ts";

const listeners = new Set<() => void>();

export function navigate(path: string): void {
  if (path === window.location.pathname + window.location.search) return;
  window.history.pushState(null, "", path);
  window.scrollTo(0, 0);
  for (const listener of listeners) listener();
}

export function useRoute(): Route {
  const [pathname, setPathname] = useState(window.location.pathname);
  useEffect(() => {
    const update = () => setPathname(window.location.pathname);
    listeners.add(update);
    window.addEventListener("popstate", update);
    return () => {
      listeners.delete(update);
      window.removeEventListener("popstate", update);
    };
  }, []);
  return parseRoute(pathname);
}

/** Props of an <a> that navigates inside the app and still opens in a new tab with a modifier key. */
export function linkTo(path: string) {
  return {
    href: path,
    onClick: (event: {
      button: number;
      metaKey: boolean;
      ctrlKey: boolean;
      shiftKey: boolean;
      preventDefault(): void;
    }) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      event.preventDefault();
      navigate(path);
    },
  };
}
