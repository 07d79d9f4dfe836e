// 管理 (administrators): the org tree, accounts with their role grants, the review chain of each inspection, and the
// working-day calendar's adjustments, and the notifications' robots and failed deliveries.
import { Tabs, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { CalendarPanel } from "../admin/CalendarPanel.tsx";
import { NotificationsPanel } from "../admin/NotificationsPanel.tsx";
import { OrgsPanel } from "../admin/OrgsPanel.tsx";
import { ReviewChainPanel } from "../admin/ReviewChainPanel.tsx";
import { UsersPanel } from "../admin/UsersPanel.tsx";
import { api } from "../api.ts";
import { PageState } from "../components/PageState.tsx";
import { useLoad } from "../use-load.ts";
import { loadAllOrgs } from "../use-org-names.ts";

export function AdminPage(): ReactNode {
  const [loaded, reload] = useLoad(async () => {
    const [orgs, users, inspections] = await Promise.all([
      loadAllOrgs(),
      api.call("listUsers", {}),
      api.call("listInspections", { query: { limit: 100 } }),
    ]);
    return { orgs, accounts: users.items, inspections: inspections.items };
  }, []);
  // Kept outside the loaded part: after a change the lists load again and the same tab stays open.
  const [tab, setTab] = useState("orgs");
  return (
    <>
      <Typography.Title level={3}>管理</Typography.Title>
      <PageState loaded={loaded} retry={reload}>
        {({ orgs, accounts, inspections }) => (
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              { key: "orgs", label: "组织机构", children: <OrgsPanel orgs={orgs} onChanged={reload} /> },
              {
                key: "users",
                label: "账号与授权",
                children: <UsersPanel accounts={accounts} orgs={orgs} onChanged={reload} />,
              },
              {
                key: "review",
                label: "审核层级",
                children: (
                  <ReviewChainPanel
                    inspections={inspections}
                    names={new Map(orgs.map((o) => [o.id, o.name]))}
                  />
                ),
              },
              { key: "calendar", label: "工作日历", children: <CalendarPanel /> },
              {
                key: "notifications",
                label: "通知",
                children: <NotificationsPanel orgs={orgs} accounts={accounts} />,
              },
            ]}
          />
        )}
      </PageState>
    </>
  );
}
