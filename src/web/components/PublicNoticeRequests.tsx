// The approval requests of one inspection's public notice (公开通报审批), as the office follows them in 公开发布: when
// and by whom submitted, 成文日期, the state — 待审批, 已批准发布, 已退回 with the leader's reason, 已撤回 — the
// version submitted (预览 in a new window, the .docx), and 撤回申请 while pending (the server says who may).
import { Button, Popconfirm, Space, Table, Tag, Typography } from "antd";
import { useState, type ReactNode } from "react";
import type { AnswerOfRoute } from "../../shared/api-client.ts";
import type { ApiRoutes } from "../../shared/api-routes.ts";
import { api, errorText } from "../api.ts";
import { formatInstant } from "../labels.ts";
import { ErrorNote } from "./PageState.tsx";

export type NoticeRequest = AnswerOfRoute<ApiRoutes["listPublicNoticeRequests"]>["items"][number];

const STATES: Readonly<Record<NoticeRequest["state"], { label: string; color: string }>> = {
  pending: { label: "待审批", color: "gold" },
  approved: { label: "已批准发布", color: "green" },
  returned: { label: "已退回", color: "red" },
  cancelled: { label: "已撤回", color: "default" },
};

/** The state as a tag, with who decided and, for a return, why. */
export function RequestState(props: { readonly request: NoticeRequest }): ReactNode {
  const { state, decision } = props.request;
  return (
    <Space direction="vertical" size={0}>
      <Tag color={STATES[state].color}>{STATES[state].label}</Tag>
      {decision !== null && (
        <Typography.Text type="secondary">
          {decision.byName} {formatInstant(decision.at)}
        </Typography.Text>
      )}
      {decision?.reason != null && <Typography.Text>退回理由：{decision.reason}</Typography.Text>}
    </Space>
  );
}

/** 新窗口预览 (the submitted HTML) and the submitted .docx: the very files approval publishes. */
export function RequestFiles(props: { readonly request: NoticeRequest }): ReactNode {
  const { files } = props.request;
  return (
    <Space size="small" wrap>
      <a href={files.html.path} target="_blank" rel="noreferrer">
        新窗口预览
      </a>
      <a href={files.docx.path} download>
        下载 .docx
      </a>
    </Space>
  );
}

export function PublicNoticeRequests(props: {
  readonly requests: readonly NoticeRequest[];
  /** After a cancellation: the lists are read again. */
  readonly onChange: () => void;
}): ReactNode {
  const [error, setError] = useState<string | null>(null);
  const cancel = async (r: NoticeRequest) => {
    setError(null);
    try {
      await api.call("cancelPublicNoticeRequest", { params: { id: r.inspectionId, rid: r.id } });
      props.onChange();
    } catch (e) {
      setError(errorText(e));
    }
  };
  if (props.requests.length === 0) return null;
  return (
    <div className="section" data-testid="public-notice-requests">
      <Typography.Title level={5}>审批申请</Typography.Title>
      <ErrorNote message={error} />
      <Table<NoticeRequest>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={props.requests}
        scroll={{ x: 680 }}
        columns={[
          {
            title: "提交",
            key: "submitted",
            width: 170,
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <span>{r.submittedByName}</span>
                <Typography.Text type="secondary">{formatInstant(r.submittedAt)}</Typography.Text>
              </Space>
            ),
          },
          { title: "成文日期", dataIndex: "issuedOn", width: 110 },
          { title: "状态", key: "state", render: (_, r) => <RequestState request={r} /> },
          { title: "提交的版本", key: "files", width: 150, render: (_, r) => <RequestFiles request={r} /> },
          {
            title: "操作",
            key: "actions",
            width: 110,
            render: (_, r) =>
              r.mayCancel && (
                <Popconfirm
                  title="撤回这份审批申请？"
                  description="撤回后领导不再审批它，可重新提交。"
                  okText="撤回申请"
                  cancelText="取消"
                  onConfirm={() => void cancel(r)}
                >
                  <Button size="small">撤回申请</Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </div>
  );
}
