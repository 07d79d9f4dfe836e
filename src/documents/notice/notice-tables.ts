// Plain-text tables inside a notice (cells split by ｜, | or tabs) → the lines a notice would write for the same
// content: a row's problem cell becomes a numbered heading, its other cells labelled lines named by the column
// header ("整改状态：已完成"), and a row with a single filled cell (an aspect row) a line of its own. Column roles
// come from the header words, not from known layouts. Pure.

import { labelKind } from "./classify-lines.ts";
import type { NoticeLine } from "./normalize-text.ts";

const SEPARATOR = /\t|｜|\|/;
// Two or more spaces (half- or full-width) between words: a column gap, never a sentence's own spacing.
const SPACED = /[ \u3000]{2,}/;

/** The cells of a table row, or null when the line is not one (fewer than two separators). */
export function tableCells(raw: string): string[] | null {
  const stripped = raw.replace(/^\s*[|｜]|[|｜]\s*$/g, "");
  let cells = stripped.split(SEPARATOR).map((c) => c.trim());
  // A table copied from a PDF or a fixed-width layout keeps its columns apart by runs of spaces only.
  if (cells.length < 3)
    cells = stripped
      .trim()
      .split(SPACED)
      .map((c) => c.trim());
  if (cells.length < 3) return null;
  // A Markdown rule row (|---|---|) carries no content.
  return cells;
}

const isRule = (cells: readonly string[]): boolean => cells.every((c) => /^[-—:：\s]*$/.test(c));

type Role = "number" | "problem" | "field";

function columnRole(header: string): Role {
  if (/^(?:序号|编号|序|号)$/.test(header)) return "number";
  const kind = labelKind(header);
  if (kind === "problem" || kind === "finding") return "problem";
  if (/问题|事项/.test(header) && !/情况|状态|措施/.test(header)) return "problem";
  return "field";
}

/** A header row: short cells, at least one naming the problem column and one naming another known field. */
function headerRoles(cells: readonly string[]): Role[] | null {
  if (cells.some((c) => c.length > 14)) return null;
  const roles = cells.map(columnRole);
  const fields = cells.filter((c, i) => roles[i] === "field" && c !== "" && labelKind(c) !== null);
  return roles.includes("problem") && fields.length > 0 ? roles : null;
}

export interface TableOutput {
  readonly lines: NoticeLine[];
  /** Lines consumed by the table's structure (header and rule rows). */
  readonly structural: number[];
}

/**
 * Rewrites table rows (already split into `cells`) starting at a header row. Rows after the header keep their
 * line numbers; a row that cannot be read as a problem or a single cell is kept as its cells joined by "，".
 */
export function rewriteTable(rows: readonly { n: number; cells: string[] }[]): TableOutput | null {
  const [head, ...body] = rows;
  if (!head) return null;
  const roles = headerRoles(head.cells);
  if (roles === null) return null;
  const lines: NoticeLine[] = [];
  const structural = [head.n];
  const problemAt = roles.indexOf("problem");
  let afterProblem = false;
  // The row's field cells as the labelled lines a notice would write ("整改措施：…").
  const fieldLines = (row: { n: number; cells: string[] }): void =>
    row.cells.forEach((cell, i) => {
      if (roles[i] !== "field" || cell === "") return;
      const header = head.cells[i] ?? "";
      lines.push({ n: row.n, text: labelKind(header) === null ? cell : `${header}：${cell}` });
    });
  for (const row of body) {
    if (isRule(row.cells)) {
      structural.push(row.n);
      continue;
    }
    const filled = row.cells.filter((c) => c !== "");
    const problem = row.cells[problemAt] ?? "";
    // A row whose number and problem cells are empty (merged down from the row above in Word) continues that
    // row's problem: its measure, its progress.
    const continues =
      afterProblem && problem === "" && row.cells.every((c, i) => c === "" || roles[i] === "field");
    if (continues && filled.length > 0) {
      fieldLines(row);
      continue;
    }
    if (filled.length === 1) {
      afterProblem = false;
      lines.push({ n: row.n, text: filled[0] as string });
      continue;
    }
    if (problem === "") {
      afterProblem = false;
      lines.push({ n: row.n, text: filled.join("，") });
      continue;
    }
    const number = row.cells[roles.indexOf("number")]?.replace(/[.、．]$/, "") ?? "";
    // "问题N：" names the row a problem by its words, whatever numbering the text around the table uses.
    lines.push({
      n: row.n,
      text: /^\d{1,5}$/.test(number) ? `问题${number}：${problem}` : `问题：${problem}`,
    });
    fieldLines(row);
    afterProblem = true;
  }
  return { lines, structural };
}
