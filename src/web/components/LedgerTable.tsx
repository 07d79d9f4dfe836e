// The ledger's rows in one virtual table: an aspect line, a problem line (number, title, status, the feedback
// text), then the problem's measures with the chosen columns. Only the rows on screen are in the page, so a
// province's ledger of 5,000 measures scrolls as smoothly as a unit's 40.
import { Table, Tag, Typography } from "antd";
import type { ColumnType } from "antd/es/table";
import { useEffect, useState, type ReactNode } from "react";
import {
  MEASURE_KIND_LABELS,
  MEASURE_STATE_COLORS,
  MEASURE_STATE_LABELS,
  PROBLEM_STATUS_COLORS,
  PROBLEM_STATUS_LABELS,
  formatInstant,
} from "../labels.ts";
import { LEDGER_COLUMNS, type LedgerColumn } from "../ledger-columns.ts";
import type { LedgerRow } from "../ledger-rows.ts";
import { linkTo, paths } from "../router.ts";
import type { OrgNames } from "../use-org-names.ts";
import { LADDER_WORDS, ladderText, warningTag } from "../warning-labels.ts";

type Cell = ColumnType<LedgerRow>;

/** Room the page keeps above and below the table (header, summary, filters) on a desktop screen. */
const PAGE_CHROME = 330;
const MIN_HEIGHT = 360;

function useTableHeight(): number {
  const height = () => Math.max(MIN_HEIGHT, window.innerHeight - PAGE_CHROME);
  const [value, setValue] = useState(height);
  useEffect(() => {
    const update = () => setValue(height());
    window.addEventListener("resize", update);
    return () => window.removeEventListener("resize", update);
  }, []);
  return value;
}

function heading(row: LedgerRow): ReactNode {
  if (row.type === "aspect") {
    return (
      <Typography.Title level={5} className="ledger-aspect">
        {row.title}
        <Typography.Text type="secondary" className="ledger-aspect-count">
          {row.measures} 项措施
        </Typography.Text>
      </Typography.Title>
    );
  }
  if (row.type !== "problem") return null;
  const { problem } = row;
  return (
    <div className="ledger-problem" aria-label={`问题${problem.seq}`}>
      <Typography.Text strong>
        {problem.seq}. {problem.title}
      </Typography.Text>{" "}
      <Tag color={PROBLEM_STATUS_COLORS[problem.status]}>{PROBLEM_STATUS_LABELS[problem.status]}</Tag>
      {row.measures === 0 && <Typography.Text type="secondary">本问题没有整改措施</Typography.Text>}
      {problem.feedbackText !== "" && problem.feedbackText !== problem.title && (
        <div className="feedback-text" title={problem.feedbackText}>
          {problem.feedbackText}
        </div>
      )}
    </div>
  );
}

function optionalColumns(names: OrgNames, people: OrgNames): Record<LedgerColumn, Cell> {
  const measureCell =
    (show: (m: Extract<LedgerRow, { type: "measure" }>["measure"]) => ReactNode) =>
    (_: unknown, row: LedgerRow) => (row.type === "measure" ? show(row.measure) : null);
  return {
    kind: { width: 96, render: measureCell((m) => MEASURE_KIND_LABELS[m.kind]) },
    leader: {
      width: 96,
      render: measureCell((m) => (m.leadLeaderId === null ? "—" : (people.get(m.leadLeaderId) ?? "—"))),
    },
    person: {
      width: 96,
      render: measureCell((m) => (m.personId === null ? "—" : (people.get(m.personId) ?? "—"))),
    },
    department: {
      width: 140,
      render: measureCell((m) => (m.departmentId === null ? "—" : (names.get(m.departmentId) ?? "—"))),
    },
    deadline: {
      width: 190,
      render: measureCell((m) => {
        // The warning ladder's level (green, yellow, red, overdue) as the server judged it for this inspection.
        const tag = warningTag(m.warning);
        return (
          <>
            {m.deadline ??
              (m.warning.level !== "not_warned" && m.warning.defaulted ? (
                // No deadline in the ledger: the inspection's default for the kind, said as such.
                <span title="台账未写时限，按督办设置中该类型的默认时限判断">
                  默认{m.warning.judgedAgainst}
                </span>
              ) : (
                "—"
              ))}
            {tag && (
              <Tag color={tag.color} style={{ marginLeft: 4 }}>
                {tag.text}
              </Tag>
            )}
            {/* The ladder's latest step (督办通知, 告诫, 约谈), its number and date on hover. */}
            {m.ladder && (
              <Tag color="purple" title={ladderText(m.ladder)}>
                {LADDER_WORDS[m.ladder.kind]}
              </Tag>
            )}
          </>
        );
      }),
    },
    originalDeadline: { width: 110, render: measureCell((m) => m.originalDeadline ?? "—") },
    state: {
      width: 96,
      render: measureCell((m) => (
        <Tag color={MEASURE_STATE_COLORS[m.state]}>{MEASURE_STATE_LABELS[m.state]}</Tag>
      )),
    },
    closedOn: {
      width: 110,
      render: measureCell((m) => (m.closedAt === null ? "—" : formatInstant(m.closedAt).slice(0, 10))),
    },
  };
}

export function LedgerTable(props: {
  readonly rows: readonly LedgerRow[];
  readonly columns: readonly LedgerColumn[];
  readonly names: OrgNames;
  /** Names of the people the measures refer to (the ledger lists them). */
  readonly people: OrgNames;
}): ReactNode {
  const height = useTableHeight();
  const chosen = optionalColumns(props.names, props.people);
  const span = 2 + props.columns.length;
  // Aspect and problem lines run across the table from the first column; the other cells of those lines give way.
  const headingSpan = (first: boolean) => (row: LedgerRow) =>
    row.type === "measure" ? {} : { colSpan: first ? span : 0 };
  const columns: Cell[] = [
    {
      key: "seq",
      title: "序号",
      width: 64,
      onCell: headingSpan(true),
      render: (_, row) => (row.type === "measure" ? row.measure.seq : heading(row)),
    },
    {
      key: "text",
      title: "整改措施",
      onCell: headingSpan(false),
      // Measures of real notices run to a paragraph: three lines here, the whole text on the measure page.
      render: (_, row) =>
        row.type === "measure" ? (
          <a className="measure-text" title={row.measure.text} {...linkTo(paths.measure(row.measure.id))}>
            {row.measure.text}
          </a>
        ) : null,
    },
    ...props.columns.map((column) => ({
      ...chosen[column],
      key: column,
      title: LEDGER_COLUMNS[column],
      onCell: headingSpan(false),
    })),
  ];
  return (
    <Table<LedgerRow>
      virtual
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={props.rows}
      columns={columns}
      scroll={{ x: 460 + props.columns.length * 115, y: height }}
      rowClassName={(row) => `ledger-row-${row.type}`}
    />
  );
}
