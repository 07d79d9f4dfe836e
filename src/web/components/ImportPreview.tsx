// The dry-run preview of an import as the server answers it: what was read (inspection, counts against what the notice
// says of itself), every error of a workbook row (file, sheet, row, column), every warning and note, the corrections
// made so far (each with its 撤销, given `undo`), a workbook's columns, then the problems with their measures. With
// `correct`, each of these can be corrected in place (see ImportCorrections.tsx). Below the md breakpoint (a phone)
// the tables become lists and cards (ImportProblemCards.tsx), so that nothing scrolls sideways. What is open (problems,
// a dialog, a title being typed) is kept here, above both layouts, so that a tablet turned across md keeps it
// (import-preview-ui.ts); after such a turn the problem opened last is brought into view.
import { Card, Descriptions, Grid, Space, Table, Tag, Typography } from "antd";
import { useLayoutEffect, useRef, type ReactNode } from "react";
import { REGIME_LABELS, type Regime } from "../../domain/inspection.ts";
import {
  formatInstant,
  MEASURE_KIND_LABELS,
  MEASURE_STATE_COLORS,
  MEASURE_STATE_LABELS,
  PROBLEM_STATUS_COLORS,
  PROBLEM_STATUS_LABELS,
} from "../labels.ts";
import type { ImportPreview as Preview, StagedImport } from "../models.ts";
import { ColumnMapping } from "./ImportColumnMapping.tsx";
import { CorrectionList, type Undo } from "./ImportCorrectionList.tsx";
import { PreviewUiContext, usePreviewUi, usePreviewUiState } from "../import-preview-ui.ts";
import {
  CorrectionDialog,
  MeasureEdit,
  ProblemActions,
  ProblemStatusSelect,
  ProblemTitle,
  type Correct,
} from "./ImportCorrections.tsx";
import { ImportIssues } from "./ImportIssues.tsx";
import { ProblemCards } from "./ImportProblemCards.tsx";

type PreviewProblem = Preview["problems"][number];
type PreviewMeasure = PreviewProblem["measures"][number];

/** What a notice may say of itself, in the words of the preview. */
const STATED_LABELS: Readonly<Record<string, string>> = {
  aspects: "方面",
  problems: "问题",
  measures: "措施",
  completed: "已整改完成",
  inProgress: "正在推进",
  longTerm: "基本完成、持续深化",
  completionRate: "整改完成率",
};

const regimeLabel = (regime: string) => REGIME_LABELS[regime as Regime] ?? regime;

const correctionsTitle = ({ corrections, undoneCorrections }: StagedImport): string =>
  `已做的修改（${corrections.length}${undoneCorrections.length > 0 ? `，另有${undoneCorrections.length}项已撤销` : ""}）`;

export function ImportPreview(props: {
  readonly staged: StagedImport;
  readonly correct?: Correct;
  readonly undo?: Undo;
}): ReactNode {
  const { staged, correct } = props;
  const { preview } = staged;
  const { inspection, counts } = preview;
  // Known after the first layout effect, before anything is painted.
  const phone = Grid.useBreakpoint().md === false;
  const ui = usePreviewUiState();
  const problemsCard = useRef<HTMLDivElement>(null);
  const layout = useRef(phone);
  useLayoutEffect(() => {
    if (layout.current === phone) return;
    layout.current = phone;
    const no = ui.lastOpened.current;
    if (no !== null && ui.open.has(no))
      problemsCard.current?.querySelector(`.import-problem-${no}`)?.scrollIntoView({ block: "start" });
  }, [phone, ui]);
  return (
    <PreviewUiContext value={ui}>
      <Card size="small" title="识别结果" className="section">
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label="文件">{staged.fileName}</Descriptions.Item>
          <Descriptions.Item label="类型">
            {staged.kind === "notice" ? "整改情况通报" : "整改台账"}
          </Descriptions.Item>
          <Descriptions.Item label="被巡察单位">{preview.unit.name}</Descriptions.Item>
          <Descriptions.Item label="巡察">
            {inspection.roundLabel ?? ""}
            {inspection.team}（{regimeLabel(inspection.regime)}）
          </Descriptions.Item>
          <Descriptions.Item label="进驻时间">
            {inspection.onsiteStart ?? "—"} 至 {inspection.onsiteEnd ?? "—"}
          </Descriptions.Item>
          <Descriptions.Item label="反馈日期">{inspection.feedbackDate ?? "—"}</Descriptions.Item>
          <Descriptions.Item label="识别数量">
            <span data-testid="import-counts">
              方面 {counts.aspects} 个，问题 {counts.problems} 个，措施 {counts.measures} 项
            </span>
          </Descriptions.Item>
          <Descriptions.Item label="问题状态">
            <Space size={[0, 4]} wrap>
              {(["completed", "in_progress", "long_term"] as const).map((s) => (
                <Tag key={s} color={PROBLEM_STATUS_COLORS[s]}>
                  {PROBLEM_STATUS_LABELS[s]} {counts.byStatus[s] ?? 0}
                </Tag>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="预览保留至">{formatInstant(staged.expiresAt)}</Descriptions.Item>
        </Descriptions>
        {Object.keys(preview.stated).length > 0 && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            通报自述：
            {Object.entries(preview.stated)
              .map(
                ([key, value]) =>
                  `${STATED_LABELS[key] ?? key} ${value}${key === "completionRate" ? "%" : ""}`,
              )
              .join("，")}
          </Typography.Paragraph>
        )}
      </Card>
      <ImportIssues staged={staged} touch={phone} />
      {staged.corrections.length + staged.undoneCorrections.length > 0 && (
        <Card size="small" title={correctionsTitle(staged)} className="section">
          <CorrectionList staged={staged} {...(props.undo ? { undo: props.undo } : {})} touch={phone} />
        </Card>
      )}
      {correct && preview.columns.length > 0 && (
        <Card size="small" title="列的对应" className="section">
          <Typography.Paragraph type="secondary">
            每列可改读作其他字段，或不导入；工作簿将按新的对应重新读取。
          </Typography.Paragraph>
          <ColumnMapping preview={preview} correct={correct} touch={phone} />
        </Card>
      )}
      <Card
        size="small"
        title={`问题与整改措施（${preview.problems.length}）`}
        className={`section${phone ? " import-problems-phone" : ""}`}
        ref={problemsCard}
      >
        {phone ? (
          <ProblemCards problems={preview.problems} correct={correct} />
        ) : (
          <ProblemTable preview={preview} correct={correct} />
        )}
      </Card>
      {correct && <CorrectionDialog problems={preview.problems} correct={correct} />}
    </PreviewUiContext>
  );
}

/** The problems in a table with their measures in expandable rows (a desktop). */
function ProblemTable(props: {
  readonly preview: Preview;
  readonly correct: Correct | undefined;
}): ReactNode {
  const { preview, correct } = props;
  const { open, setOpen } = usePreviewUi();
  return (
    <Table<PreviewProblem>
      rowKey="no"
      rowClassName={(problem) => `import-problem-${problem.no}`}
      size="small"
      pagination={false}
      dataSource={[...preview.problems]}
      scroll={{ x: correct ? 900 : 760 }}
      expandable={{
        expandedRowRender: (problem) => (
          <MeasureRows problemNo={problem.no} measures={problem.measures} correct={correct} />
        ),
        rowExpandable: (problem) => problem.measures.length > 0,
        expandedRowKeys: [...open],
        onExpand: (expanded, problem) => setOpen(problem.no, expanded),
      }}
      columns={[
        { title: "序号", dataIndex: "no", width: 64 },
        // A notice that lists its problems without aspects has none to show.
        ...(preview.problems.some((p) => p.aspect !== null)
          ? [
              {
                title: "方面",
                key: "aspect",
                width: 200,
                render: (_: unknown, p: PreviewProblem) => p.aspect ?? "—",
              },
            ]
          : []),
        {
          title: "问题",
          key: "title",
          render: (_, p) => (correct ? <ProblemTitle problem={p} correct={correct} /> : p.title),
        },
        {
          title: "整改状态",
          key: "status",
          width: 170,
          render: (_, p) =>
            correct ? (
              <ProblemStatusSelect problem={p} correct={correct} />
            ) : (
              <Tag color={PROBLEM_STATUS_COLORS[p.status]}>{PROBLEM_STATUS_LABELS[p.status]}</Tag>
            ),
        },
        {
          title: "措施",
          key: "measures",
          width: 64,
          align: "right",
          render: (_, p) => p.measures.length,
        },
        ...(correct
          ? [
              {
                title: "操作",
                key: "actions",
                width: 120,
                render: (_: unknown, p: PreviewProblem) => (
                  <ProblemActions problem={p} problems={preview.problems} correct={correct} />
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

function MeasureRows(props: {
  readonly problemNo: number;
  readonly measures: readonly PreviewMeasure[];
  readonly correct: Correct | undefined;
}): ReactNode {
  const { correct } = props;
  return (
    <Table<PreviewMeasure>
      rowKey={(_, index) => String(index)}
      size="small"
      pagination={false}
      dataSource={[...props.measures]}
      columns={[
        { title: "整改措施", dataIndex: "text" },
        { title: "类型", key: "kind", width: 96, render: (_, m) => MEASURE_KIND_LABELS[m.kind] },
        { title: "责任领导", key: "leader", width: 96, render: (_, m) => m.leader ?? "—" },
        { title: "责任部门", key: "department", width: 120, render: (_, m) => m.department ?? "—" },
        { title: "责任人", key: "person", width: 96, render: (_, m) => m.person ?? "—" },
        { title: "时限", key: "deadline", width: 110, render: (_, m) => m.deadline ?? "—" },
        {
          title: "状态",
          key: "status",
          width: 90,
          render: (_, m) => (
            <Tag color={MEASURE_STATE_COLORS[m.status]}>{MEASURE_STATE_LABELS[m.status]}</Tag>
          ),
        },
        ...(correct
          ? [
              {
                title: "操作",
                key: "edit",
                width: 72,
                render: (_: unknown, m: PreviewMeasure, index: number) => (
                  <MeasureEdit problemNo={props.problemNo} measureNo={index + 1} />
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
