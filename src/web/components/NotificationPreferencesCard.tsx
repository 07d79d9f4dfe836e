// 提醒设置 on the 提醒 page: how the caller's notifications reach them beyond the inbox — each by email at once or one
// email a day — checked with the API's own schema, its Chinese messages under the fields.
import { Button, Card, Form, Input, Radio, Switch, Typography } from "antd";
import { useState, type ReactNode } from "react";
import {
  NOTIFICATION_MODE_LABELS,
  NOTIFICATION_MODES,
  notificationPreferencesInput,
} from "../../shared/notification-input.ts";
import type { AnswerOfRoute } from "../../shared/api-client.ts";
import type { ApiRoutes } from "../../shared/api-routes.ts";
import { parseInput } from "../../shared/validation.ts";
import { api, errorText } from "../api.ts";
import { validateForm } from "../form-validation.ts";
import { formatInstant } from "../labels.ts";
import { useLoad } from "../use-load.ts";
import { ErrorNote, PageState } from "./PageState.tsx";

type Preferences = AnswerOfRoute<ApiRoutes["getNotificationPreferences"]>;

interface Values {
  readonly mode?: string;
  readonly emailEnabled?: boolean;
  readonly email?: string;
}

export function NotificationPreferencesCard(): ReactNode {
  const [loaded, reload] = useLoad(() => api.call("getNotificationPreferences", {}), []);
  return (
    <Card size="small" title="提醒设置">
      <PageState loaded={loaded} retry={reload}>
        {(preferences) => <PreferencesForm preferences={preferences} />}
      </PageState>
    </Card>
  );
}

function PreferencesForm(props: { readonly preferences: Preferences }): ReactNode {
  const [form] = Form.useForm<Values>();
  const [saved, setSaved] = useState(props.preferences);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const save = async (values: Values) => {
    setError(null);
    setNote(null);
    const email = values.email?.trim() ?? "";
    const body = validateForm(
      form,
      () =>
        parseInput(
          notificationPreferencesInput,
          {
            mode: values.mode,
            emailEnabled: values.emailEnabled === true,
            email: email === "" ? null : email,
          },
          "提醒设置",
        ),
      setError,
    );
    if (body === undefined) return;
    setBusy(true);
    try {
      const answer = await api.call("setNotificationPreferences", { body });
      setSaved(answer);
      setNote("已保存");
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form<Values>
      form={form}
      name="notification-preferences"
      layout="vertical"
      initialValues={{
        mode: saved.mode,
        emailEnabled: saved.emailEnabled,
        email: saved.email ?? "",
      }}
      onFinish={(values) => void save(values)}
    >
      <Typography.Paragraph type="secondary">
        站内提醒总是即时出现在本页；以下设置决定是否另发邮件，以及逐条发送还是每天汇总成一封。
      </Typography.Paragraph>
      <Form.Item label="提醒方式" name="mode">
        <Radio.Group
          options={NOTIFICATION_MODES.map((mode) => ({ value: mode, label: NOTIFICATION_MODE_LABELS[mode] }))}
        />
      </Form.Item>
      <Form.Item label="接收邮件提醒" name="emailEnabled" valuePropName="checked">
        <Switch checkedChildren="接收" unCheckedChildren="不接收" />
      </Form.Item>
      <Form.Item label="邮箱地址" name="email" extra="接收邮件时必填；系统须已配置邮件服务器">
        <Input inputMode="email" autoComplete="email" maxLength={254} placeholder="如 zhangsan@example.org" />
      </Form.Item>
      <ErrorNote message={error} />
      <div className="inbox-foot">
        <Button type="primary" htmlType="submit" loading={busy}>
          保存设置
        </Button>
        {note !== null && (
          <Typography.Text type="success" role="status">
            {note}
          </Typography.Text>
        )}
        <Typography.Text type="secondary">
          {saved.updatedAt === null
            ? "尚未设置，按默认：逐条即时、不发邮件"
            : `上次保存 ${formatInstant(saved.updatedAt)}`}
        </Typography.Text>
      </div>
    </Form>
  );
}
