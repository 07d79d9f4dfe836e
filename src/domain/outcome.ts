// Outcomes (成效) counted in notices: rules made, money returned, people held accountable, meetings held…

export const OUTCOME_KINDS = [
  "rules_new",
  "rules_revised",
  "funds_returned",
  "funds_recovered",
  "losses_recovered",
  "people_accountable",
  "admonition_talks",
  "clues_transferred",
  "meetings",
  "lectures",
  "trainings",
  "other",
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];
export const OUTCOME_KIND_LABELS: Record<OutcomeKind, string> = {
  rules_new: "新建制度",
  rules_revised: "修订完善制度",
  funds_returned: "清退资金",
  funds_recovered: "追缴资金",
  losses_recovered: "挽回损失",
  people_accountable: "问责人数",
  admonition_talks: "约谈",
  clues_transferred: "移交问题线索",
  meetings: "召开会议",
  lectures: "专题党课/讲座",
  trainings: "开展培训",
  other: "其他",
};

/** Kinds whose quantity is money (元) rather than a count. */
export const MONEY_OUTCOME_KINDS: ReadonlySet<OutcomeKind> = new Set([
  "funds_returned",
  "funds_recovered",
  "losses_recovered",
]);

export const SANCTION_TYPES = [
  "criticism_education",
  "admonition",
  "party_warning",
  "party_serious_warning",
  "removal_from_post",
  "probation",
  "expulsion",
  "government_sanction",
  "organisational_handling",
] as const;
/** 批评教育, 诫勉, 党内警告, 党内严重警告, 撤销党内职务, 留党察看, 开除党籍, 政务处分, 组织处理. */
export type SanctionType = (typeof SANCTION_TYPES)[number];
export const SANCTION_TYPE_LABELS: Record<SanctionType, string> = {
  criticism_education: "批评教育",
  admonition: "诫勉",
  party_warning: "党内警告",
  party_serious_warning: "党内严重警告",
  removal_from_post: "撤销党内职务",
  probation: "留党察看",
  expulsion: "开除党籍",
  government_sanction: "政务处分",
  organisational_handling: "组织处理",
};

export interface Outcome {
  readonly id: string;
  readonly inspectionId: string;
  readonly problemId: string | null;
  readonly measureId: string | null;
  readonly kind: OutcomeKind;
  /** A count for count kinds (may be 0); for money kinds the amount in 元 as a decimal string ("12.50"). */
  readonly quantity: string;
  /** Only for people_accountable. */
  readonly sanctionType: SanctionType | null;
  readonly note: string | null;
}
