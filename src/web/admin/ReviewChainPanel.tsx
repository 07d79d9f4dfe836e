// 审核层级 of one inspection: who approves a submitted measure, level by level (the last one closes it). The levels
// are chosen in order; the API's reviewChainSchema checks them, the server refuses a repeated level in its own words.
import { Alert, App, Button, Card, Form, Select, Steps, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { ROLE_LABELS } from "../../domain/account.ts";
import { REVIEWER_ROLES, type ReviewerRole } from "../../domain/review-chain.ts";
import { reviewChainSchema } from "../../shared/review-cycle-input.ts";
import { parseInput } from "../../shared/validation.ts";
import { api, errorText } from "../api.ts";
import { ErrorNote, PageState } from "../components/PageState.tsx";
import { validateForm } from "../form-validation.ts";
import type { InspectionRow, ReviewChainView } from "../models.ts";
import { useLoad } from "../use-load.ts";

export function ReviewChainPanel(props: {
  readonly inspections: readonly InspectionRow[];
  readonly names: ReadonlyMap<string, string>;
}): ReactNode {
  const [inspectionId, setInspectionId] = useState<string | undefined>(undefined);
  return (
    <Card size="small" title="审核层级（对账销号）">
      <Form layout="vertical">
        <Form.Item label="巡察" htmlFor="review-chain-inspection">
          <Select<string>
            id="review-chain-inspection"
            showSearch={{ optionFilterProp: "label" }}
            placeholder="选择巡察"
            value={inspectionId}
            onChange={setInspectionId}
            options={props.inspections.map(({ inspection: i }) => ({
              value: i.id,
              label: `${props.names.get(i.targetOrgId) ?? "—"} · ${i.roundLabel ?? ""}${i.team}`,
            }))}
            notFoundContent="没有巡察"
          />
        </Form.Item>
      </Form>
      {inspectionId !== undefined && <ChainEditor key={inspectionId} inspectionId={inspectionId} />}
    </Card>
  );
}

function ChainEditor(props: { readonly inspectionId: string }): ReactNode {
  const [loaded, retry] = useLoad(
    () => api.call("getReviewChain", { params: { id: props.inspectionId } }),
    [props.inspectionId],
  );
  return (
    <PageState loaded={loaded} retry={retry}>
      {(chain) => <ChainForm inspectionId={props.inspectionId} chain={chain} />}
    </PageState>
  );
}

function ChainForm(props: { readonly inspectionId: string; readonly chain: ReviewChainView }): ReactNode {
  const { message } = App.useApp();
  const [chain, setChain] = useState(props.chain);
  const [form] = Form.useForm<{ levels: ReviewerRole[] }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (values: { levels: ReviewerRole[] }) => {
    setError(null);
    const input = validateForm(form, () => parseInput(reviewChainSchema, values, "审核层级"), setError);
    if (input === undefined) return;
    setBusy(true);
    try {
      setChain(await api.call("setReviewChain", { params: { id: props.inspectionId }, body: input }));
      void message.success("审核层级已保存");
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {chain.isDefault && (
        <Alert className="section" type="info" showIcon title="尚未设置，按默认由单位领导一级审核销号。" />
      )}
      <Steps
        className="section"
        size="small"
        current={-1}
        aria-label="当前审核层级"
        items={chain.levels.map((role, i) => ({
          title: `第${i + 1}级：${ROLE_LABELS[role]}`,
          description: i === chain.levels.length - 1 ? "审核通过即销号" : undefined,
        }))}
      />
      <Form<{ levels: ReviewerRole[] }>
        form={form}
        layout="vertical"
        initialValues={{ levels: [...chain.levels] }}
        onFinish={(values) => void save(values)}
      >
        <Form.Item label="审核层级（按选择的先后排序）" name="levels">
          <Select<ReviewerRole[]>
            mode="multiple"
            placeholder="依次选择各级审核"
            options={REVIEWER_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          />
        </Form.Item>
        <Typography.Paragraph type="secondary">最多 5 级；最后一级审核通过后措施销号。</Typography.Paragraph>
        <ErrorNote message={error} />
        <Button type="primary" htmlType="submit" loading={busy}>
          保存审核层级
        </Button>
      </Form>
    </>
  );
}
