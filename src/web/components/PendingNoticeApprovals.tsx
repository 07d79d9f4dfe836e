// 待审批的公开通报 on the dashboard: the public notices the caller may approve or return (the unit's leaders, and
// administrators), oldest first, each leading to its inspection's 报告与下载 where the preview and the decision are.
// Shown only to those who may approve, and only when something waits: nothing to sign is no news.
import { Card, List, Typography } from "antd";
import { use, type ReactNode } from "react";
import { mayEver } from "../access.ts";
import { api } from "../api.ts";
import { formatInstant } from "../labels.ts";
import { linkTo, paths } from "../router.ts";
import { SessionContext } from "../session-context.ts";
import { useLoad } from "../use-load.ts";

export function PendingNoticeApprovals(): ReactNode {
  const session = use(SessionContext);
  return session !== null && mayEver(session, "public_notice.approve") ? <Awaiting /> : null;
}

function Awaiting(): ReactNode {
  const [loaded] = useLoad(() => api.call("listRequestsAwaitingDecision", {}), []);
  // A failure here must not hide the dashboard: the reports page and the inbox still lead to the request.
  if (loaded.state !== "ready" || loaded.data.items.length === 0) return null;
  const items = loaded.data.items;
  return (
    <Card
      size="small"
      className="section"
      title={`待审批的公开通报（${items.length}）`}
      data-testid="pending-notice-approvals"
    >
      <List
        size="small"
        dataSource={[...items]}
        renderItem={(r) => (
          <List.Item>
            <span>
              {r.unitName} · <a {...linkTo(paths.reports(r.inspectionId))}>{r.title}</a>
            </span>
            <Typography.Text type="secondary">
              {r.submittedByName} 于 {formatInstant(r.submittedAt)} 提交，成文日期 {r.issuedOn}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
