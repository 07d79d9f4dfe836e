// 下发督办通知 from an inspection's warning board (the inspection office, administrators): the 发文字号 and the written
// reply time in working days; the server writes the notice over the overdue and red measures, records the issue and
// answers the .docx, which the browser downloads.
import { Button, Form, Input, InputNumber, Space, Typography } from "antd";
import { useState, type ReactNode } from "react";
import {
  DEFAULT_REPLY_WORKING_DAYS,
  supervisionNoticeRequestSchema,
} from "../../shared/supervision-notice-input.ts";
import { parseInput } from "../../shared/validation.ts";
import { api, errorText } from "../api.ts";
import { validateForm } from "../form-validation.ts";
import { saveFile } from "../save-file.ts";
import { ErrorNote } from "./PageState.tsx";

interface NoticeForm {
  readonly docNumber?: string;
  readonly replyWithinWorkingDays?: number | null;
}

export function SupervisionNoticeForm(props: {
  readonly inspectionId: string;
  readonly unitName: string;
}): ReactNode {
  const [form] = Form.useForm<NoticeForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<string | null>(null);
  const issue = async (values: NoticeForm) => {
    setError(null);
    setIssued(null);
    const body = validateForm(
      form,
      () =>
        parseInput(
          supervisionNoticeRequestSchema,
          {
            ...(values.docNumber?.trim() ? { docNumber: values.docNumber.trim() } : {}),
            replyWithinWorkingDays: values.replyWithinWorkingDays ?? undefined,
            format: "docx",
          },
          "督办通知",
        ),
      setError,
    );
    if (body === undefined) return;
    setBusy(true);
    try {
      const blob = await api.call("issueSupervisionNotice", { params: { id: props.inspectionId }, body });
      const name = `${props.unitName}督办通知.docx`;
      saveFile(blob, name);
      setIssued(name);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form<NoticeForm>
      form={form}
      layout="vertical"
      initialValues={{ replyWithinWorkingDays: DEFAULT_REPLY_WORKING_DAYS }}
      onFinish={(values) => void issue(values)}
      className="section"
    >
      <Typography.Text strong>下发督办通知</Typography.Text>
      <Typography.Paragraph type="secondary">
        列出今日已逾期和红色预警的措施及其责任部门、责任人，要求书面回复；下发记入审计。
      </Typography.Paragraph>
      <Space wrap align="start">
        <Form.Item label="发文字号" name="docNumber">
          <Input placeholder="如 市巡办〔2026〕3号" maxLength={60} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item label="书面回复时限" name="replyWithinWorkingDays">
          <InputNumber min={1} max={30} precision={0} suffix="个工作日" style={{ width: 150 }} />
        </Form.Item>
      </Space>
      <ErrorNote message={error} />
      {issued && <Typography.Paragraph type="success">已下发并下载：{issued}</Typography.Paragraph>}
      <Button htmlType="submit" loading={busy}>
        下发督办通知（.docx）
      </Button>
    </Form>
  );
}
