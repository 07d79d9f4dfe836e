// Reads a Markdown notice as plain lines: heading marks, hard breaks, emphasis marks and escapes removed.

/** One line per Markdown line; `## 一、…` → `一、…`, `\*` → `*`, `**整改情况：**` → `整改情况：`. */
export function markdownToText(markdown: string): string {
  return markdown
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/^\s{0,3}#{1,6}\s+/, "")
        .replace(/\s+#+\s*$/, "")
        .replace(/(\*\*|__)(.+?)\1/g, "$2")
        .replace(/\\([!-/:-@[-`{-~])/g, "$1")
        .replace(/ {2,}$/, ""),
    )
    .join("\n");
}
