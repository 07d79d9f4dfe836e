// Which methods the registered routes serve at a concrete path: the table behind 405 answers and Allow headers.
// It mirrors the router's matching closely enough to list methods; it never dispatches a request.

/** Route patterns (find-my-way syntax) and their methods, looked up by concrete request path. */
export interface RouteMethods {
  /** Records `methods` for `pattern`, e.g. ("GET", "/api/v1/inspections/:id/ledger"). */
  add(methods: string | readonly string[], pattern: string): void;
  /** The methods served at `url` (query ignored), HEAD wherever GET is, in a stable order; [] for none. */
  methodsFor(url: string): string[];
}

type Segment =
  | { readonly kind: "static"; readonly text: string }
  | { readonly kind: "param"; readonly regex: RegExp }
  | { readonly kind: "rest"; readonly prefix: string };

interface Entry {
  readonly variants: readonly (readonly Segment[])[];
  readonly methods: Set<string>;
}

const METHOD_ORDER = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

export function createRouteMethods(): RouteMethods {
  const entries = new Map<string, Entry>();
  return {
    add(methods, pattern) {
      let entry = entries.get(pattern);
      if (entry === undefined) {
        entry = { variants: compilePattern(pattern), methods: new Set() };
        entries.set(pattern, entry);
      }
      for (const method of typeof methods === "string" ? [methods] : methods) {
        entry.methods.add(method.toUpperCase());
      }
    },
    methodsFor(url) {
      const segments = decodeSegments(url.split(/[?#]/, 1)[0] ?? "");
      if (segments === undefined) return [];
      const found = new Set<string>();
      for (const entry of entries.values()) {
        if (entry.variants.some((variant) => matches(variant, segments))) {
          for (const method of entry.methods) found.add(method);
        }
      }
      if (found.has("GET")) found.add("HEAD");
      return [...found].sort(byMethodOrder);
    },
  };
}

function byMethodOrder(a: string, b: string): number {
  const rank = (m: string) => (METHOD_ORDER.includes(m) ? METHOD_ORDER.indexOf(m) : METHOD_ORDER.length);
  return rank(a) - rank(b) || a.localeCompare(b);
}

// Split first, then decode each segment: "%2F" stays inside its segment, as the router keeps it.
function decodeSegments(path: string): string[] | undefined {
  try {
    return path.split("/").map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}

function matches(pattern: readonly Segment[], segments: readonly string[]): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const segment = pattern[i]!;
    if (segment.kind === "rest") return segments.slice(i).join("/").startsWith(segment.prefix);
    const actual = segments[i];
    if (actual === undefined) return false;
    if (segment.kind === "static" ? actual !== segment.text : !segment.regex.test(actual)) return false;
  }
  return pattern.length === segments.length;
}

/** One or two segment lists: an optional last parameter ("/orgs/:id?") also matches without that segment. */
function compilePattern(pattern: string): Segment[][] {
  const parts = pattern.split("/");
  const segments: Segment[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const star = part.indexOf("*");
    if (star >= 0) {
      // A wildcard swallows the rest of the path, slashes included.
      segments.push({ kind: "rest", prefix: unescapeColons(part.slice(0, star)) });
      return [segments];
    }
    if (!part.replace(/::/g, "").includes(":")) {
      segments.push({ kind: "static", text: unescapeColons(part) });
      continue;
    }
    const optional = i === parts.length - 1 && /^:[A-Za-z0-9_]+\?$/.test(part);
    segments.push({ kind: "param", regex: compileParametric(optional ? part.slice(0, -1) : part) });
    if (optional) return [segments, segments.slice(0, -1)];
  }
  return [segments];
}

function unescapeColons(text: string): string {
  return text.replace(/::/g, ":");
}

// ":name", ":name(regex)" and several parameters in one segment ("/:from-:to"), with "::" as a literal colon.
function compileParametric(part: string): RegExp {
  let source = "";
  let i = 0;
  while (i < part.length) {
    if (part.startsWith("::", i)) {
      source += ":";
      i += 2;
    } else if (part[i] === ":") {
      i++;
      while (i < part.length && /[A-Za-z0-9_]/.test(part[i]!)) i++;
      let regex: string | undefined;
      if (part[i] === "(") {
        const end = closingParen(part, i);
        regex = part
          .slice(i + 1, end)
          .replace(/^\^/, "")
          .replace(/\$$/, "");
        i = end + 1;
      }
      source += regex === undefined ? (i < part.length ? "[\\s\\S]+?" : "[\\s\\S]+") : `(?:${regex})`;
    } else {
      source += part[i]!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      i++;
    }
  }
  return new RegExp(`^${source}$`);
}

function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return i;
  }
  return text.length;
}
