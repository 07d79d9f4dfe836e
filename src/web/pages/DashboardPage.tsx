// 工作台: the caller's scope at a glance — public notices awaiting their approval, completion rate, problems by
// status, overdue measures, and every inspection with its own figures, each leading to its ledger.
import { Button, Card, List, Statistic, Table, Tag, Typography } from "antd";
import { lazy, Suspense, useMemo, useState, type ReactNode } from "react";
import { INSPECTION_KIND_LABELS, REGIME_LABELS } from "../../domain/inspection.ts";
import { api, errorText } from "../api.ts";
import { DeadlineWatch } from "../components/DeadlineWatch.tsx";
import { EmptyState, PageState } from "../components/PageState.tsx";
import { PendingNoticeApprovals } from "../components/PendingNoticeApprovals.tsx";
import type { Counts, InspectionRow, Overview } from "../models.ts";
import { linkTo, paths, type LedgerLinkFilters } from "../router.ts";
import { useLoad } from "../use-load.ts";
import { useOrgNames, type OrgNames } from "../use-org-names.ts";

const StatusChart = lazy(() =>
  import("../components/StatusChart.tsx").then((m) => ({ default: m.StatusChart })),
);
const TrendChart = lazy(() =>
  import("../components/TrendChart.tsx").then((m) => ({ default: m.TrendChart })),
);

const PAGE_SIZE = 50;

export function DashboardPage(): ReactNode {
  const names = useOrgNames();
  const [loaded, retry] = useLoad(async () => {
    const [overview, first] = await Promise.all([
      api.call("summarizeInspections", {}),
      api.call("listInspections", { query: { limit: PAGE_SIZE } }),
    ]);
    return { overview, first };
  }, []);
  return (
    <>
      <Typography.Title level={3}>工作台</Typography.Title>
      <PendingNoticeApprovals />
      <PageState loaded={loaded} retry={retry}>
        {({ overview, first }) => (
          <>
            {first.items.some((row) => row.inspection.isExample) && (
              <Typography.Paragraph type="secondary">
                示例台账（标有“示例”）不计入以下合计。
              </Typography.Paragraph>
            )}
            <Summary overview={overview} />
            <div className="dashboard-pair">
              <DeadlineWatch />
              <ClosureTrendCard />
            </div>
            <ReportingCard />
            <InspectionList first={first.items} firstCursor={first.nextCursor} names={names} />
          </>
        )}
      </PageState>
    </>
  );
}

function Summary(props: { readonly overview: Overview }): ReactNode {
  const { total, asOf, inspections } = props.overview;
  const slices = useMemo(
    () => [
      { name: "已整改完成", value: total.completed, color: "#52c41a" },
      { name: "正在推进", value: total.inProgress, color: "#1677ff" },
      { name: "基本完成、持续深化", value: total.longTerm, color: "#13c2c2" },
    ],
    [total],
  );
  return (
    <div className="section">
      <div className="stat-grid">
        <Card size="small">
          <Statistic title="问题整改完成率" value={total.completionRate} suffix="%" />
        </Card>
        <Card size="small">
          <Statistic title="巡察（轮次）" value={inspections} />
        </Card>
        <Card size="small">
          <Statistic title="问题" value={total.problems} suffix="个" />
        </Card>
        <Card size="small">
          <Statistic title="整改措施" value={total.measures} suffix="项" />
        </Card>
        <Card size="small">
          <Statistic title="已销号措施" value={total.closedMeasures} suffix="项" />
        </Card>
        <Card size="small">
          {/* The ledger's figure (docs/supervision.md, "Extensions in the counts"): past the deadline and not closed,
              待审核 included — the same measures the ledger's 逾期 filter lists. */}
          <Statistic
            title="逾期未销号措施（含待审核）"
            value={total.overdueMeasures}
            suffix="项"
            styles={{ content: { color: total.overdueMeasures > 0 ? "#cf1322" : "#389e0d" } }}
          />
        </Card>
        <CompletionCard />
      </div>
      {total.problems > 0 && (
        <Card size="small" title={`问题整改状态（截至 ${asOf}）`}>
          <Suspense fallback={<div className="chart" />}>
            <StatusChart
              slices={slices}
              label={`问题整改状态：${slices.map((s) => `${s.name}${s.value}个`).join("，")}`}
            />
          </Suspense>
        </Card>
      )}
    </div>
  );
}

/** 按期完成率 beside 完成率 of measures, extended ones counted apart (GET /api/v1/statistics/completion). */
function CompletionCard(): ReactNode {
  const [loaded, retry] = useLoad(() => api.call("summarizeCompletion", {}), []);
  return (
    <Card size="small">
      <PageState loaded={loaded} retry={retry}>
        {({ completion: c }) => (
          <>
            <Statistic title="措施按期完成率" value={c.onTimeRate} suffix="%" />
            <Typography.Text type="secondary">
              措施完成率 {c.completionRate}%（完成{c.completed}项，按期{c.completedOnTime}项）；经批准延期
              {c.extended}项另计，其中延期内完成{c.completedWithinExtension}项
            </Typography.Text>
          </>
        )}
      </PageState>
    </Card>
  );
}

/** 报送情况: departments short of progress reports in each inspection's last period due, each opening its ledger. */
function ReportingCard(): ReactNode {
  const [loaded, retry] = useLoad(() => api.call("summarizeReporting", {}), []);
  return (
    <Card size="small" title="报送情况（最近一个已过截止日的报送期间）" className="section">
      <PageState loaded={loaded} retry={retry}>
        {(overview) =>
          overview.shortfalls.length === 0 ? (
            <EmptyState text="各责任部门均已按期报送整改进展" />
          ) : (
            <>
              <List
                size="small"
                dataSource={[...overview.shortfalls]}
                renderItem={(s) => (
                  <List.Item>
                    {/* The department is the link: the unit's name alone names the inspection's own link. */}
                    <span>
                      {s.unitName} ·{" "}
                      <a
                        {...linkTo(
                          paths.ledger(
                            s.inspectionId,
                            s.departmentId ? { departmentId: s.departmentId } : {},
                          ),
                        )}
                      >
                        {s.department}
                      </a>
                    </span>
                    <span>
                      {s.missing > 0 && <Tag color="red">未报送{s.missing}项</Tag>}
                      {s.late > 0 && <Tag color="orange">逾期报送{s.late}项</Tag>}
                      <Typography.Text type="secondary">
                        {s.periodLabel}，{s.due}截止
                      </Typography.Text>
                    </span>
                  </List.Item>
                )}
              />
              {overview.inspectionsLeft > 0 && (
                <Typography.Text type="secondary">
                  仅统计最近反馈的{overview.inspectionsRead}个巡察，另有{overview.inspectionsLeft}个未计入。
                </Typography.Text>
              )}
            </>
          )
        }
      </PageState>
    </Card>
  );
}

function ClosureTrendCard(): ReactNode {
  const [loaded, retry] = useLoad(() => api.call("closureTrend", { query: { weeks: 12 } }), []);
  return (
    <Card size="small" title="销号趋势（近12周，每周销号措施数）" className="section">
      <PageState loaded={loaded} retry={retry}>
        {(trend) =>
          trend.weeks.every((w) => w.closed === 0) ? (
            <EmptyState text="近12周没有销号的措施" />
          ) : (
            <Suspense fallback={<div className="chart" />}>
              <TrendChart trend={trend} />
            </Suspense>
          )
        }
      </PageState>
    </Card>
  );
}

function InspectionList(props: {
  readonly first: readonly InspectionRow[];
  readonly firstCursor: string | null;
  readonly names: OrgNames;
}): ReactNode {
  const [rows, setRows] = useState(props.first);
  const [cursor, setCursor] = useState(props.firstCursor);
  const [more, setMore] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const loadMore = async () => {
    if (cursor === null) return;
    setMore({ busy: true, error: null });
    try {
      const next = await api.call("listInspections", { query: { limit: PAGE_SIZE, cursor } });
      setRows((r) => [...r, ...next.items]);
      setCursor(next.nextCursor);
      setMore({ busy: false, error: null });
    } catch (e) {
      setMore({ busy: false, error: errorText(e) });
    }
  };
  const count = (key: keyof Counts, suffix = "") => ({
    render: (_: unknown, row: InspectionRow) => `${row.counts[key]}${suffix}`,
  });
  // A figure of measures leads to the ledger showing exactly those measures.
  const linked = (key: keyof Counts, what: string, filters: LedgerLinkFilters = {}) => ({
    render: (_: unknown, row: InspectionRow) => (
      <a
        {...linkTo(paths.ledger(row.inspection.id, filters))}
        aria-label={`查看${what}（${row.counts[key]}项）`}
      >
        {row.counts[key]}
      </a>
    ),
  });
  return (
    <Card size="small" title="巡察与整改台账" className="section">
      <Table<InspectionRow>
        rowKey={(row) => row.inspection.id}
        dataSource={rows}
        pagination={false}
        size="middle"
        scroll={{ x: 900 }}
        locale={{ emptyText: <EmptyState text="您的权限范围内还没有巡察台账" /> }}
        columns={[
          {
            title: "被巡察单位",
            key: "unit",
            render: (_, row) => (
              <a {...linkTo(paths.ledger(row.inspection.id))}>
                {props.names.get(row.inspection.targetOrgId) ?? "查看台账"}
              </a>
            ),
          },
          {
            title: "巡察",
            key: "inspection",
            render: (_, { inspection: i }) => (
              <>
                {i.roundLabel ?? ""}
                {i.team}{" "}
                <Tag>
                  {REGIME_LABELS[i.regime]}·{INSPECTION_KIND_LABELS[i.kind]}
                </Tag>
                {i.isExample && <Tag color="orange">示例</Tag>}
              </>
            ),
          },
          { title: "反馈日期", key: "feedback", render: (_, row) => row.inspection.feedbackDate ?? "—" },
          { title: "问题", key: "problems", align: "right", ...count("problems") },
          { title: "已完成", key: "completed", align: "right", ...count("completed") },
          { title: "措施", key: "measures", align: "right", ...linked("measures", "整改措施") },
          {
            title: "已销号",
            key: "closed",
            align: "right",
            ...linked("closedMeasures", "已销号措施", { states: ["closed"] }),
          },
          {
            title: "逾期",
            key: "overdue",
            align: "right",
            render: (_, row) =>
              row.counts.overdueMeasures > 0 ? (
                <a
                  {...linkTo(paths.ledger(row.inspection.id, { overdue: true }))}
                  aria-label={`查看逾期措施（${row.counts.overdueMeasures}项）`}
                >
                  <Tag color="red">{row.counts.overdueMeasures}</Tag>
                </a>
              ) : (
                "0"
              ),
          },
          { title: "完成率", key: "rate", align: "right", ...count("completionRate", "%") },
        ]}
      />
      {cursor !== null && (
        <div style={{ textAlign: "center", marginTop: 12 }}>
          <Button loading={more.busy} onClick={() => void loadMore()}>
            加载更多
          </Button>
          {more.error !== null && <Typography.Text type="danger"> {more.error}</Typography.Text>}
        </div>
      )}
    </Card>
  );
}
