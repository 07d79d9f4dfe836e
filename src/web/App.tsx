// Session and layout: the sign-in page until the server knows the caller, then the role-aware frame around the
// page the address names. Pages are loaded when first shown (each with the antd parts it uses), so that signing in
// does not wait for the administration page's code.
import { Button, Layout, Menu, Result, Spin, Tag } from "antd";
import { lazy, Suspense, useEffect, useState, type ReactNode } from "react";
import { isAdmin, mayEver } from "./access.ts";
import { api, isUnauthenticated } from "./api.ts";
import type { Session } from "./models.ts";
import { NotificationBell } from "./components/NotificationBell.tsx";
import { SignInPage } from "./pages/SignInPage.tsx";
import { SessionContext } from "./session-context.ts";
import { linkTo, navigate, paths, useRoute, type Route } from "./router.ts";
import "./app.css";

const DashboardPage = lazy(() =>
  import("./pages/DashboardPage.tsx").then((m) => ({ default: m.DashboardPage })),
);
const LedgerPage = lazy(() => import("./pages/LedgerPage.tsx").then((m) => ({ default: m.LedgerPage })));
const MeasurePage = lazy(() => import("./pages/MeasurePage.tsx").then((m) => ({ default: m.MeasurePage })));
const ReportsPage = lazy(() => import("./pages/ReportsPage.tsx").then((m) => ({ default: m.ReportsPage })));
const AdminPage = lazy(() => import("./pages/AdminPage.tsx").then((m) => ({ default: m.AdminPage })));
const ImportPage = lazy(() => import("./pages/ImportPage.tsx").then((m) => ({ default: m.ImportPage })));
const NotificationsPage = lazy(() =>
  import("./pages/NotificationsPage.tsx").then((m) => ({ default: m.NotificationsPage })),
);
const PublicPage = lazy(() => import("./pages/PublicPage.tsx").then((m) => ({ default: m.PublicPage })));

function Loading(): ReactNode {
  return (
    <div className="page-state" role="status">
      <Spin size="large" />
    </div>
  );
}

type SessionState =
  | { readonly state: "checking" }
  | { readonly state: "signedOut" }
  | { readonly state: "signedIn"; readonly session: Session };

/** 公开信息 opens without sign-in (and without asking for the session); every other address needs one. */
export function App(): ReactNode {
  const route = useRoute();
  if (route.page === "public") {
    return (
      <Suspense fallback={<Loading />}>
        <PublicPage noticeId={route.id} />
      </Suspense>
    );
  }
  return <SignedInApp />;
}

function SignedInApp(): ReactNode {
  const [session, setSession] = useState<SessionState>({ state: "checking" });
  useEffect(() => {
    api.call("getSession", {}).then(
      (s) => setSession({ state: "signedIn", session: s }),
      // Any failure shows the sign-in page; its own errors (wrong password, locked, no server) are said there.
      () => setSession({ state: "signedOut" }),
    );
  }, []);

  if (session.state === "checking") return <Loading />;
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
  const nav = [
    { key: "dashboard", path: paths.dashboard(), label: "工作台", shown: true },
    { key: "imports", path: paths.imports(), label: "导入", shown: mayEver(props.session, "ledger.import") },
    { key: "admin", path: paths.admin(), label: "管理", shown: isAdmin(props.session) },
  ].filter((item) => item.shown);
  // Below the md breakpoint the side navigation folds away; the same links then run across the top of the page.
  const [narrow, setNarrow] = useState(false);
  const navigation = (mode: "inline" | "horizontal") => (
    <nav aria-label="主导航" className={mode === "horizontal" ? "frame-topnav" : undefined}>
      <Menu
        mode={mode}
        selectedKeys={[route.page]}
        items={nav.map((item) => ({
          key: item.key,
          label: <a {...linkTo(item.path)}>{item.label}</a>,
        }))}
      />
    </nav>
  );
  return (
    <Layout className="frame">
      <Layout.Header className="frame-header">
        <a className="frame-title" {...linkTo(paths.dashboard())}>
          整改台账
        </a>
        <div className="frame-user">
          <NotificationBell />
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
          onBreakpoint={setNarrow}
        >
          {!narrow && navigation("inline")}
        </Layout.Sider>
        <Layout.Content className="frame-content">
          {narrow && nav.length > 1 && navigation("horizontal")}
          <main>
            <Suspense fallback={<Loading />}>
              <Page route={route} session={props.session} />
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

function Page(props: { readonly route: Route; readonly session: Session }): ReactNode {
  const { route, session } = props;
  switch (route.page) {
    case "dashboard":
      return <DashboardPage />;
    case "ledger":
      return <LedgerPage key={route.id} inspectionId={route.id} />;
    case "measure":
      return <MeasurePage key={route.id} measureId={route.id} />;
    case "imports":
      return mayEver(session, "ledger.import") ? <ImportPage /> : <Forbidden what="导入台账" />;
    case "reports":
      return mayEver(session, "ledger.export") ? (
        <ReportsPage key={route.id} inspectionId={route.id} />
      ) : (
        <Forbidden what="导出台账" />
      );
    case "notifications":
      return <NotificationsPage />;
    case "admin":
      return isAdmin(session) ? <AdminPage /> : <Forbidden what="管理账号与组织机构" />;
    case "public":
      // Shown by App before any session is asked for.
      return null;
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

/** A page the caller's roles do not open (reached by its address): said plainly, with the way back. */
function Forbidden(props: { readonly what: string }): ReactNode {
  return (
    <Result
      status="403"
      title={`您没有权限${props.what}`}
      extra={
        <Button type="primary" onClick={() => navigate(paths.dashboard())}>
          回到工作台
        </Button>
      }
    />
  );
}
