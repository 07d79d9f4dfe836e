// The result of parsing a rectification notice (整改情况通报): the public JSON contract of `import notice --json`.
// Types only; documented field by field in docs/notice-json.md. Add fields, never rename or remove them.

import type { CalendarDate } from "../../domain/calendar-date.ts";
import type { OutcomeKind } from "../../domain/outcome.ts";

/** The review regime as written in the notice; 其他 when none of the known words occurs. */
export type NoticeInspectionKind = "巡视" | "巡察" | "审计" | "督察" | "回头看" | "其他";

/** Same words as the ledger's derived problem status. */
export type NoticeProblemStatus = "completed" | "in_progress" | "long_term";

/**
 * Where a problem's status came from, strongest first: the status section it is listed under, its own
 * label (【已完成】, 完成情况：…, 整改情况：已整改), its own closing sentence or clause ("该问题已整改完成"), then the
 * 立行立改/限期整改/长期坚持 group's default — a problem's own words beat its group's.
 */
export type NoticeStatusSource = "section" | "label" | "group" | "sentence";

/** 立行立改 / 限期整改 / 长期坚持 grouping, when the notice groups problems that way. */
export type NoticeProblemKind = "immediate" | "time_limited" | "long_term";

/** Stable codes of parse warnings; the message is Chinese and safe to show. */
export type NoticeWarningCode =
  | "no_rectification_structure"
  | "count_mismatch"
  | "aspect_count_mismatch"
  | "problem_status_unknown"
  | "problem_without_measures"
  | "duplicate_problem_title"
  | "numbering_gap"
  | "unclassified_text"
  | "inspection_incomplete"
  | "undecodable_bytes"
  | "docx_messages"
  | "docx_notes";

export interface NoticeWarning {
  readonly code: NoticeWarningCode;
  readonly message: string;
  /** 1-based line of the input text the warning is about, when there is one. */
  readonly line?: number;
}

export interface NoticeInspection {
  readonly kind: NoticeInspectionKind;
  /** The inspecting body as written (市委第八巡察组; for an audit the audit office). */
  readonly team: string | null;
  /** The inspected unit as written (市文联党组; for an audit the audited unit). */
  readonly target: string | null;
  readonly onsiteStart: CalendarDate | null;
  readonly onsiteEnd: CalendarDate | null;
  readonly feedbackDate: CalendarDate | null;
}

/** Numbers the text itself states; a field is omitted when the text does not state it. */
export interface NoticeStated {
  readonly aspects?: number;
  readonly problems?: number;
  readonly measures?: number;
  readonly completed?: number;
  readonly inProgress?: number;
  readonly longTerm?: number;
  /** 整改完成率 as written, without the % sign ("81.25"). */
  readonly completionRate?: string;
}

/** What the parser actually enumerated, for comparison with `stated`. */
export interface NoticeCounted {
  readonly aspects: number;
  readonly problems: number;
  readonly measures: number;
  readonly ongoing: number;
  readonly completed: number;
  readonly inProgress: number;
  readonly longTerm: number;
  readonly statusUnknown: number;
}

export interface NoticeMeasure {
  readonly text: string;
}

/** One item of 正在深化整改的内容及时限 (or 下一步整改措施…) with the deadline found in it. */
export interface NoticeOngoing {
  readonly text: string;
  readonly deadline: CalendarDate | null;
  /** Present (true) when the item says the work is permanent (长期坚持, 常态化…) rather than dated. */
  readonly longTerm?: true;
}

/** A number mentioned in the text that may be an outcome (成效); `quantity` is a decimal string as written. */
export interface NoticeOutcome {
  readonly kind: OutcomeKind;
  readonly quantity: string;
  readonly unit: string;
  /** The sentence the number came from. */
  readonly source: string;
}

export type NoticeBlockKind =
  | "measures"
  | "progress"
  | "ongoing"
  | "status"
  | "deadline"
  | "responsible_leader"
  | "responsible_unit"
  | "finding"
  | "target";

/** A labelled block of a problem (整改措施：…, 整改时限：…) with its items. */
export interface NoticeBlock {
  readonly label: string;
  readonly kind: NoticeBlockKind;
  readonly text: string;
  readonly items: readonly string[];
}

export interface NoticeProblem {
  /** Position in document order, 1-based, unique. */
  readonly no: number;
  /** The number as written in the heading ("1", "三", "问题1"), null when unnumbered. */
  readonly numberAsWritten: string | null;
  /** Short title without the 关于“…”问题的整改 wrapper and outer quotes. */
  readonly title: string;
  /** The heading line as written. */
  readonly heading: string;
  /** The aspect heading without 关于/方面/counts; present only when the notice groups problems. */
  readonly aspect?: string;
  readonly status: NoticeProblemStatus | null;
  readonly statusSource: NoticeStatusSource | null;
  readonly kind?: NoticeProblemKind;
  readonly measures: readonly NoticeMeasure[];
  readonly ongoing: readonly NoticeOngoing[];
  readonly outcomes: readonly NoticeOutcome[];
  readonly blocks: readonly NoticeBlock[];
  /** Text of the problem that sits in no labelled block (kept, never dropped). */
  readonly text: readonly string[];
  readonly responsibleLeader?: string;
  readonly responsibleUnit?: string;
  /** From 整改时限/完成时限. */
  readonly deadline?: CalendarDate;
  readonly deadlineText?: string;
  readonly deadlineLongTerm?: true;
  /** 1-based line of the heading in the input. */
  readonly line: number;
}

export interface NoticeAspect {
  readonly name: string;
  readonly heading: string;
  /** Counts stated in the heading's brackets ("（6个问题，已整改5个，正在整改1个）"). */
  readonly stated: NoticeStated;
}

export interface NoticeOrganisation {
  /** Name of the leader of the leading group (组长), when written ("杨建"). */
  readonly leader: string | null;
  /** The leader's position as written ("党组书记"). */
  readonly leaderTitle: string | null;
  /** Number of meetings held on the rectification, when stated. */
  readonly meetings: number | null;
  /** Clauses describing working mechanisms (台账管理、对账销号、“三张清单”…). */
  readonly mechanisms: readonly string[];
  /** The section's paragraphs as written. */
  readonly text: readonly string[];
}

export interface NoticePlanItem {
  readonly text: string;
  /** The item's own short title before the first 。, when it has a numbered heading. */
  readonly title?: string;
}

/** The public-supervision contact block (欢迎…监督 / 联系电话 / 电子邮箱 / 通信地址). */
export interface NoticeContact {
  readonly text: string;
  readonly phones: readonly string[];
  readonly emails: readonly string[];
  readonly address: string | null;
  readonly postcode: string | null;
  readonly mailbox: string | null;
  /** "请于2024年2月29日前…反映" → 2024-02-29. */
  readonly until: CalendarDate | null;
}

export interface NoticeUnclassified {
  readonly line: number;
  readonly text: string;
}

export interface NoticeDraft {
  /**
   * False when no rectification structure (no problem) was found; then `warnings` contains
   * `no_rectification_structure` and callers must not import anything.
   */
  readonly recognised: boolean;
  readonly title: string | null;
  /** The issuing organisation, from the title (text before 关于) or else the signature. */
  readonly issuer: string | null;
  readonly signatory: string | null;
  readonly issuedOn: CalendarDate | null;
  /** The day the notice reports as of ("截至2024年4月30日…", outside the problems); null when it names none. */
  readonly reportedAsOf: CalendarDate | null;
  /** The web page's metadata header (索引号, 发布机构…), removed from the text. */
  readonly metadata: Readonly<Record<string, string>>;
  readonly inspection: NoticeInspection;
  readonly stated: NoticeStated;
  readonly counted: NoticeCounted;
  readonly organisation: NoticeOrganisation | null;
  readonly aspects: readonly NoticeAspect[];
  readonly problems: readonly NoticeProblem[];
  readonly plan: readonly NoticePlanItem[];
  /** The plan's lead-in before its items ("下一步，市文联党组将继续…"), as written; null when it has none. */
  readonly planLead: string | null;
  readonly contact: NoticeContact | null;
  /** Outcome candidates outside the problems (overall statistics paragraphs). */
  readonly outcomes: readonly NoticeOutcome[];
  readonly unclassified: readonly NoticeUnclassified[];
  /** The documents listed under 附件： at the end, as written; absent when the notice lists none. */
  readonly attachments?: readonly string[];
  readonly warnings: readonly NoticeWarning[];
}
