// 登录: login name and password; the server's Chinese message is shown as it is (wrong password, locked account).
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { api, errorText } from "../api.ts";
import type { Session } from "../models.ts";
import { linkTo, paths } from "../router.ts";

export function SignInPage(props: { readonly onSignedIn: (session: Session) => void }): ReactNode {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: { login: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      props.onSignedIn(await api.call("signIn", { body: values }));
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };
  return (
    <div className="sign-in">
      <Card className="sign-in-card">
        <Typography.Title level={3} className="sign-in-title">
          整改台账
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: "center" }}>
          巡视巡察、审计、督察反馈问题整改工作平台
        </Typography.Paragraph>
        {error !== null && (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />
        )}
        <Form
          layout="vertical"
          onFinish={(values: { login: string; password: string }) => void submit(values)}
          requiredMark={false}
        >
          <Form.Item label="登录名" name="login" rules={[{ required: true, message: "请输入登录名" }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: "请输入密码" }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
        <Typography.Paragraph style={{ textAlign: "center", marginTop: 16, marginBottom: 0 }}>
          <a {...linkTo(paths.publicNotices())}>公开信息</a>
          <Typography.Text type="secondary">：各单位公开的整改情况通报，无须登录</Typography.Text>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
