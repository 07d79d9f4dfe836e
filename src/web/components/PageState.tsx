// Loading, error (with retry) and empty states, the same on every page.
import { Alert, Button, Empty, Spin } from "antd";
import type { ReactNode } from "react";
import type { Loaded } from "../use-load.ts";

export function PageState<T>(props: {
  readonly loaded: Loaded<T>;
  readonly retry: () => void;
  readonly children: (data: T) => ReactNode;
}): ReactNode {
  const { loaded } = props;
  if (loaded.state === "loading") {
    return (
      <div className="page-state" role="status">
        <Spin description="正在加载…" size="large">
          <div style={{ padding: 48 }} />
        </Spin>
      </div>
    );
  }
  if (loaded.state === "error") {
    return (
      <Alert
        type="error"
        showIcon
        title="加载失败"
        description={loaded.message}
        action={
          <Button size="small" onClick={props.retry}>
            重试
          </Button>
        }
      />
    );
  }
  return props.children(loaded.data);
}

export function EmptyState(props: { readonly text: string }): ReactNode {
  return <Empty description={props.text} />;
}

/** The server's refusal of what the user just asked for, announced to screen readers; nothing without one. */
export function ErrorNote(props: { readonly message: string | null }): ReactNode {
  if (props.message === null) return null;
  return <Alert type="error" showIcon title={props.message} role="alert" className="section" />;
}
