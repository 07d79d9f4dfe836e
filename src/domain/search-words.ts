// Free-text search as the public page does it: the words of a query (split on any blank, full-width ones too), each of
// which must occur literally in the text searched. No wildcards: "100%" means those four characters.

/** The distinct words of `query`, in the order typed; none for a blank query. */
export function searchWords(query: string): string[] {
  return [...new Set(query.split(/\s+/u).filter((word) => word !== ""))];
}

/** True when each word occurs in `text`, ignoring case. */
export function containsEveryWord(text: string, words: readonly string[]): boolean {
  const folded = text.toLowerCase();
  return words.every((word) => folded.includes(word.toLowerCase()));
}
