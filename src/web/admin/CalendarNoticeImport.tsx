// 导入一年的放假安排 (administrators): paste the State Council's notice (or a table of days), see every day it gives —
// and what it replaces — before anything is stored, then import it all at once. A line that cannot be read is named
// and nothing is stored (src/app/import-calendar-notice.ts).
import { Button, Card, Form, Input, InputNumber, Space, Table, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { calendarNoticeImportSchema } from "../../shared/calendar-import-models.ts";
import { DAY_KIND_LABELS } from "../../shared/calendar-input.ts";
import { parseInput } from "../../shared/validation.ts";
import { api, errorText } from "../api.ts";
import { ErrorNote } from "../components/PageState.tsx";
import { validateForm } from "../form-validation.ts";
import type { AnswerOfRoute } from "../../shared/api-client.ts";
import type { ApiRoutes } from "../../shared/api-routes.ts";
import { DayKindTag } from "./DayKindTag.tsx";

type ImportAnswer = AnswerOfRoute<ApiRoutes["importCalendarNotice"]>;
type Day = ImportAnswer["items"][number];

interface NoticeValues {
  readonly text?: string;
  readonly year?: number | null;
}

export function CalendarNoticeImport(props: { readonly onChanged: () => void }): ReactNode {
  const [form] = Form.useForm<NoticeValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportAnswer | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const send = async (dryRun: boolean) => {
    setError(null);
    setDone(null);
    const values = form.getFieldsValue();
    const body = validateForm(
      form,
      () =>
        parseInput(
          calendarNoticeImportSchema,
          { text: values.text ?? "", dryRun, ...(values.year ? { year: values.year } : {}) },
          "放假安排",
        ),
      setError,
    );
    if (body === undefined) return;
    setBusy(true);
    try {
      const answer = await api.call("importCalendarNotice", { body });
      if (dryRun) setPreview(answer);
      else {
        setPreview(null);
        form.resetFields();
        setDone(
          `已录入${answer.year ?? ""}年放假安排：新录入 ${answer.created} 天，替换原有调整 ${answer.replaced} 天`,
        );
        props.onChanged();
      }
    } catch (e) {
      setPreview(null);
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title="导入一年的放假安排" className="section">
      <Typography.Paragraph type="secondary">
        粘贴国务院办公厅《关于某年部分节假日安排的通知》全文，或每行“2027-02-06 放假
        春节”的表格。先预览，核对无误后导入；有任何一行无法识别都不会录入。
      </Typography.Paragraph>
      <Form<NoticeValues> form={form} layout="vertical" onValuesChange={() => setPreview(null)}>
        <Form.Item label="通知全文或日期表格" name="text">
          <Input.TextArea rows={6} placeholder="一、元旦：1月1日（周五）至3日（周日）放假，共3天。" />
        </Form.Item>
        <Form.Item label="年份" name="year" extra="通知标题中写明年份的可不填">
          <InputNumber min={2000} max={2100} placeholder="如 2027" style={{ width: 160 }} />
        </Form.Item>
        <ErrorNote message={error} />
        {done !== null && <Typography.Paragraph type="success">{done}</Typography.Paragraph>}
        <Space>
          <Button onClick={() => void send(true)} loading={busy && preview === null}>
            预览
          </Button>
          <Button
            type="primary"
            disabled={preview === null}
            loading={busy && preview !== null}
            onClick={() => void send(false)}
          >
            导入
          </Button>
        </Space>
      </Form>
      {preview !== null && <NoticePreview preview={preview} />}
    </Card>
  );
}

function NoticePreview(props: { readonly preview: ImportAnswer }): ReactNode {
  const { preview } = props;
  return (
    <div className="section" data-testid="calendar-import-preview">
      <Typography.Paragraph>
        {preview.year === null ? "" : `${preview.year}年`}共 {preview.items.length} 天：新录入{" "}
        {preview.created} 天，替换原有调整 {preview.replaced} 天（尚未保存）。
      </Typography.Paragraph>
      {preview.notMentioned.map((o) => (
        <Typography.Paragraph key={o.day} type="warning">
          {o.day} 已有调整“{DAY_KIND_LABELS[o.kind]}（{o.name}）”，通知未提及，将保留不动。
        </Typography.Paragraph>
      ))}
      <Table<Day>
        rowKey="day"
        size="small"
        pagination={false}
        scroll={{ y: 320 }}
        dataSource={[...preview.items]}
        columns={[
          { title: "日期", dataIndex: "day", width: 120 },
          {
            title: "类型",
            key: "kind",
            width: 80,
            render: (_, d) => <DayKindTag kind={d.kind} />,
          },
          { title: "名称", dataIndex: "name" },
          {
            title: "原有调整",
            key: "before",
            render: (_, d) =>
              d.before === null ? "" : `${DAY_KIND_LABELS[d.before.kind]}（${d.before.name}）`,
          },
        ]}
      />
    </div>
  );
}
