// 公开发布 on the reports page: publish the public version to 公开信息 (generated now from the ledger; 编排, 成文日期
// and 版头/版记 chosen in PublishNoticeDialog), see what this inspection has published, and withdraw one with a reason. For the roles that may generate
// notices; the server checks again.
import { Button, Card, Form, Input, Table, Tag, Typography } from "antd";
import { useState, type ReactNode } from "react";
import type { AnswerOfRoute } from "../../shared/api-client.ts";
import type { ApiRoutes } from "../../shared/api-routes.ts";
import { withdrawPublicNoticeSchema } from "../../shared/public-notice-models.ts";
import { parseInput } from "../../shared/validation.ts";
import { api } from "../api.ts";
import { validateForm } from "../form-validation.ts";
import { linkTo, paths } from "../router.ts";
import { useLoad } from "../use-load.ts";
import { FormDialog } from "./FormDialog.tsx";
import { PageState } from "./PageState.tsx";
import { PublishNoticeDialog } from "./PublishNoticeDialog.tsx";

type Published = AnswerOfRoute<ApiRoutes["listInspectionPublicNotices"]>["items"][number];

export function PublicNoticesCard(props: { readonly inspectionId: string }): ReactNode {
  const id = props.inspectionId;
  const [loaded, retry] = useLoad(() => api.call("listInspectionPublicNotices", { params: { id } }), [id]);
  const [publishing, setPublishing] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Published | null>(null);
  return (
    <Card size="small" title="公开发布" className="section" data-testid="public-notices">
      <Typography.Paragraph>
        发布公开版：按台账现状和本单位的版头版记设置生成公开版通报（不载明党内、不公开和来自问题线索的问题），在
        <a {...linkTo(paths.publicNotices())}>公开信息</a>页面展示，无须登录即可查看和下载。
      </Typography.Paragraph>
      <Button type="primary" className="section" onClick={() => setPublishing(true)}>
        发布公开版
      </Button>
      <PageState loaded={loaded} retry={retry}>
        {(list) => (
          <Table<Published>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={list.items}
            locale={{ emptyText: "尚未发布公开版" }}
            scroll={{ x: true }}
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
      {publishing && (
        <PublishNoticeDialog
          inspectionId={id}
          onDone={() => {
            setPublishing(false);
            retry();
          }}
          onCancel={() => setPublishing(false)}
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
            retry();
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
