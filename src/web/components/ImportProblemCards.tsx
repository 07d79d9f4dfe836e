// The problems of an import's preview as cards, for a phone (the desktop has a table): each card holds the problem's
// number, title, aspect and status, 合并 and 拆分, and its measures behind 查看措施 — each measure's text (three lines,
// 展开 for the rest), kind and state, responsibility and deadline, and 修改. Every control is a button or select
// large enough for a thumb; nothing shows only on hover. Which cards are open is the preview's (import-preview-ui.ts),
// the same as the table's open rows.
import { Button, Card, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import {
  MEASURE_KIND_LABELS,
  MEASURE_STATE_COLORS,
  MEASURE_STATE_LABELS,
  PROBLEM_STATUS_COLORS,
  PROBLEM_STATUS_LABELS,
} from "../labels.ts";
import { usePreviewUi } from "../import-preview-ui.ts";
import type { ImportPreview } from "../models.ts";
import {
  MeasureEdit,
  ProblemActions,
  ProblemStatusSelect,
  ProblemTitle,
  type Correct,
} from "./ImportCorrections.tsx";

type PreviewProblem = ImportPreview["problems"][number];
type PreviewMeasure = PreviewProblem["measures"][number];

export function ProblemCards(props: {
  readonly problems: readonly PreviewProblem[];
  readonly correct: Correct | undefined;
}): ReactNode {
  return (
    <ol className="import-cards">
      {props.problems.map((problem) => (
        <ProblemCard key={problem.no} problem={problem} problems={props.problems} correct={props.correct} />
      ))}
    </ol>
  );
}

function ProblemCard(props: {
  readonly problem: PreviewProblem;
  readonly problems: readonly PreviewProblem[];
  readonly correct: Correct | undefined;
}): ReactNode {
  const { problem, correct } = props;
  const ui = usePreviewUi();
  const open = ui.open.has(problem.no);
  const count = problem.measures.length;
  return (
    <li aria-label={`第${problem.no}个问题`} className={`import-problem-${problem.no}`}>
      <Card size="small" className="import-card">
        <div className="import-card-head">
          <span className="import-card-no">{problem.no}</span>
          <span className="import-card-title">
            {correct ? <ProblemTitle problem={problem} correct={correct} touch /> : problem.title}
          </span>
        </div>
        {problem.aspect !== null && (
          <Typography.Text type="secondary" className="import-card-aspect">
            方面：{problem.aspect}
          </Typography.Text>
        )}
        <div className="import-card-status">
          {correct ? (
            <ProblemStatusSelect problem={problem} correct={correct} touch />
          ) : (
            <Tag color={PROBLEM_STATUS_COLORS[problem.status]}>{PROBLEM_STATUS_LABELS[problem.status]}</Tag>
          )}
        </div>
        <div className="import-card-actions">
          <Button
            aria-expanded={open}
            aria-label={`${open ? "收起" : "查看"}第${problem.no}个问题的整改措施`}
            disabled={count === 0}
            onClick={() => ui.setOpen(problem.no, !open)}
          >
            {open ? "收起措施" : `查看措施（${count}）`}
          </Button>
          {correct && <ProblemActions problem={problem} problems={props.problems} correct={correct} touch />}
        </div>
        {open && (
          <ol className="import-measures">
            {problem.measures.map((measure, i) => (
              <MeasureItem
                key={i}
                problemNo={problem.no}
                measureNo={i + 1}
                measure={measure}
                correct={correct}
              />
            ))}
          </ol>
        )}
      </Card>
    </li>
  );
}

function MeasureItem(props: {
  readonly problemNo: number;
  readonly measureNo: number;
  readonly measure: PreviewMeasure;
  readonly correct: Correct | undefined;
}): ReactNode {
  const { measure, correct } = props;
  return (
    <li className="import-measure">
      <Typography.Paragraph
        className="import-measure-text"
        ellipsis={{ rows: 3, expandable: "collapsible", symbol: (expanded) => (expanded ? "收起" : "展开") }}
      >
        {props.measureNo}. {measure.text}
      </Typography.Paragraph>
      <div className="import-measure-tags">
        <Tag>{MEASURE_KIND_LABELS[measure.kind]}</Tag>
        <Tag color={MEASURE_STATE_COLORS[measure.status]}>{MEASURE_STATE_LABELS[measure.status]}</Tag>
      </div>
      <dl className="import-measure-fields">
        <dt>责任部门</dt>
        <dd>{measure.department ?? "—"}</dd>
        <dt>责任领导</dt>
        <dd>{measure.leader ?? "—"}</dd>
        <dt>责任人</dt>
        <dd>{measure.person ?? "—"}</dd>
        <dt>时限</dt>
        <dd>{measure.deadline ?? "—"}</dd>
      </dl>
      {correct && <MeasureEdit problemNo={props.problemNo} measureNo={props.measureNo} touch />}
    </li>
  );
}
