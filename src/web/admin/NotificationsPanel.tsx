// 通知 (administrators): each organisation's group robots (钉钉, 企业微信, 飞书, a generic webhook) — the address
// shown with its tokens masked and only whether a signing secret is set, never the secret — and the deliveries that
// failed (DeliveriesCard). Every form is checked with the API's own schema first.
import { App, Button, Card, Checkbox, Form, Input, Select, Space, Table, Tag } from "antd";
import { useState, type ReactNode } from "react";
import type { AnswerOfRoute } from "../../shared/api-client.ts";
import type { ApiRoutes } from "../../shared/api-routes.ts";
import { notificationTargetInput, ROBOT_KIND_LABELS, ROBOT_KINDS } from "../../shared/notification-input.ts";
import { parseInput } from "../../shared/validation.ts";
import { api, errorText } from "../api.ts";
import { FormDialog } from "../components/FormDialog.tsx";
import { EmptyState, PageState } from "../components/PageState.tsx";
import { validateForm } from "../form-validation.ts";
import { formatInstant } from "../labels.ts";
import type { Account, Org } from "../models.ts";
import { useLoad } from "../use-load.ts";
import { DeliveriesCard } from "./DeliveriesCard.tsx";
import { orgOptions } from "./org-options.ts";

export type Target = AnswerOfRoute<ApiRoutes["listNotificationTargets"]>["items"][number];

export function NotificationsPanel(props: {
  readonly orgs: readonly Org[];
  readonly accounts: readonly Account[];
}): ReactNode {
  const [targets, reload] = useLoad(() => api.call("listNotificationTargets", {}), []);
  return (
    <>
      <PageState loaded={targets} retry={reload}>
        {(list) => <TargetsCard targets={list.items} orgs={props.orgs} onChanged={reload} />}
      </PageState>
      <DeliveriesCard
        accounts={props.accounts}
        targets={targets.state === "ready" ? targets.data.items : []}
      />
    </>
  );
}

type Dialog = { readonly kind: "add" } | { readonly kind: "edit"; readonly target: Target };

function TargetsCard(props: {
  readonly targets: readonly Target[];
  readonly orgs: readonly Org[];
  readonly onChanged: () => void;
}): ReactNode {
  const { modal, message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const remove = (target: Target) => {
    void modal.confirm({
      title: `删除 ${target.orgName} 的${ROBOT_KIND_LABELS[target.kind]}？`,
      content: "删除后该单位的督办预警不再推送到这个群。",
      okText: "删除",
      okButtonProps: { danger: true },
      cancelText: "取消",
      onOk: async () => {
        try {
          await api.call("deleteNotificationTarget", { params: { id: target.id } });
          props.onChanged();
        } catch (e) {
          void message.error(errorText(e));
        }
      },
    });
  };
  return (
    <Card
      size="small"
      title="群机器人与 Webhook"
      className="section"
      extra={
        <Button type="primary" onClick={() => setDialog({ kind: "add" })}>
          添加机器人
        </Button>
      }
    >
      <Table<Target>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={[...props.targets]}
        scroll={{ x: 820 }}
        locale={{ emptyText: <EmptyState text="还没有机器人：督办预警只发到个人的站内提醒和邮件" /> }}
        columns={[
          { title: "单位", dataIndex: "orgName", width: 150 },
          { title: "类型", key: "kind", width: 170, render: (_, t) => ROBOT_KIND_LABELS[t.kind] },
          {
            title: "地址（令牌已隐去）",
            key: "url",
            render: (_, t) => <span className="inbox-text">{t.url}</span>,
          },
          {
            title: "签名密钥",
            key: "secret",
            width: 90,
            render: (_, t) => (t.secretSet ? <Tag color="green">已设置</Tag> : <Tag>未设置</Tag>),
          },
          { title: "更新时间", key: "at", width: 140, render: (_, t) => formatInstant(t.updatedAt) },
          {
            title: "操作",
            key: "actions",
            width: 130,
            render: (_, t) => (
              <Space size={4}>
                <Button
                  size="small"
                  aria-label={`修改 ${t.orgName} 的${ROBOT_KIND_LABELS[t.kind]}`}
                  onClick={() => setDialog({ kind: "edit", target: t })}
                >
                  修改
                </Button>
                <Button
                  size="small"
                  danger
                  aria-label={`删除 ${t.orgName} 的${ROBOT_KIND_LABELS[t.kind]}`}
                  onClick={() => remove(t)}
                >
                  删除
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {dialog !== null && (
        <TargetDialog
          target={dialog.kind === "edit" ? dialog.target : null}
          orgs={props.orgs}
          onDone={() => {
            setDialog(null);
            props.onChanged();
          }}
          onCancel={() => setDialog(null)}
        />
      )}
    </Card>
  );
}

interface TargetValues {
  readonly orgId?: string;
  readonly kind?: string;
  readonly url?: string;
  readonly secret?: string;
  readonly clearSecret?: boolean;
}

/**
 * Adds a robot, or changes one (its org and kind fixed: the API keeps one per org and kind, so another pair is another
 * robot). The secret field starts empty and is sent only when typed: left empty it keeps the stored secret.
 */
function TargetDialog(props: {
  readonly target: Target | null;
  readonly orgs: readonly Org[];
  readonly onDone: () => void;
  readonly onCancel: () => void;
}): ReactNode {
  const { target } = props;
  return (
    <FormDialog<TargetValues>
      title={target === null ? "添加机器人" : `修改 ${target.orgName} 的${ROBOT_KIND_LABELS[target.kind]}`}
      okText="保存"
      initialValues={target === null ? {} : { orgId: target.orgId, kind: target.kind }}
      onDone={props.onDone}
      onCancel={props.onCancel}
      submit={async (values, form, say) => {
        const secret = values.secret?.trim() ?? "";
        const input = validateForm(
          form,
          () =>
            parseInput(
              notificationTargetInput,
              {
                orgId: values.orgId ?? "",
                kind: values.kind,
                url: values.url ?? "",
                ...(values.clearSecret === true ? { secret: null } : secret === "" ? {} : { secret }),
              },
              "通知机器人",
            ),
          say,
        );
        if (input === undefined) return false;
        await api.call("putNotificationTarget", { body: input });
        return true;
      }}
    >
      <Form.Item label="单位" name="orgId" extra="该单位及其下级的督办预警推送到这个群">
        <Select
          disabled={target !== null}
          showSearch={{ optionFilterProp: "name" }}
          placeholder="选择单位"
          options={orgOptions(props.orgs)}
        />
      </Form.Item>
      <Form.Item label="机器人类型" name="kind" extra="每个单位每类机器人一个；再次添加同类即替换原有的">
        <Select
          disabled={target !== null}
          placeholder="选择类型"
          options={ROBOT_KINDS.map((k) => ({ value: k, label: ROBOT_KIND_LABELS[k] }))}
        />
      </Form.Item>
      <Form.Item
        label="机器人地址"
        name="url"
        extra={
          target === null ? "群设置里复制的 Webhook 地址" : `原地址 ${target.url}；修改时须重新填写完整地址`
        }
      >
        <Input autoComplete="off" placeholder="https://" />
      </Form.Item>
      <Form.Item
        label="签名密钥"
        name="secret"
        extra={
          target?.secretSet === true
            ? "已设置（不显示）；不填则保留原密钥"
            : "钉钉“加签”、飞书“签名校验”的密钥；通用 Webhook 必填"
        }
      >
        <Input.Password autoComplete="new-password" visibilityToggle={false} />
      </Form.Item>
      {target?.secretSet === true && (
        <Form.Item name="clearSecret" valuePropName="checked">
          <Checkbox>清除已设置的密钥</Checkbox>
        </Form.Item>
      )}
    </FormDialog>
  );
}
