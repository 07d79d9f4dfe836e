// 账号与授权: every account with its role grants; new accounts, changes (name, org, disabled; If-Match on the
// account's version) and grants given or revoked. Every form is checked with the API's own schema first.
import { App, Button, Card, Form, Input, Select, Space, Switch, Table, Tag, type SelectProps } from "antd";
import { useState, type ReactNode } from "react";
import { ROLE_LABELS, ROLES } from "../../domain/account.ts";
import { createUserRequestSchema, grantRequestSchema, updateUserSchema } from "../../shared/admin-input.ts";
import { parseInput } from "../../shared/validation.ts";
import { api, errorText } from "../api.ts";
import { FormDialog } from "../components/FormDialog.tsx";
import { EmptyState } from "../components/PageState.tsx";
import { validateForm } from "../form-validation.ts";
import type { Account, Grant, Org } from "../models.ts";
import { orgOptions } from "./org-options.ts";

type Dialog =
  | { readonly kind: "create" }
  | { readonly kind: "edit"; readonly account: Account }
  | { readonly kind: "grant"; readonly account: Account };

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export function UsersPanel(props: {
  readonly accounts: readonly Account[];
  readonly orgs: readonly Org[];
  readonly onChanged: () => void;
}): ReactNode {
  const { modal, message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const names = new Map(props.orgs.map((o) => [o.id, o.name]));
  const done = () => {
    setDialog(null);
    props.onChanged();
  };
  const revoke = (account: Account, grant: Grant) => {
    const where = grant.orgId === null ? "" : `（${names.get(grant.orgId) ?? "—"}）`;
    void modal.confirm({
      title: `撤销 ${account.user.displayName} 的“${grant.roleLabel}”${where}授权？`,
      okText: "撤销",
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await api.call("revokeGrant", { params: { id: grant.id } });
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
      title="账号与授权"
      extra={
        <Button type="primary" onClick={() => setDialog({ kind: "create" })}>
          新建账号
        </Button>
      }
    >
      <Table<Account>
        rowKey={(a) => a.user.id}
        size="small"
        pagination={props.accounts.length > 50 ? { pageSize: 50 } : false}
        dataSource={[...props.accounts]}
        scroll={{ x: 900 }}
        locale={{ emptyText: <EmptyState text="还没有账号" /> }}
        columns={[
          { title: "登录名", key: "login", width: 140, render: (_, a) => a.user.login },
          { title: "姓名", key: "name", width: 120, render: (_, a) => a.user.displayName },
          {
            title: "所属单位",
            key: "org",
            width: 160,
            render: (_, a) => (a.user.orgId === null ? "—" : (names.get(a.user.orgId) ?? "—")),
          },
          {
            title: "角色授权",
            key: "grants",
            render: (_, a) =>
              a.grants.length === 0
                ? "—"
                : a.grants.map((g) => (
                    <Tag
                      key={g.id}
                      color="gold"
                      closable
                      closeIcon={<span aria-label={`撤销${g.roleLabel}授权`}>×</span>}
                      onClose={(event) => {
                        event.preventDefault();
                        revoke(a, g);
                      }}
                    >
                      {g.roleLabel}
                      {g.orgId === null ? "" : `·${names.get(g.orgId) ?? "—"}`}
                    </Tag>
                  )),
          },
          {
            title: "状态",
            key: "disabled",
            width: 72,
            render: (_, a) =>
              a.user.disabled ? <Tag color="red">已停用</Tag> : <Tag color="green">正常</Tag>,
          },
          {
            title: "操作",
            key: "actions",
            width: 150,
            render: (_, a) => (
              <Space size={4}>
                <Button size="small" onClick={() => setDialog({ kind: "edit", account: a })}>
                  修改
                </Button>
                <Button size="small" onClick={() => setDialog({ kind: "grant", account: a })}>
                  授权
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {dialog !== null && (
        <AccountDialog dialog={dialog} orgs={props.orgs} onDone={done} onCancel={() => setDialog(null)} />
      )}
    </Card>
  );
}

interface DialogProps {
  readonly orgs: readonly Org[];
  readonly onDone: () => void;
  readonly onCancel: () => void;
}

/** A select of orgs inside a Form.Item, which hands it `value` and `onChange` through `rest`. */
function AccountDialog(props: DialogProps & { readonly dialog: Dialog }): ReactNode {
  const { dialog, ...rest } = props;
  switch (dialog.kind) {
    case "create":
      return <CreateUserDialog {...rest} />;
    case "edit":
      return <EditUserDialog {...rest} account={dialog.account} />;
    case "grant":
      return <GrantDialog {...rest} account={dialog.account} />;
  }
}

function OrgSelect(props: { readonly orgs: readonly Org[] } & SelectProps<string>): ReactNode {
  const { orgs, ...rest } = props;
  return (
    <Select
      {...rest}
      showSearch={{ optionFilterProp: "name" }}
      placeholder="选择单位或部门"
      options={orgOptions(orgs)}
    />
  );
}

function CreateUserDialog(props: DialogProps): ReactNode {
  return (
    <FormDialog<Record<string, string | undefined>>
      title="新建账号"
      okText="新建"
      onDone={props.onDone}
      onCancel={props.onCancel}
      submit={async (values, form, say) => {
        const input = validateForm(form, () => parseInput(createUserRequestSchema, values, "账号信息"), say);
        if (input === undefined) return false;
        await api.call("createUser", { body: input });
        return true;
      }}
    >
      <Form.Item label="登录名" name="login" extra="2–32 位字母、数字或 . _ -">
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item label="姓名" name="displayName">
        <Input />
      </Form.Item>
      <Form.Item label="所属单位" name="orgId">
        <OrgSelect orgs={props.orgs} />
      </Form.Item>
      <Form.Item label="角色（在所属单位范围内）" name="role">
        <Select allowClear placeholder="暂不授权" options={ROLE_OPTIONS} />
      </Form.Item>
      <Form.Item label="初始密码" name="password">
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormDialog>
  );
}

function EditUserDialog(props: DialogProps & { readonly account: Account }): ReactNode {
  const { user } = props.account;
  return (
    <FormDialog<{ displayName?: string; orgId?: string; disabled?: boolean }>
      title={`修改账号 ${user.login}`}
      okText="保存"
      initialValues={{
        displayName: user.displayName,
        orgId: user.orgId ?? undefined,
        disabled: user.disabled,
      }}
      onDone={props.onDone}
      onCancel={props.onCancel}
      submit={async (values, form, say) => {
        // Only what changed is sent: the API refuses an empty change with its own words.
        const change = {
          ...(values.displayName !== user.displayName ? { displayName: values.displayName } : {}),
          ...(values.orgId !== (user.orgId ?? undefined) ? { orgId: values.orgId } : {}),
          ...(values.disabled !== user.disabled ? { disabled: values.disabled } : {}),
        };
        const input = validateForm(form, () => parseInput(updateUserSchema, change, "账号信息"), say);
        if (input === undefined) return false;
        await api.call("updateUser", { params: { id: user.id }, ifMatch: user.version, body: input });
        return true;
      }}
    >
      <Form.Item label="姓名" name="displayName">
        <Input />
      </Form.Item>
      <Form.Item label="所属单位" name="orgId">
        <OrgSelect orgs={props.orgs} />
      </Form.Item>
      <Form.Item label="停用账号" name="disabled" valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormDialog>
  );
}

function GrantDialog(props: DialogProps & { readonly account: Account }): ReactNode {
  const { user } = props.account;
  return (
    <FormDialog<{ role?: string; orgId?: string }>
      title={`为 ${user.displayName} 授予角色`}
      okText="授权"
      initialValues={{ orgId: user.orgId ?? undefined }}
      onDone={props.onDone}
      onCancel={props.onCancel}
      submit={async (values, form, say) => {
        const input = validateForm(form, () => parseInput(grantRequestSchema, values, "授权信息"), say);
        if (input === undefined) return false;
        await api.call("grantRole", { params: { id: user.id }, body: input });
        return true;
      }}
    >
      <Form.Item label="角色" name="role">
        <Select placeholder="选择角色" options={ROLE_OPTIONS} />
      </Form.Item>
      <Form.Item label="所辖范围（单位或部门及其下级）" name="orgId" extra="系统管理员不需要选择">
        <OrgSelect orgs={props.orgs} allowClear />
      </Form.Item>
    </FormDialog>
  );
}
