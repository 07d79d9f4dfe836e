// 月度整改进展通报 on the reports page: the month (default: the last month ended), this unit or its whole round, and the
// format; the server computes every figure (as of the month's end) and the file is downloaded. Refusals are the server's
// own Chinese words.
import { Button, Card, Form, Input, Radio, Space, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { addMonths } from "../../domain/calendar-date.ts";
import { bulletinRequestSchema } from "../../shared/reporting-bulletin-input.ts";
import { parseInput } from "../../shared/validation.ts";
import { api, errorText } from "../api.ts";
import { validateForm } from "../form-validation.ts";
import type { Ledger } from "../models.ts";
import { saveFile } from "../save-file.ts";
import { ErrorNote } from "./PageState.tsx";

type Format = "docx" | "pdf" | "xlsx";
interface BulletinValues {
  readonly month: string;
  readonly format: Format;
  readonly covers: "unit" | "round";
}

export function BulletinCard(props: { readonly ledger: Ledger }): ReactNode {
  const { ledger } = props;
  const round = ledger.inspection.roundLabel;
  const [form] = Form.useForm<BulletinValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generate = async (values: BulletinValues) => {
    setError(null);
    const request = validateForm(
      form,
      () =>
        parseInput(
          bulletinRequestSchema,
          { month: values.month.trim(), format: values.format },
          "月度通报选项",
        ),
      setError,
    );
    if (request === undefined) return;
    setBusy(true);
    try {
      const wholeRound = values.covers === "round" && round !== null;
      const blob = wholeRound
        ? await api.call("generateRoundBulletin", { body: { ...request, round } })
        : await api.call("generateBulletin", { params: { id: ledger.inspection.id }, body: request });
      saveFile(
        blob,
        `${wholeRound ? round : ledger.unit.name}整改进展通报-${request.month}.${request.format}`,
      );
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title="月度整改进展通报" className="section">
      <Typography.Paragraph type="secondary">
        完成率、按期完成率（经批准延期的另计）和逾期未完成的措施按该月末的台账计算；各责任部门的进展报送情况按今天计算。
      </Typography.Paragraph>
      <Form<BulletinValues>
        form={form}
        layout="vertical"
        initialValues={{ month: addMonths(ledger.asOf, -1).slice(0, 7), format: "docx", covers: "unit" }}
        onFinish={(values) => void generate(values)}
      >
        <Space wrap size="large" align="start">
          <Form.Item
            label="月份"
            name="month"
            rules={[{ required: true, message: "请填写月份，如 2026-11" }]}
          >
            <Input placeholder="YYYY-MM" style={{ width: 120 }} />
          </Form.Item>
          {round !== null && (
            <Form.Item label="范围" name="covers">
              <Radio.Group
                optionType="button"
                options={[
                  { value: "unit", label: "本单位" },
                  { value: "round", label: `整轮（${round}）` },
                ]}
              />
            </Form.Item>
          )}
          <Form.Item label="格式" name="format">
            <Radio.Group
              optionType="button"
              options={[
                { value: "docx", label: "Word（.docx）" },
                { value: "pdf", label: "PDF" },
                { value: "xlsx", label: "Excel（.xlsx）" },
              ]}
            />
          </Form.Item>
        </Space>
        <ErrorNote message={error} />
        <Button type="primary" htmlType="submit" loading={busy}>
          生成月度通报
        </Button>
      </Form>
    </Card>
  );
}
