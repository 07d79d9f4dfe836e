// 公开发布 on the reports page, for the roles that may generate notices (the server checks again): 提交审批 — the public
// version generated now from the ledger (编排, 成文日期 and 版头/版记 chosen in PublishNoticeDialog) goes to the unit's
// leader, who approves it to 公开信息 or returns it — with the requests and their states (PublicNoticeRequests);
// an administrator may also publish directly. Below, what this inspection has published, and 撤回 with a reason.
import { Button, Card, Form, Input, Space, Table, Tag, Typography } from "antd";
import { use, useState, type ReactNode } from "react";
import type { AnswerOfRoute } from "../../shared/api-client.ts";
import type { ApiRoutes } from "../../shared/api-routes.ts";
import { withdrawPublicNoticeSchema } from "../../shared/public-notice-models.ts";
import { parseInput } from "../../shared/validation.ts";
import { isAdmin } from "../access.ts";
import { api } from "../api.ts";
import { validateForm } from "../form-validation.ts";
import { linkTo, paths } from "../router.ts";
import { SessionContext } from "../session-context.ts";
import { useLoad } from "../use-load.ts";
import { FormDialog } from "./FormDialog.tsx";
import { PageState } from "./PageState.tsx";
import { PublicNoticeRequests } from "./PublicNoticeRequests.tsx";
import { PublishNoticeDialog } from "./PublishNoticeDialog.tsx";

type Published = AnswerOfRoute<ApiRoutes["listInspectionPublicNotices"]>["items"][number];

export function PublicNoticesCard(props: { readonly inspectionId: string }): ReactNode {
  const id = props.inspectionId;
  const session = use(SessionContext);
  const [loaded, retryPublished] = useLoad(
    () => api.call("listInspectionPublicNotices", { params: { id } }),
    [id],
  );
  const [requests, retryRequests] = useLoad(
    () => api.call("listPublicNoticeRequests", { params: { id } }),
    [id],
  );
  const retry = () => {
    retryRequests();
    retryPublished();
  };
  const pending = requests.state === "ready" && requests.data.items.some((r) => r.state === "pending");
  const [publishing, setPublishing] = useState<"submit" | "publish" | null>(null);
  const [withdrawing, setWithdrawing] = useState<Published | null>(null);
  return (
    <Card size="small" title="公开发布" className="section" data-testid="public-notices">
      <Typography.Paragraph>
        提交审批：按台账现状和本单位的版头版记设置生成公开版通报（不载明党内、不公开和来自问题线索的问题），由单位领导审阅；
        批准后原样在<a {...linkTo(paths.publicNotices())}>公开信息</a>页面展示，无须登录即可查看和下载。
      </Typography.Paragraph>
      <Space wrap className="section">
        <Button type="primary" disabled={pending} onClick={() => setPublishing("submit")}>
          提交审批
        </Button>
        {session !== null && isAdmin(session) && (
          <Button onClick={() => setPublishing("publish")}>直接发布（不经审批）</Button>
        )}
        {pending && (
          <Typography.Text type="secondary">已有一份待审批的申请，审批或撤回后才能再提交。</Typography.Text>
        )}
      </Space>
      <PageState loaded={requests} retry={retryRequests}>
        {(list) => <PublicNoticeRequests requests={list.items} onChange={retry} />}
      </PageState>
      <Typography.Title level={5}>已发布</Typography.Title>
      <PageState loaded={loaded} retry={retry}>
        {(list) => (
          <Table<Published>
            data-testid="published-notices"
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={list.items}
            locale={{ emptyText: "尚未发布公开版" }}
            scroll={{ x: 760 }}
            columns={[
              {
                title: "通报",
                key: "title",
                render: (_, n) =>
                  n.withdrawal === null ? <a {...linkTo(paths.publicNotices(n.id))}>{n.title}</a> : n.title,
              },
              { title: "成文日期", dataIndex: "issuedOn", width: 110 },
              { title: "发布人", dataIndex: "publishedByName", width: 100 },
              {
                title: "批准人",
                key: "approvedBy",
                width: 100,
                render: (_, n) =>
                  n.approvedByName ?? <Typography.Text type="secondary">直接发布</Typography.Text>,
              },
              {
                title: "状态",
                key: "state",
                width: 200,
                render: (_, n) =>
                  n.withdrawal === null ? (
                    <Tag color="green">已发布</Tag>
                  ) : (
                    <>
                      <Tag>已撤回</Tag>
                      <Typography.Text type="secondary">{n.withdrawal.reason}</Typography.Text>
                    </>
                  ),
              },
              {
                title: "操作",
                key: "actions",
                width: 80,
                render: (_, n) =>
                  n.withdrawal === null && (
                    <Button size="small" danger onClick={() => setWithdrawing(n)}>
                      撤回
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </PageState>
      {publishing !== null && (
        <PublishNoticeDialog
          inspectionId={id}
          mode={publishing}
          onDone={() => {
            setPublishing(null);
            retry();
          }}
          onCancel={() => setPublishing(null)}
        />
      )}
      {withdrawing !== null && (
        <FormDialog<{ reason: string }>
          title={`撤回“${withdrawing.title}”`}
          okText="撤回"
          submit={async (values, form, say) => {
            const body = validateForm(
              form,
              () => parseInput(withdrawPublicNoticeSchema, values, "撤回理由"),
              say,
            );
            if (body === undefined) return false;
            await api.call("withdrawPublicNotice", { params: { id, pid: withdrawing.id }, body });
            return true;
          }}
          onDone={() => {
            setWithdrawing(null);
            retryPublished();
          }}
          onCancel={() => setWithdrawing(null)}
        >
          <Typography.Paragraph>
            撤回后公开信息页面不再展示这份通报，撤回理由记入操作记录。
          </Typography.Paragraph>
          <Form.Item label="撤回理由" name="reason" required>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </FormDialog>
      )}
    </Card>
  );
}
