// The order a ledger is read in — aspects by their number, each aspect's problems by theirs, problems without an
// aspect last (其他问题) — and the head of a ledger in that order: the first screen the web page draws while the rest
// of a large ledger is on its way. Pure; the server cuts its answer and the page draws its rows with the same order.

interface OrderedAspect {
  readonly id: string;
  readonly seq: number;
}

interface OrderedProblem {
  readonly aspectId: string | null;
  readonly seq: number;
}

/** A problem's group in the ledger: its aspect, or null for 其他问题 (no aspect, or one the ledger does not hold). */
export function aspectGroupOf(
  aspectIds: ReadonlySet<string>,
  problem: Pick<OrderedProblem, "aspectId">,
): string | null {
  return problem.aspectId !== null && aspectIds.has(problem.aspectId) ? problem.aspectId : null;
}

/**
 * The problems in the ledger's order. A problem whose aspect is not among `aspects` is read with the problems
 * without an aspect, never left out. Stable for equal numbers (the order the problems were given in).
 */
export function inLedgerOrder<P extends OrderedProblem>(
  aspects: readonly OrderedAspect[],
  problems: readonly P[],
): P[] {
  const aspectRank = new Map(
    [...aspects].sort((a, b) => a.seq - b.seq).map((aspect, rank) => [aspect.id, rank] as const),
  );
  const rankOf = (p: P) =>
    p.aspectId === null ? aspects.length : (aspectRank.get(p.aspectId) ?? aspects.length);
  return problems
    .map((problem, given) => ({ problem, given, rank: rankOf(problem) }))
    .sort((a, b) => a.rank - b.rank || a.problem.seq - b.problem.seq || a.given - b.given)
    .map((entry) => entry.problem);
}

/**
 * How many problems, in ledger order (given as their numbers of measures), the head of `firstMeasures` measures holds: whole problems, taken while fewer
 * than `firstMeasures` measures are in, so that a problem is never cut between its measures (a problem line says how
 * many measures it has). At least one problem when there is one, however many measures it has.
 */
export function ledgerHeadLength(measuresPerProblem: readonly number[], firstMeasures: number): number {
  let measures = 0;
  let length = 0;
  while (length < measuresPerProblem.length && (length === 0 || measures < firstMeasures)) {
    measures += measuresPerProblem[length]!;
    length++;
  }
  return length;
}
