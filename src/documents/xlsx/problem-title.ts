// A problem's title as a ledger cell writes it, without its numbering (（一）, 1., 1.1、, 一、), and the key that
// tells whether two cells name the same problem (widths and spaces ignored). Also a sheet's name as an aspect.
// Pure.

const NUMBERING =
  /^\s*(?:[（(][一二三四五六七八九十百\d]+[）)]|[一二三四五六七八九十百]+\s*[、.．]|\d+(?:\.\d+)*\s*[、.．](?=\D)|\d+\s+(?=\D)|[①-⑳])\s*/u;

/** The title without a leading number and outer spaces. */
export function problemTitle(text: string): string {
  const stripped = text.trim().replace(NUMBERING, "").trim();
  return stripped === "" ? text.trim() : stripped;
}

/** Same key, same problem: the title without numbering, in one width, without whitespace. */
export function problemKey(text: string): string {
  return problemTitle(text).normalize("NFKC").replace(/\s+/g, "");
}

/** A sheet name that can serve as an aspect: without numbering and a closing 问题/清单/台账. */
export function sheetAspectName(name: string): string | null {
  const bare = problemTitle(name)
    .replace(/(存在的|的)?(问题|问题清单|整改台账|台账|清单)$/u, "")
    .trim();
  if (bare === "" || /^sheet\d*$/i.test(bare) || /^(整改|任务|问题|汇总|工作表)/.test(bare)) return null;
  return bare;
}
