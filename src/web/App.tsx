// Session and layout: the sign-in page until the server knows the caller, then the role-aware frame around the
// page the address names.
import { Button, Layout, Menu, Result, Spin, Tag } from "antd";
import { useEffect, useState, type ReactNode } from "react";
import { api, isUnauthenticated } from "./api.ts";
import type { Session } from "./models.ts";
import { DashboardPage } from "./pages/DashboardPage.tsx";
import { LedgerPage } from "./pages/LedgerPage.tsx";
import { MeasurePage } from "./pages/MeasurePage.tsx";
import { SignInPage } from "./pages/SignInPage.tsx";
import { SessionContext } from "./session-context.ts";
import { linkTo, navigate, paths, useRoute, type Route } from "./router.ts";
import "./app.css";

type SessionState =
  | { readonly state: "checking" }
  | { readonly state: "signedOut" }
  | { readonly state: "signedIn"; readonly session: Session };

export function App(): ReactNode {
  const [session, setSession] = useState<SessionState>({ state: "checking" });
  useEffect(() => {
    api.call("getSession", {}).then(
      (s) => setSession({ state: "signedIn", session: s }),
      // Any failure shows the sign-in page; its own errors (wrong password, locked, no server) are said there.
      () => setSession({ state: "signedOut" }),
    );
  }, []);

  if (session.state === "checking") {
    return (
      <div className="page-state" role="status">
        <Spin size="large" />
      </div>
    );
  }
  if (session.state === "signedOut") {
    return <SignInPage onSignedIn={(s) => setSession({ state: "signedIn", session: s })} />;
  }
  const signOut = async () => {
    try {
      await api.call("signOut", {});
    } catch (error) {
      if (!isUnauthenticated(error)) throw error;
    }
    api.csrfToken = undefined;
    navigate(paths.dashboard());
    setSession({ state: "signedOut" });
  };
  return (
    <SessionContext value={session.session}>
      <Frame session={session.session} onSignOut={() => void signOut()} />
    </SessionContext>
  );
}

function Frame(props: { readonly session: Session; readonly onSignOut: () => void }): ReactNode {
  const route = useRoute();
  const { user, grants } = props.session;
  const roles = [...new Set(grants.map((g) => g.roleLabel))];
  return (
    <Layout className="frame">
      <Layout.Header className="frame-header">
        <a className="frame-title" {...linkTo(paths.dashboard())}>
          整改台账
        </a>
        <div className="frame-user">
          <span className="frame-user-name" data-testid="user-name">
            {user.displayName}
          </span>
          <span className="frame-roles">
            {roles.map((role) => (
              <Tag key={role} color="gold">
                {role}
              </Tag>
            ))}
          </span>
          <Button size="small" onClick={props.onSignOut}>
            退出
          </Button>
        </div>
      </Layout.Header>
      <Layout>
        <Layout.Sider
          className="frame-sider"
          width={180}
          breakpoint="md"
          collapsedWidth={0}
          trigger={null}
          theme="light"
        >
          <nav aria-label="主导航">
            <Menu
              mode="inline"
              selectedKeys={[route.page === "dashboard" ? "dashboard" : ""]}
              items={[{ key: "dashboard", label: <a {...linkTo(paths.dashboard())}>工作台</a> }]}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content className="frame-content">
          <main>
            <Page route={route} />
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

function Page(props: { readonly route: Route }): ReactNode {
  const { route } = props;
  switch (route.page) {
    case "dashboard":
      return <DashboardPage />;
    case "ledger":
      return <LedgerPage key={route.id} inspectionId={route.id} />;
    case "measure":
      return <MeasurePage key={route.id} measureId={route.id} />;
    case "notFound":
      return (
        <Result
          status="404"
          title="页面不存在"
          extra={
            <Button type="primary" onClick={() => navigate(paths.dashboard())}>
              回到工作台
            </Button>
          }
        />
      );
  }
}
