// Money as integer 分 (bigint) inside, decimal 元 strings at the edges; never floating point.

import { DomainError } from "./domain-error.ts";

const YUAN = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/** "1234.5" → 123450n (分). Throws a DomainError for anything but a plain decimal with at most two places. */
export function yuanToFen(yuan: string): bigint {
  const m = YUAN.exec(yuan.trim());
  if (!m) throw new DomainError("invalid_amount", `金额格式不正确：${yuan}（应为元，最多两位小数）`);
  const fen = BigInt(m[2] as string) * 100n + BigInt((m[3] ?? "").padEnd(2, "0") || "0");
  return m[1] === "-" ? -fen : fen;
}

/** 123450n → "1234.50". */
export function fenToYuan(fen: bigint): string {
  const sign = fen < 0n ? "-" : "";
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

/** 万元 with two decimals, rounded half-up, as notices print amounts: 123456789n 分 → "123.46". */
export function fenToWanYuan(fen: bigint): string {
  const sign = fen < 0n ? "-" : "";
  const abs = fen < 0n ? -fen : fen;
  const rounded = (abs + 5_000n) / 10_000n; // hundredths of 万元; one is 100 元 = 10,000 分
  return `${sign}${rounded / 100n}.${String(rounded % 100n).padStart(2, "0")}`;
}
