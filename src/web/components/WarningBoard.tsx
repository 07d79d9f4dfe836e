// One inspection's warning board (督办预警): 完成率 beside 按期完成率, how many measures stand at each level, and the
// overdue, red, yellow and green measures with their days — judged by the server with the inspection's profile and
// the working-day calendar (GET /api/v1/inspections/:id/warnings), each with the ladder's latest step (督办, 告诫, 约谈).
import { Alert, Card, Collapse, List, Statistic, Typography } from "antd";
import type { ReactNode } from "react";
import { api } from "../api.ts";
import type { InspectionWarnings } from "../models.ts";
import { useLoad } from "../use-load.ts";
import { ladderText } from "../warning-labels.ts";
import { PageState } from "./PageState.tsx";
import { WarnedMeasureLine } from "./WarnedMeasureLine.tsx";

type Group = keyof InspectionWarnings["groups"];
type Warned = InspectionWarnings["groups"][Group][number];

const GROUPS: readonly { key: Group; title: string }[] = [
  { key: "overdue", title: "已逾期" },
  { key: "red", title: "红色预警" },
  { key: "yellow", title: "黄色预警" },
  { key: "green", title: "绿色预警" },
];

export function WarningBoard(props: { readonly inspectionId: string }): ReactNode {
  const [loaded, retry] = useLoad(
    () => api.call("getInspectionWarnings", { params: { id: props.inspectionId } }),
    [props.inspectionId],
  );
  return (
    <PageState loaded={loaded} retry={retry}>
      {(board) => <BoardView board={board} />}
    </PageState>
  );
}

function BoardView(props: { readonly board: InspectionWarnings }): ReactNode {
  const { board } = props;
  const { completion, counts } = board;
  return (
    <>
      {board.holidayData && (
        <Alert type="warning" showIcon className="section" title={board.holidayData.message} />
      )}
      <div className="stat-grid">
        <Card size="small">
          <Statistic title="完成率" value={completion.completionRate} suffix="%" />
        </Card>
        <Card size="small">
          <Statistic title="按期完成率" value={completion.onTimeRate} suffix="%" />
        </Card>
        <Card size="small">
          <Statistic title="延期措施" value={completion.extended} suffix="项" />
        </Card>
      </div>
      <Typography.Paragraph type="secondary">
        截至 {board.asOf}：逾期 {counts.overdue} 项，红色 {counts.red} 项，黄色 {counts.yellow} 项，绿色{" "}
        {counts.green} 项，正常 {counts.normal} 项；待审核 {counts.notWarned.submitted} 项、已销号{" "}
        {counts.notWarned.closed} 项不预警， 缺少时限 {counts.notWarned.no_deadline} 项。
      </Typography.Paragraph>
      <Collapse
        defaultActiveKey={GROUPS.filter((g) => board.groups[g.key].length > 0)
          .map((g) => g.key)
          .slice(0, 1)}
        items={GROUPS.map((g) => ({
          key: g.key,
          label: `${g.title}（${board.groups[g.key].length}项）`,
          children: <WarnedList items={board.groups[g.key]} />,
        }))}
      />
    </>
  );
}

function WarnedList(props: { readonly items: readonly Warned[] }): ReactNode {
  return (
    <List<Warned>
      size="small"
      dataSource={[...props.items]}
      locale={{ emptyText: "没有" }}
      renderItem={(m) => (
        <WarnedMeasureLine
          measureId={m.measureId}
          text={`问题${m.problemSeq}·措施${m.seq}：${m.text}`}
          warning={m.warning}
          deadline={[
            m.warning.extended
              ? `${m.warning.judgedAgainst}（原${m.warning.originalDeadline ?? ""}）`
              : m.warning.defaulted
                ? `${m.warning.judgedAgainst}（未写时限，按默认）`
                : m.deadline,
            m.ladder ? ladderText(m.ladder) : null,
          ]
            .filter((s) => s !== null)
            .join(" · ")}
        />
      )}
    />
  );
}
