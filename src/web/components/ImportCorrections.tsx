// The corrections a person makes in an import's preview before confirming it: a problem's title (inline) and status
// (a select in its row), a measure's text, deadline and responsibility, merging and splitting problems (dialogs); a
// workbook column's field is chosen in ImportColumnMapping.tsx. Each form is checked with the API's own schemas
// (src/shared/import-corrections.ts), then sent as one PATCH; the page redraws the preview the server answers.
// `touch`: laid out for a thumb on a phone (larger buttons and selects, the title edited by tapping it too). Which
// dialog is open and the title being typed are the preview's (import-preview-ui.ts), so that they outlive a change of
// layout; the dialogs are drawn once, by CorrectionDialog, outside both layouts.
import { App, Button, Checkbox, Form, Input, Select, Space, Typography, type FormInstance } from "antd";
import { useState, type ReactNode } from "react";
import {
  importCorrectionSchema,
  measureFieldsSchema,
  problemTitleSchema,
  type ImportCorrectionInput,
} from "../../shared/import-corrections.ts";
import { isDomainError } from "../../domain/domain-error.ts";
import { parseInput } from "../../shared/validation.ts";
import { errorText } from "../api.ts";
import { validateForm } from "../form-validation.ts";
import { usePreviewUi } from "../import-preview-ui.ts";
import { PROBLEM_STATUS_LABELS, type ProblemStatus } from "../labels.ts";
import type { ImportPreview } from "../models.ts";
import { FormDialog } from "./FormDialog.tsx";

export type Correction = ImportCorrectionInput;
/** Sends corrections (one PATCH) and shows the answer; throws the server's refusal. */
export type Correct = (corrections: readonly Correction[]) => Promise<void>;

type PreviewProblem = ImportPreview["problems"][number];
type PreviewMeasure = PreviewProblem["measures"][number];

const STATUS_OPTIONS = (Object.keys(PROBLEM_STATUS_LABELS) as ProblemStatus[]).map((value) => ({
  value,
  label: PROBLEM_STATUS_LABELS[value],
}));

/** Runs an inline correction, saying a refusal as a message (inline edits have no form to show it in). */
export function useInline(correct: Correct): (corrections: readonly Correction[]) => Promise<void> {
  const { message } = App.useApp();
  return async (corrections) => {
    try {
      await correct(corrections);
    } catch (e) {
      void message.error(errorText(e));
    }
  };
}

/** The problem's title, edited in place; an empty or too long title is refused with the API's message. */
export function ProblemTitle(props: {
  readonly problem: PreviewProblem;
  readonly correct: Correct;
  readonly touch?: boolean;
}): ReactNode {
  const { problem } = props;
  const { message } = App.useApp();
  const inline = useInline(props.correct);
  const ui = usePreviewUi();
  const editing = ui.editingTitle === problem.no;
  return (
    // What is typed is noted as it is typed: a change of layout draws this title again, editing what was typed.
    <span
      onInput={(e) => {
        // As the editor keeps it: a line break is what ends the edit.
        if (editing) ui.titleText.current = (e.target as HTMLTextAreaElement).value.replace(/[\n\r]/g, "");
      }}
    >
      <Typography.Text
        editable={{
          tooltip: "修改标题",
          text: editing ? ui.titleText.current : problem.title,
          editing,
          triggerType: props.touch ? ["icon", "text"] : ["icon"],
          onStart: () => ui.editTitle(problem.no, problem.title),
          onCancel: () => ui.editTitle(null),
          onChange: (text) => {
            ui.editTitle(null);
            if (text === problem.title) return;
            try {
              const title = parseInput(problemTitleSchema, text, "问题标题");
              void inline([{ op: "setProblemTitle", problem: problem.no, title }]);
            } catch (e) {
              if (!isDomainError(e)) throw e;
              void message.error(`问题标题${e.fields?.[0]?.message ?? "有误"}`);
            }
          },
        }}
      >
        {problem.title}
      </Typography.Text>
    </span>
  );
}

/** The problem's status as a select in its row: choosing another sets its measures so that it derives it. */
export function ProblemStatusSelect(props: {
  readonly problem: PreviewProblem;
  readonly correct: Correct;
  readonly touch?: boolean;
}): ReactNode {
  const { problem } = props;
  const inline = useInline(props.correct);
  const [busy, setBusy] = useState(false);
  return (
    <Select<ProblemStatus>
      size={props.touch ? "middle" : "small"}
      aria-label={`第${problem.no}个问题的整改状态`}
      value={problem.status}
      loading={busy}
      disabled={busy}
      options={STATUS_OPTIONS}
      popupMatchSelectWidth={false}
      style={{ width: "100%" }}
      onChange={(status) => {
        setBusy(true);
        void inline([{ op: "setProblemStatus", problem: problem.no, status }]).finally(() => setBusy(false));
      }}
    />
  );
}

/** 合并 and 拆分 of a problem's row, each opening its dialog. */
export function ProblemActions(props: {
  readonly problem: PreviewProblem;
  readonly problems: readonly PreviewProblem[];
  readonly correct: Correct;
  readonly touch?: boolean;
}): ReactNode {
  const { problem } = props;
  const look = props.touch ? ({ type: "default" } as const) : ({ type: "link", size: "small" } as const);
  const { showDialog } = usePreviewUi();
  return (
    <Space size={props.touch ? 8 : 0} wrap>
      <Button
        {...look}
        disabled={props.problems.length < 2}
        aria-label={`把另一个问题合并到第${problem.no}个问题`}
        onClick={() => showDialog({ kind: "merge", problemNo: problem.no })}
      >
        合并
      </Button>
      <Button
        {...look}
        disabled={problem.measures.length < 2}
        aria-label={`拆分第${problem.no}个问题`}
        onClick={() => showDialog({ kind: "split", problemNo: problem.no })}
      >
        拆分
      </Button>
    </Space>
  );
}

/** A dialog's submit: its values made into one correction, checked with the API's schema (messages under the fields), then sent. */
function checkedSubmit<V>(
  correct: Correct,
  what: string,
  correctionOf: (values: V) => unknown,
): (values: V, form: FormInstance<V>, say: (message: string) => void) => Promise<boolean> {
  return async (values, form, say) => {
    const correction = validateForm(
      form,
      () => parseInput(importCorrectionSchema, correctionOf(values), what),
      say,
    );
    if (correction === undefined) return false;
    await correct([correction]);
    return true;
  };
}

interface MergeValues {
  from?: number;
}

function MergeDialog(props: {
  readonly problem: PreviewProblem;
  readonly problems: readonly PreviewProblem[];
  readonly correct: Correct;
  readonly onClose: () => void;
}): ReactNode {
  const { problem } = props;
  return (
    <FormDialog<MergeValues>
      title={`合并到第${problem.no}个问题`}
      okText="合并"
      submit={checkedSubmit(props.correct, "合并问题", (values) => ({
        op: "mergeProblems",
        into: problem.no,
        from: values.from,
      }))}
      onDone={props.onClose}
      onCancel={props.onClose}
    >
      <Typography.Paragraph type="secondary">
        所选问题的整改措施并入“{problem.title}”，所选问题随之删除。
      </Typography.Paragraph>
      <Form.Item name="from" label="要并入的问题" htmlFor="merge-from">
        <Select<number>
          id="merge-from"
          placeholder="选择问题"
          options={props.problems
            .filter((p) => p.no !== problem.no)
            .map((p) => ({ value: p.no, label: `${p.no}. ${p.title}` }))}
        />
      </Form.Item>
    </FormDialog>
  );
}

interface SplitValues {
  measures?: number[];
  title?: string;
}

function SplitDialog(props: {
  readonly problem: PreviewProblem;
  readonly correct: Correct;
  readonly onClose: () => void;
}): ReactNode {
  const { problem } = props;
  return (
    <FormDialog<SplitValues>
      title={`拆分第${problem.no}个问题`}
      okText="拆分"
      initialValues={{ measures: [], title: "" }}
      submit={checkedSubmit(props.correct, "拆分问题", (values) => ({
        op: "splitProblem",
        problem: problem.no,
        measures: values.measures,
        title: values.title,
      }))}
      onDone={props.onClose}
      onCancel={props.onClose}
    >
      <Form.Item name="measures" label="拆出的整改措施（成为新问题，原问题至少保留一条）">
        <Checkbox.Group className="split-measures">
          <Space direction="vertical">
            {problem.measures.map((m, i) => (
              <Checkbox key={i} value={i + 1}>
                {i + 1}. {m.text}
              </Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
      </Form.Item>
      <Form.Item name="title" label="新问题的标题" htmlFor="split-title">
        <Input id="split-title" maxLength={500} />
      </Form.Item>
    </FormDialog>
  );
}

interface MeasureValues {
  text: string;
  deadline: string;
  leader: string;
  department: string;
  person: string;
}

/** 修改 of a measure's row: opens its dialog. */
export function MeasureEdit(props: {
  readonly problemNo: number;
  readonly measureNo: number;
  readonly touch?: boolean;
}): ReactNode {
  const { problemNo, measureNo } = props;
  const { showDialog } = usePreviewUi();
  return (
    <Button
      {...(props.touch ? {} : ({ type: "link", size: "small" } as const))}
      aria-label={`修改第${problemNo}个问题第${measureNo}条措施`}
      onClick={() => showDialog({ kind: "measure", problemNo, measureNo })}
    >
      修改
    </Button>
  );
}

/** A measure's text, deadline and responsibility; only what changed is sent. */
function MeasureDialog(props: {
  readonly problemNo: number;
  readonly measureNo: number;
  readonly measure: PreviewMeasure;
  readonly correct: Correct;
  readonly onClose: () => void;
}): ReactNode {
  const { measure, problemNo, measureNo } = props;
  const initial: MeasureValues = {
    text: measure.text,
    deadline: measure.deadline ?? "",
    leader: measure.leader ?? "",
    department: measure.department ?? "",
    person: measure.person ?? "",
  };
  return (
    <FormDialog<MeasureValues>
      title={`修改第${problemNo}个问题第${measureNo}条措施`}
      okText="保存"
      initialValues={initial}
      submit={async (values, form, say) => {
        const changed = Object.fromEntries(
          (Object.keys(initial) as (keyof MeasureValues)[])
            .filter((key) => values[key].trim() !== initial[key])
            .map((key) => [key, key === "deadline" && values[key].trim() === "" ? null : values[key]]),
        );
        const fields = validateForm(form, () => parseInput(measureFieldsSchema, changed, "整改措施"), say);
        if (fields === undefined) return false;
        await props.correct([{ op: "setMeasure", problem: problemNo, measure: measureNo, fields }]);
        return true;
      }}
      onDone={props.onClose}
      onCancel={props.onClose}
    >
      <Form.Item name="text" label="整改措施" htmlFor="measure-text">
        <Input.TextArea id="measure-text" autoSize={{ minRows: 2, maxRows: 8 }} />
      </Form.Item>
      <Form.Item name="deadline" label="时限（YYYY-MM-DD，可空）" htmlFor="measure-deadline">
        <Input id="measure-deadline" placeholder="2024-06-30" />
      </Form.Item>
      <Form.Item name="leader" label="责任领导" htmlFor="measure-leader">
        <Input id="measure-leader" />
      </Form.Item>
      <Form.Item name="department" label="责任部门" htmlFor="measure-department">
        <Input id="measure-department" />
      </Form.Item>
      <Form.Item name="person" label="责任人" htmlFor="measure-person">
        <Input id="measure-person" />
      </Form.Item>
    </FormDialog>
  );
}

/** The correction dialog the preview has open (merge, split or a measure), drawn once whatever the layout. */
export function CorrectionDialog(props: {
  readonly problems: readonly PreviewProblem[];
  readonly correct: Correct;
}): ReactNode {
  const { dialog, showDialog } = usePreviewUi();
  const problem = dialog && props.problems[dialog.problemNo - 1];
  if (!dialog || !problem) return null;
  const common = { problem, correct: props.correct, onClose: () => showDialog(null) };
  switch (dialog.kind) {
    case "merge":
      return <MergeDialog {...common} problems={props.problems} />;
    case "split":
      return <SplitDialog {...common} />;
    case "measure": {
      const measure = problem.measures[dialog.measureNo - 1];
      return (
        measure && (
          <MeasureDialog
            problemNo={problem.no}
            measureNo={dialog.measureNo}
            measure={measure}
            correct={props.correct}
            onClose={common.onClose}
          />
        )
      );
    }
  }
}
