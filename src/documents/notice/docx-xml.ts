// A minimal pull reader for the WordprocessingML parts of a .docx (document, numbering, styles, notes): start
// and end tags with their attribute text, and decoded text runs. Enough for Word's own well-formed output; it
// does not validate, resolve namespaces or read DTDs (a .docx has none), and never throws.

export type XmlEvent =
  | {
      readonly type: "open";
      readonly name: string;
      readonly attributes: string;
      readonly selfClosing: boolean;
    }
  | { readonly type: "close"; readonly name: string }
  | { readonly type: "text"; readonly text: string };

const TOKEN =
  /<(\/?)([\w.:-]+)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!\[CDATA\[([\s\S]*?)\]\]>|<[!?][\s\S]*?>|([^<]+)/g;

/** The tags and text of an XML document, in order. */
export function* xmlEvents(xml: string): Generator<XmlEvent> {
  for (const m of xml.matchAll(TOKEN)) {
    const [, slash, name, attributes, selfClosing, cdata, text] = m;
    if (name !== undefined) {
      if (slash === "/") yield { type: "close", name };
      else yield { type: "open", name, attributes: attributes ?? "", selfClosing: selfClosing === "/" };
    } else if (cdata !== undefined) yield { type: "text", text: cdata };
    else if (text !== undefined) yield { type: "text", text: decodeEntities(text) };
  }
}

const ATTRIBUTE = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a start tag, by qualified name, values decoded. */
export function attributesOf(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of text.matchAll(ATTRIBUTE)) out.set(a[1] as string, decodeEntities(a[2] ?? a[3] ?? ""));
  return out;
}

const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export const decodeEntities = (s: string): string =>
  s.includes("&")
    ? s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(\w+));/gi, (whole, hex?: string, dec?: string, name?: string) => {
        const code = hex !== undefined ? parseInt(hex, 16) : dec !== undefined ? Number(dec) : undefined;
        if (code !== undefined) return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
        return NAMED[name ?? ""] ?? whole;
      })
    : s;
