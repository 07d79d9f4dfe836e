// Verifies the whole audit chain (links, hashes, keyed rules, head, every published checkpoint) and says the
// verdict in Chinese; optionally seals an intact unkeyed chain under a newly configured key. Never sees the key.

import { DomainError } from "../domain/domain-error.ts";
import type {
  AuditBreak,
  AuditChainReport,
  AuditCheckpoint,
  AuditCheckpointClaim,
} from "../storage/store.ts";
import { SYSTEM_ACTOR, type Actor, type Deps } from "./deps.ts";

/** `key_required`: nothing found wrong, but keyed events exist and no key was configured to recompute them. */
export type AuditTrailStatus = "intact" | "broken" | "key_required";

export interface VerifyAuditTrailOptions {
  /** Checkpoints a person holds (from a printed notice); hashes may be prefixes of at least 8 hex digits. */
  readonly checkpoints?: readonly AuditCheckpoint[];
  /**
   * When a key is configured but no event is keyed yet (the key was just introduced) and the chain is otherwise
   * intact: append a keyed `audit.seal` event, which puts the legacy events under the key from now on.
   */
  readonly seal?: boolean;
  /** Who seals (default: system). */
  readonly actor?: Actor;
}

export interface AuditTrailVerification extends Omit<AuditChainReport, "keyAvailable"> {
  readonly status: AuditTrailStatus;
  /** Whether the chain was checked with the audit key. */
  readonly keyed: boolean;
  /** Unkeyed events before the first keyed one (all of them when none is keyed). */
  readonly legacyEvents: number;
  /** Seq of the `audit.seal` event appended now, if any. */
  readonly sealedAt: number | null;
  /** The verdict for people, in Chinese: first line the verdict, then details. */
  readonly lines: readonly string[];
}

const short = (hash: string): string => hash.slice(0, 16);

const range = (from: number, to: number): string => (from === to ? `第${from}条` : `第${from}–${to}条`);

/**
 * The first broken link in Chinese. `lastSeq` (the newest event read) tells a truncated chain from a rewritten
 * one for checkpoints; `firstKeyedSeq` lets a failed first keyed event point at a wrong key.
 */
export function describeAuditBreak(
  b: AuditBreak,
  context: { lastSeq?: number; firstKeyedSeq?: number | null } = {},
): string {
  switch (b.kind) {
    case "hash_mismatch":
      return b.seq === context.firstKeyedSeq
        ? `第${b.seq}条（第一条加密钥的记录）的哈希与内容不符：所配置的审计密钥不对，或该条被改动过`
        : `第${b.seq}条的哈希与内容不符：该条被改动过`;
    case "prev_link":
      return `第${b.seq}条没有接上第${b.seq - 1}条的哈希：链在此断开（记录被改动、插入或替换）`;
    case "seq_gap":
      return `第${b.seq}条缺失：序号不连续（记录被删除）`;
    case "head_mismatch": {
      const head = b.head?.seq ?? 0;
      const last = b.last?.seq ?? 0;
      const why =
        head > last
          ? `${range(last + 1, head)}记录被删除`
          : head < last
            ? "链头被回拨，或在链头之外追加了记录"
            : "链头的哈希被改动，或最后一条被替换";
      return `链头（第${head}条）与最后一条记录（第${last}条）不一致：${why}`;
    }
    case "unkeyed_after_keyed":
      return `第${b.seq}条未加密钥，而此前已有加密钥的记录：链被降级改写`;
    case "unkeyed_last":
      return `已配置审计密钥，但最后一条记录（第${b.seq}条）未加密钥：如果刚启用密钥，请运行 zhenggai audit verify --seal 封存；否则整条链可能已被不加密钥地重算`;
    case "checkpoint_mismatch": {
      const claim = b.checkpoint;
      const what =
        claim === undefined || claim.source === "manual"
          ? "所提供的校验点"
          : `通报 ${claim.source} 印有的校验点`;
      const printed = claim ? `（${short(claim.hash)}）` : "";
      return context.lastSeq !== undefined && b.seq > context.lastSeq
        ? `${what}第${b.seq}条${printed}已不在链上（链只到第${context.lastSeq}条）：发布之后记录被截断`
        : `第${b.seq}条与${what}${printed}不符：第${b.seq}条及以前的记录在发布之后被改写`;
    }
  }
}

function linesOf(v: Omit<AuditTrailVerification, "lines">): string[] {
  const lastSeq = v.events;
  if (v.broken) {
    return [
      `审计链已损坏，第一个断点在第${v.broken.seq}条：${describeAuditBreak(v.broken, { lastSeq, firstKeyedSeq: v.firstKeyedSeq })}。`,
      "请查明原因（可与备份及已发布通报上的“台账校验”核对）；在此之前的记录仍可逐条核对。",
    ];
  }
  const lines: string[] = [];
  if (v.status === "key_required") {
    lines.push(
      `无法完整校验：${range(v.firstKeyedSeq ?? 0, lastSeq)}为加密钥的记录（HMAC-SHA256），须配置审计密钥（ZHENGGAI_AUDIT_KEY 或 ZHENGGAI_AUDIT_KEY_FILE）才能核对其哈希。`,
      `已核对序号、前后链接与链头，共 ${v.events} 条；其中加密钥的 ${v.uncheckedKeyed} 条未能重算。`,
    );
  } else {
    lines.push(
      v.events === 0
        ? "审计链完整：尚无记录。"
        : `审计链完整：已校验 ${v.events} 条记录，链头为第${v.head.seq}条（${short(v.head.hash)}）。`,
    );
    if (v.keyed) lines.push("已用审计密钥校验（HMAC-SHA256）。");
    else if (v.events > 0)
      lines.push(
        "未配置审计密钥：记录按不加密钥的 SHA-256 校验，能改写数据库的人也能重算，建议配置 ZHENGGAI_AUDIT_KEY。",
      );
  }
  if (v.firstKeyedSeq !== null && v.firstKeyedSeq > 1)
    lines.push(`第1–${v.firstKeyedSeq - 1}条为未加密钥的早期记录。`);
  if (v.sealedAt !== null)
    lines.push(`已封存：追加第${v.sealedAt}条（加密钥），此前 ${v.legacyEvents} 条早期记录从此受密钥保护。`);
  if (v.checkpointsChecked > 0)
    lines.push(`已核对 ${v.checkpointsChecked} 个校验点（已发布通报所印及手工提供）。`);
  return lines;
}

function verdict(report: AuditChainReport, sealedAt: number | null): AuditTrailVerification {
  const status: AuditTrailStatus = report.broken
    ? "broken"
    : report.uncheckedKeyed > 0
      ? "key_required"
      : "intact";
  const { keyAvailable, ...rest } = report;
  const legacyEvents = report.firstKeyedSeq === null ? report.events : report.firstKeyedSeq - 1;
  const v = { ...rest, status, keyed: keyAvailable, legacyEvents, sealedAt };
  return { ...v, lines: linesOf(v) };
}

/**
 * Walks the whole chain in one consistent snapshot, comparing every checkpoint recorded with a publication and
 * those given. Reads only, unless `seal` is asked and allowed.
 */
export async function verifyAuditTrail(
  deps: Pick<Deps, "store" | "clock">,
  options: VerifyAuditTrailOptions = {},
): Promise<AuditTrailVerification> {
  const report = await deps.store.snapshot(async (tx) => {
    const recorded = await tx.publications.listCheckpoints();
    const checkpoints: AuditCheckpointClaim[] = [
      ...recorded.map((c) => ({ seq: c.seq, hash: c.hash, source: c.publicationId })),
      ...(options.checkpoints ?? []).map((c) => ({ seq: c.seq, hash: c.hash, source: "manual" })),
    ];
    return tx.audit.verifyChain({ checkpoints });
  });
  if (!options.seal) return verdict(report, null);

  const sealable =
    report.keyAvailable && report.firstKeyedSeq === null && report.broken?.kind === "unkeyed_last";
  if (!sealable) {
    const why = !report.keyAvailable
      ? "未配置审计密钥"
      : report.broken && report.broken.kind !== "unkeyed_last"
        ? "审计链已损坏"
        : report.events === 0
          ? "审计链尚无记录，下一次写入即加密钥"
          : "审计链已加密钥";
    throw new DomainError("audit_seal_refused", `不需要或不能封存：${why}`);
  }
  const actor = options.actor ?? SYSTEM_ACTOR;
  const sealed = await deps.store.transaction((tx) =>
    tx.audit.append({
      at: deps.clock.now(),
      actor: actor.id,
      action: "audit.seal",
      entity: "audit",
      entityId: "chain",
      data: { legacyThrough: report.head.seq, legacyHash: report.head.hash },
    }),
  );
  // The seal appended after a verified chain: what holds now is that chain plus one keyed event.
  return verdict(
    {
      ...report,
      events: report.events + 1,
      head: { seq: sealed.seq, hash: sealed.hash },
      firstKeyedSeq: sealed.seq,
      broken: null,
    },
    sealed.seq,
  );
}
