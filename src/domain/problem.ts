// Aspects (方面) group problems (问题) found by an inspection; a problem's disclosure decides which reports may show it.

export interface Aspect {
  readonly id: string;
  readonly inspectionId: string;
  /** 1-based order within the inspection. */
  readonly seq: number;
  readonly title: string;
}

export const PROBLEM_SOURCES = ["feedback", "immediate_notice", "clue", "audit"] as const;
/** feedback 巡察反馈, immediate_notice 立行立改通知, clue 问题线索, audit 审计发现. */
export type ProblemSource = (typeof PROBLEM_SOURCES)[number];
export const PROBLEM_SOURCE_LABELS: Record<ProblemSource, string> = {
  feedback: "反馈意见",
  immediate_notice: "立行立改通知",
  clue: "问题线索",
  audit: "审计发现",
};

export const DISCLOSURES = ["public", "internal", "withheld"] as const;
/** public 社会公开, internal 党内通报, withheld 不公开. */
export type Disclosure = (typeof DISCLOSURES)[number];
export const DISCLOSURE_LABELS: Record<Disclosure, string> = {
  public: "社会公开",
  internal: "党内",
  withheld: "不公开",
};

/**
 * The five grounds on which a rectification item may be kept out of the public notice
 * (涉及国家秘密、工作秘密、商业秘密、个人隐私, 或公开后可能危及安全稳定).
 */
export const WITHHOLDING_REASONS = [
  "state_secret",
  "work_secret",
  "trade_secret",
  "personal_privacy",
  "security_stability",
] as const;
export type WithholdingReason = (typeof WITHHOLDING_REASONS)[number];
export const WITHHOLDING_REASON_LABELS: Record<WithholdingReason, string> = {
  state_secret: "涉及国家秘密",
  work_secret: "涉及工作秘密",
  trade_secret: "涉及商业秘密",
  personal_privacy: "涉及个人隐私",
  security_stability: "公开后可能危及国家安全、公共安全、经济安全和社会稳定",
};

export interface Problem {
  readonly id: string;
  readonly inspectionId: string;
  readonly aspectId: string | null;
  /** 1-based order within the inspection. */
  readonly seq: number;
  /** Short title, e.g. 四风问题依然存在. */
  readonly title: string;
  /** The feedback text verbatim (反馈原文). */
  readonly feedbackText: string;
  /** 具体表现. */
  readonly symptoms: string | null;
  readonly source: ProblemSource;
  readonly disclosure: Disclosure;
  /** Required when disclosure is withheld before a public notice can be generated. */
  readonly withholdingReason: WithholdingReason | null;
  /** 共性问题: found in several units of a round. */
  readonly isCommon: boolean;
}

export const PROBLEM_STATUSES = ["completed", "in_progress", "long_term"] as const;
/** Derived from the problem's measures, never stored by hand. */
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];
export const PROBLEM_STATUS_LABELS: Record<ProblemStatus, string> = {
  completed: "已整改完成",
  in_progress: "正在推进",
  long_term: "基本完成、持续深化",
};
