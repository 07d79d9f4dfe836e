// 公开通报审批 on the reports page, for the unit's leaders and administrators: the public notice the office submitted —
// the very version generated then, in a sandboxed frame and as .docx — with 批准发布 (published as it is) and 退回 (a
// reason required, checked with the API's schema). The server decides who may (never the submitter).
import { Alert, Button, Card, Descriptions, Form, Input, Popconfirm, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { returnPublicNoticeRequestSchema } from "../../shared/public-notice-request-models.ts";
import { parseInput } from "../../shared/validation.ts";
import { api, errorText } from "../api.ts";
import { validateForm } from "../form-validation.ts";
import { formatInstant } from "../labels.ts";
import { linkTo, paths } from "../router.ts";
import { useLoad } from "../use-load.ts";
import { FormDialog } from "./FormDialog.tsx";
import { NoticePreviewFrame } from "./NoticePreviewFrame.tsx";
import { ErrorNote, PageState } from "./PageState.tsx";
import { RequestFiles, type NoticeRequest } from "./PublicNoticeRequests.tsx";

const LAYOUTS = { status: "按整改状态", aspect: "按方面" } as const;

export function PublicNoticeApprovalCard(props: { readonly inspectionId: string }): ReactNode {
  const id = props.inspectionId;
  const [loaded, retry] = useLoad(() => api.call("listPublicNoticeRequests", { params: { id } }), [id]);
  const [published, setPublished] = useState<NoticeRequest | null>(null);
  return (
    <Card size="small" title="公开通报审批" className="section" data-testid="public-notice-approval">
      {published !== null && (
        <Alert
          className="section"
          type="success"
          showIcon
          title={
            <>
              已批准发布“{published.title}”，
              <a {...linkTo(paths.publicNotices(published.publicNoticeId ?? undefined))}>
                在公开信息页面查看
              </a>
              。
            </>
          }
        />
      )}
      <PageState loaded={loaded} retry={retry}>
        {(list) => {
          const pending = list.items.find((r) => r.state === "pending");
          return pending === undefined ? (
            <Typography.Paragraph type="secondary">没有待审批的公开通报。</Typography.Paragraph>
          ) : (
            <PendingRequest
              request={pending}
              onDecided={(decided) => {
                setPublished(decided.state === "approved" ? decided : null);
                retry();
              }}
            />
          );
        }}
      </PageState>
    </Card>
  );
}

function PendingRequest(props: {
  readonly request: NoticeRequest;
  readonly onDecided: (request: NoticeRequest) => void;
}): ReactNode {
  const r = props.request;
  const params = { id: r.inspectionId, rid: r.id };
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [returning, setReturning] = useState(false);
  const approve = async () => {
    setBusy(true);
    setError(null);
    try {
      props.onDecided(await api.call("approvePublicNoticeRequest", { params }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const docNumber = r.options.official?.docNumber;
  return (
    <>
      <Typography.Title level={5}>待审批的公开通报</Typography.Title>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} className="section">
        <Descriptions.Item label="通报" span={2}>
          {r.title}
        </Descriptions.Item>
        <Descriptions.Item label="提交">
          {r.submittedByName} {formatInstant(r.submittedAt)}
        </Descriptions.Item>
        <Descriptions.Item label="成文日期">{r.issuedOn}</Descriptions.Item>
        <Descriptions.Item label="编排">{LAYOUTS[r.layout]}</Descriptions.Item>
        {typeof docNumber === "string" && <Descriptions.Item label="发文字号">{docNumber}</Descriptions.Item>}
        {r.contact !== null && (
          <Descriptions.Item label="监督联系方式" span={2}>
            {r.contact}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Paragraph type="secondary">
        下面是提交时生成的公开版：批准后原样发布到公开信息页面（此后台账的变化不会改变它），任何人都能看到。
      </Typography.Paragraph>
      {!r.mayDecide && (
        <Alert type="info" showIcon title="这份申请是您本人提交的，须由单位其他领导（或系统管理员）审批。" />
      )}
      <ErrorNote message={error} />
      <div className="notice-approval-actions">
        {r.mayDecide && (
          <>
            <Popconfirm
              title="批准发布这份公开通报？"
              description="批准后立即在公开信息页面发布，无须登录即可查看。"
              okText="批准发布"
              cancelText="取消"
              onConfirm={() => void approve()}
            >
              <Button type="primary" loading={busy}>
                批准发布
              </Button>
            </Popconfirm>
            <Button danger onClick={() => setReturning(true)}>
              退回
            </Button>
          </>
        )}
        <RequestFiles request={r} />
      </div>
      <NoticePreviewFrame title={`${r.title}（待审批）`} src={r.files.html.path} />
      {returning && (
        <FormDialog<{ reason: string }>
          title={`退回“${r.title}”`}
          okText="退回"
          submit={async (values, form, say) => {
            const body = validateForm(
              form,
              () => parseInput(returnPublicNoticeRequestSchema, values, "退回理由"),
              say,
            );
            if (body === undefined) return false;
            props.onDecided(await api.call("returnPublicNoticeRequest", { params, body }));
            return true;
          }}
          onDone={() => setReturning(false)}
          onCancel={() => setReturning(false)}
        >
          <Typography.Paragraph>
            退回后不发布；提交人会在提醒中看到退回理由，修改后可重新提交。
          </Typography.Paragraph>
          <Form.Item label="退回理由" name="reason" required>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </FormDialog>
      )}
    </>
  );
}
