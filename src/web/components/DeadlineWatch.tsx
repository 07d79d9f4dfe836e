// 督办预警 on the dashboard: the overdue measures and those nearing their deadline over the caller's scope, each with
// its warning level (judged by the server with its inspection's profile and the working-day calendar) and a link.
import { Card, List, Tabs } from "antd";
import type { ReactNode } from "react";
import { api } from "../api.ts";
import type { MeasureListItem } from "../models.ts";
import { useLoad } from "../use-load.ts";
import { PageState } from "./PageState.tsx";
import { WarnedMeasureLine } from "./WarnedMeasureLine.tsx";

const SHOWN = 10;
const OPEN_STATES = "draft,in_progress,returned";

function MeasureLines(props: {
  readonly items: readonly MeasureListItem[];
  readonly empty: string;
}): ReactNode {
  return (
    <List<MeasureListItem>
      size="small"
      dataSource={[...props.items]}
      locale={{ emptyText: props.empty }}
      renderItem={(m) => (
        <WarnedMeasureLine measureId={m.id} text={m.text} warning={m.warning} deadline={m.deadline} />
      )}
    />
  );
}

export function DeadlineWatch(): ReactNode {
  const [loaded, retry] = useLoad(async () => {
    const [overdue, open] = await Promise.all([
      api.call("listMeasures", { query: { overdue: "true", limit: SHOWN } }),
      // Open measures in deadline order; the first not yet overdue and warned are the ones nearing their deadline.
      api.call("listMeasures", { query: { state: OPEN_STATES, limit: 100 } }),
    ]);
    const nearing = open.items
      .filter((m) => m.warning.level === "red" || m.warning.level === "yellow" || m.warning.level === "green")
      .slice(0, SHOWN);
    return { overdue: overdue.items, moreOverdue: overdue.nextCursor !== null, nearing };
  }, []);
  return (
    <Card size="small" title="督办预警" className="section">
      <PageState loaded={loaded} retry={retry}>
        {({ overdue, moreOverdue, nearing }) => (
          <Tabs
            size="small"
            items={[
              {
                key: "overdue",
                label: `逾期${overdue.length > 0 ? `（${overdue.length}${moreOverdue ? "+" : ""}）` : ""}`,
                children: <MeasureLines items={overdue} empty="没有逾期的措施" />,
              },
              {
                key: "nearing",
                label: `临近时限${nearing.length > 0 ? `（${nearing.length}）` : ""}`,
                children: <MeasureLines items={nearing} empty="没有临近时限的措施" />,
              },
            ]}
          />
        )}
      </PageState>
    </Card>
  );
}
