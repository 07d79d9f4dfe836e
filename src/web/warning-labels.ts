// Words and colours of the warning ladder (督办预警) in the UI: green, yellow (amber), red, overdue.
import type { DeadlineWarningView } from "./models.ts";

const LEVEL_STYLE = {
  normal: { color: "default", word: "正常" },
  green: { color: "green", word: "绿色预警" },
  yellow: { color: "gold", word: "黄色预警" },
  red: { color: "red", word: "红色预警" },
  overdue: { color: "#a8071a", word: "逾期" },
} as const;

/** The tag of a warning: its colour and words such as "黄色预警·剩8天", "逾期3天"; null when not warned. */
export function warningTag(warning: DeadlineWarningView): { color: string; text: string } | null {
  if (warning.level === "not_warned" || warning.level === "normal") return null;
  const style = LEVEL_STYLE[warning.level];
  const unit = warning.basis === "working" ? "个工作日" : "天";
  if (warning.level === "overdue") return { color: style.color, text: `逾期${warning.daysOverdue}天` };
  return {
    color: style.color,
    text: warning.daysLeft === 0 ? `${style.word}·今日到期` : `${style.word}·剩${warning.daysLeft}${unit}`,
  };
}

/** The short word of a ladder step, for a tag in a narrow column. */
export const LADDER_WORDS = { notice: "已督办", admonition: "已告诫", talk: "已约谈" } as const;

/** The latest step of the ladder beyond the colour: "已督办 市巡办〔2026〕3号 2026-06-30", "已告诫 …", "已约谈 …". */
export function ladderText(step: {
  readonly kind: "notice" | "admonition" | "talk";
  readonly docNumber: string | null;
  readonly on: string;
}): string {
  switch (step.kind) {
    case "notice":
      return `${LADDER_WORDS.notice}${step.docNumber ? ` ${step.docNumber}` : ""} ${step.on}`;
    case "admonition":
    case "talk":
      return `${LADDER_WORDS[step.kind]} ${step.on}`;
  }
}
