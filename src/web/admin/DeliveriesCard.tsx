// 发送失败的通知 (administrators): the outbox's deliveries that failed and wait for their next attempt, or were given up
// (a wrong address, key or secret: docs/notifications.md), with the reason as stored (addresses and secrets already
// scrubbed); 重试 makes one due at once for the scheduler's next round.
import { App, Button, Card, Table, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import type { AnswerOfRoute } from "../../shared/api-client.ts";
import type { ApiRoutes } from "../../shared/api-routes.ts";
import { ROBOT_KIND_LABELS } from "../../shared/notification-input.ts";
import { api, errorText } from "../api.ts";
import { EmptyState, PageState } from "../components/PageState.tsx";
import { formatInstant } from "../labels.ts";
import type { Account } from "../models.ts";
import { useLoad } from "../use-load.ts";
import type { Target } from "./NotificationsPanel.tsx";

type Delivery = AnswerOfRoute<ApiRoutes["listDeliveries"]>["items"][number];

const CHANNEL_LABELS: Readonly<Record<string, string>> = {
  email: "邮件",
  dingtalk: "钉钉",
  wecom: "企业微信",
  feishu: "飞书",
  webhook: "Webhook",
};

const STATE_TAGS: Readonly<Record<Delivery["state"], { color: string; text: string }>> = {
  pending: { color: "blue", text: "待发送" },
  sent: { color: "green", text: "已发送" },
  failed: { color: "orange", text: "失败待重试" },
  dead: { color: "red", text: "已放弃" },
};

export function DeliveriesCard(props: {
  readonly accounts: readonly Account[];
  readonly targets: readonly Target[];
}): ReactNode {
  const { message } = App.useApp();
  const [loaded, reload] = useLoad(() => api.call("listDeliveries", {}), []);
  const people = new Map(props.accounts.map((a) => [a.user.id, `${a.user.displayName}（${a.user.login}）`]));
  const robots = new Map(props.targets.map((t) => [t.id, `${t.orgName} ${ROBOT_KIND_LABELS[t.kind]}`]));
  const recipientOf = (d: Delivery) => {
    if (d.recipientId !== null) return people.get(d.recipientId) ?? d.recipientId;
    if (d.targetId !== null) return robots.get(d.targetId) ?? "已删除的机器人";
    return "—";
  };
  const retry = async (d: Delivery) => {
    try {
      await api.call("retryDelivery", { params: { id: d.id } });
      void message.success("已重新排入发送队列，将在下一轮发送");
      reload();
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  return (
    <Card
      size="small"
      title="发送失败的通知"
      extra={
        <Button size="small" onClick={reload}>
          刷新
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        失败的发送会按间隔自动重试；地址、密钥或设置有误的不再重试（已放弃），改正后可在此重试。
      </Typography.Paragraph>
      <PageState loaded={loaded} retry={reload}>
        {({ items }) => (
          <Table<Delivery>
            rowKey="id"
            size="small"
            pagination={items.length > 50 ? { pageSize: 50 } : false}
            dataSource={items}
            scroll={{ x: 1000 }}
            locale={{ emptyText: <EmptyState text="没有发送失败的通知" /> }}
            columns={[
              { title: "通知", dataIndex: "subject", width: 220 },
              { title: "接收方", key: "to", width: 160, render: (_, d) => recipientOf(d) },
              {
                title: "渠道",
                key: "channel",
                width: 80,
                render: (_, d) => CHANNEL_LABELS[d.channel] ?? d.channel,
              },
              {
                title: "状态",
                key: "state",
                width: 100,
                render: (_, d) => <Tag color={STATE_TAGS[d.state].color}>{STATE_TAGS[d.state].text}</Tag>,
              },
              { title: "尝试次数", dataIndex: "attempts", width: 80 },
              {
                title: "最近失败原因",
                key: "error",
                render: (_, d) => <span className="inbox-text">{d.lastError ?? "—"}</span>,
              },
              {
                title: "下次重试",
                key: "next",
                width: 140,
                render: (_, d) => (d.state === "failed" ? formatInstant(d.nextAttemptAt) : "不再自动重试"),
              },
              {
                title: "操作",
                key: "retry",
                width: 80,
                render: (_, d) => (
                  <Button size="small" aria-label={`重试：${d.subject}`} onClick={() => void retry(d)}>
                    重试
                  </Button>
                ),
              },
            ]}
          />
        )}
      </PageState>
    </Card>
  );
}
