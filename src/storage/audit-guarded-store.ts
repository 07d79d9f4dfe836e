// A Store that checks its audit chain before every write (the head against the newest event: cheap) and, once the
// chain is known broken, refuses writes (auditOnTamper "refuse") or warns once ("warn"). Reads are never refused.

import { DomainError } from "../domain/domain-error.ts";
import type { AuditBreak, Store } from "./store.ts";

export interface AuditGuardOptions {
  /** What a broken chain does to writes: refuse them, or let them through after one loud warning. */
  readonly mode: "warn" | "refuse";
  /** A problem already found (by the full verification at start), in Chinese; it has been reported already. */
  readonly knownProblem?: string | null;
  /** Chinese text of a break found by the head check. */
  readonly describe: (b: AuditBreak) => string;
  /** Where the warning goes (never the key: it is not known here). */
  readonly log: (line: string) => void;
}

/** The error of a refused write; the message is Chinese and safe to show. */
export const auditChainBroken = (problem: string): DomainError =>
  new DomainError(
    "audit_chain_broken",
    `审计链校验未通过，已暂停一切写入（ZHENGGAI_AUDIT_ON_TAMPER=refuse）：${problem}。查询不受影响；请运行 zhenggai audit verify 查看详情。`,
  );

/**
 * Wraps `store.transaction` (every use-case write goes through it). The head check runs before the
 * transaction, as one statement, so that SQLite write transactions still begin with their first write.
 */
export function auditGuardedStore(store: Store, options: AuditGuardOptions): Store {
  let problem = options.knownProblem ?? null;
  let warned = problem !== null;
  return {
    ...store,
    async transaction(work) {
      if (problem === null) {
        const found = await store.audit.checkHead();
        if (found) problem = options.describe(found);
      }
      if (problem !== null) {
        if (options.mode === "refuse") throw auditChainBroken(problem);
        if (!warned) {
          warned = true;
          options.log(
            `【警告】审计链校验未通过：${problem}。写入照常进行（ZHENGGAI_AUDIT_ON_TAMPER=warn），请尽快运行 zhenggai audit verify 核查。`,
          );
        }
      }
      return store.transaction(work);
    },
  };
}
