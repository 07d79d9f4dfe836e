// 组织机构: the org tree as the caller sees it (an administrator: all of it), and a new org under a parent. The form is
// checked with the API's createOrgSchema; the server's own rules (a department under a unit…) come back as it says them.
import { Button, Card, Form, Input, Select, Tag, Tree } from "antd";
import { useMemo, useState, type ReactNode } from "react";
import { ORG_KINDS } from "../../domain/org.ts";
import { createOrgSchema } from "../../shared/admin-input.ts";
import { parseInput } from "../../shared/validation.ts";
import { api, errorText } from "../api.ts";
import { EmptyState, ErrorNote } from "../components/PageState.tsx";
import { validateForm } from "../form-validation.ts";
import { ORG_KIND_LABELS } from "../labels.ts";
import type { Org } from "../models.ts";
import { orgOptions } from "./org-options.ts";

interface TreeNode {
  readonly key: string;
  readonly title: ReactNode;
  readonly children: TreeNode[];
}

function buildTree(orgs: readonly Org[]): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  for (const org of orgs) {
    nodes.set(org.id, {
      key: org.id,
      title: (
        <span>
          {org.name} <Tag>{ORG_KIND_LABELS[org.kind]}</Tag>
        </span>
      ),
      children: [],
    });
  }
  const roots: TreeNode[] = [];
  for (const org of orgs) {
    const node = nodes.get(org.id)!;
    const parent = org.parentId === null ? undefined : nodes.get(org.parentId);
    (parent?.children ?? roots).push(node);
  }
  return roots;
}

interface NewOrg {
  readonly name?: string;
  readonly kind?: string;
  readonly parentId?: string;
}

export function OrgsPanel(props: {
  readonly orgs: readonly Org[];
  readonly onChanged: () => void;
}): ReactNode {
  const tree = useMemo(() => buildTree(props.orgs), [props.orgs]);
  const [form] = Form.useForm<NewOrg>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const create = async (values: NewOrg) => {
    setError(null);
    const input = validateForm(form, () => parseInput(createOrgSchema, values, "单位信息"), setError);
    if (input === undefined) return;
    setBusy(true);
    try {
      await api.call("createOrg", { body: input });
      form.resetFields();
      props.onChanged();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="admin-columns">
      <Card size="small" title="组织机构">
        {tree.length === 0 ? (
          <EmptyState text="还没有单位或部门" />
        ) : (
          <Tree treeData={tree} defaultExpandAll selectable={false} aria-label="组织机构树" />
        )}
      </Card>
      <Card size="small" title="新建单位或部门">
        <Form<NewOrg> form={form} layout="vertical" onFinish={(values) => void create(values)}>
          <Form.Item label="名称" name="name">
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item label="类型" name="kind">
            <Select
              placeholder="选择类型"
              options={ORG_KINDS.map((k) => ({ value: k, label: ORG_KIND_LABELS[k] }))}
            />
          </Form.Item>
          <Form.Item label="上级" name="parentId" extra="巡察机构可不选上级">
            <Select
              allowClear
              showSearch={{ optionFilterProp: "name" }}
              placeholder="选择上级单位"
              options={orgOptions(props.orgs)}
            />
          </Form.Item>
          <ErrorNote message={error} />
          <Button type="primary" htmlType="submit" loading={busy}>
            新建
          </Button>
        </Form>
      </Card>
    </div>
  );
}
