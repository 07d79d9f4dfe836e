// 台账: one inspection's ledger, aspect → problem → measures, with the standard columns and filters by status,
// department, overdue and free text. Filtering happens in the page: the ledger answer already holds every row.
import { Button, Card, Checkbox, Descriptions, Input, Select, Table, Tag, Typography } from "antd";
import { use, useMemo, useState, type ReactNode } from "react";
import { INSPECTION_KIND_LABELS, REGIME_LABELS } from "../../domain/inspection.ts";
import { MEASURE_STATES } from "../../domain/measure.ts";
import { mayEver } from "../access.ts";
import { api } from "../api.ts";
import { EmptyState, PageState } from "../components/PageState.tsx";
import {
  MEASURE_KIND_LABELS,
  MEASURE_STATE_COLORS,
  MEASURE_STATE_LABELS,
  PROBLEM_STATUS_COLORS,
  PROBLEM_STATUS_LABELS,
  type MeasureState,
} from "../labels.ts";
import type { Ledger, LedgerMeasure, LedgerProblem } from "../models.ts";
import { ledgerFiltersOf, linkTo, paths } from "../router.ts";
import { SessionContext } from "../session-context.ts";
import { useLoad } from "../use-load.ts";
import { useOrgNames, type OrgNames } from "../use-org-names.ts";

interface Filters {
  readonly states: readonly MeasureState[];
  readonly departmentId: string | null;
  readonly overdueOnly: boolean;
  readonly text: string;
}

const NO_FILTERS: Filters = { states: [], departmentId: null, overdueOnly: false, text: "" };

export function LedgerPage(props: { readonly inspectionId: string }): ReactNode {
  const names = useOrgNames();
  const [loaded, retry] = useLoad(
    () => api.call("getLedger", { params: { id: props.inspectionId } }),
    [props.inspectionId],
  );
  return (
    <PageState loaded={loaded} retry={retry}>
      {(ledger) => <LedgerView ledger={ledger} names={names} />}
    </PageState>
  );
}

function LedgerView(props: { readonly ledger: Ledger; readonly names: OrgNames }): ReactNode {
  const { ledger, names } = props;
  const session = use(SessionContext);
  // Opened from a figure of the dashboard, the address says which measures to show first.
  const [filters, setFilters] = useState<Filters>(() => {
    const linked = ledgerFiltersOf(window.location.search);
    return linked.states.length === 0 && !linked.overdue
      ? NO_FILTERS
      : { ...NO_FILTERS, states: linked.states, overdueOnly: linked.overdue };
  });
  const departments = useMemo(() => {
    const ids = new Set<string>();
    for (const p of ledger.problems) {
      for (const m of p.measures) {
        if (m.departmentId !== null) ids.add(m.departmentId);
        for (const c of m.cooperatingDepartmentIds) ids.add(c);
      }
    }
    return [...ids].map((id) => ({ value: id, label: names.get(id) ?? "（未命名部门）" }));
  }, [ledger, names]);
  const groups = useMemo(() => groupProblems(ledger, filters), [ledger, filters]);
  const { inspection, counts } = ledger;
  const shown = groups.reduce((n, g) => n + g.problems.reduce((k, p) => k + p.measures.length, 0), 0);
  return (
    <>
      <div className="page-heading">
        <Typography.Title level={3}>{ledger.unit.name} 整改台账</Typography.Title>
        {session !== null && mayEver(session, "ledger.export") && (
          <Button {...linkTo(paths.reports(inspection.id))}>报告与下载</Button>
        )}
      </div>
      <Card size="small" className="section">
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label="巡察">
            {inspection.roundLabel ?? ""}
            {inspection.team}（{REGIME_LABELS[inspection.regime]}·{INSPECTION_KIND_LABELS[inspection.kind]}）
          </Descriptions.Item>
          <Descriptions.Item label="反馈日期">{inspection.feedbackDate ?? "—"}</Descriptions.Item>
          <Descriptions.Item label="问题">
            {counts.problems} 个，已完成 {counts.completed} 个
          </Descriptions.Item>
          <Descriptions.Item label="措施">
            {counts.measures} 项，已销号 {counts.closedMeasures} 项，逾期 {counts.overdueMeasures} 项
          </Descriptions.Item>
          <Descriptions.Item label="完成率">{counts.completionRate}%</Descriptions.Item>
          <Descriptions.Item label="统计基准日">{ledger.asOf}</Descriptions.Item>
        </Descriptions>
      </Card>
      <div className="filters" role="search" aria-label="筛选整改措施">
        <Select<MeasureState[]>
          mode="multiple"
          allowClear
          placeholder="状态"
          aria-label="按状态筛选"
          style={{ minWidth: 180 }}
          value={[...filters.states]}
          onChange={(states) => setFilters({ ...filters, states })}
          options={MEASURE_STATES.map((s) => ({ value: s, label: MEASURE_STATE_LABELS[s] }))}
        />
        <Select<string>
          allowClear
          placeholder="责任部门"
          aria-label="按责任部门筛选"
          style={{ minWidth: 160 }}
          value={filters.departmentId ?? undefined}
          onChange={(departmentId) => setFilters({ ...filters, departmentId: departmentId ?? null })}
          options={departments}
        />
        <Checkbox
          checked={filters.overdueOnly}
          onChange={(e) => setFilters({ ...filters, overdueOnly: e.target.checked })}
        >
          仅看逾期
        </Checkbox>
        <Input.Search
          allowClear
          placeholder="搜索问题或措施"
          aria-label="搜索问题或措施"
          style={{ width: 240 }}
          onSearch={(text) => setFilters({ ...filters, text: text.trim() })}
        />
        <Typography.Text type="secondary" style={{ alignSelf: "center" }}>
          显示 {shown} 项措施
        </Typography.Text>
      </div>
      {groups.length === 0 ? (
        <Card>
          <EmptyState text={ledger.problems.length === 0 ? "本台账还没有问题" : "没有符合筛选条件的措施"} />
        </Card>
      ) : (
        groups.map((group) => (
          <Card key={group.key} size="small" className="section" title={group.title}>
            {group.problems.map(({ problem, measures }) => (
              <ProblemBlock key={problem.id} problem={problem} measures={measures} names={names} />
            ))}
          </Card>
        ))
      )}
    </>
  );
}

function ProblemBlock(props: {
  readonly problem: LedgerProblem;
  readonly measures: readonly LedgerMeasure[];
  readonly names: OrgNames;
}): ReactNode {
  const { problem, names } = props;
  return (
    <section className="section" aria-label={`问题${problem.seq}`}>
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        {problem.seq}. {problem.title}{" "}
        <Tag color={PROBLEM_STATUS_COLORS[problem.status]}>{PROBLEM_STATUS_LABELS[problem.status]}</Tag>
      </Typography.Title>
      {problem.feedbackText !== "" && problem.feedbackText !== problem.title && (
        <Typography.Paragraph
          className="feedback-text"
          ellipsis={{ rows: 2, expandable: true, symbol: "展开" }}
        >
          {problem.feedbackText}
        </Typography.Paragraph>
      )}
      <Table<LedgerMeasure>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={[...props.measures]}
        scroll={{ x: 860 }}
        locale={{ emptyText: "本问题没有整改措施" }}
        columns={[
          { title: "序号", dataIndex: "seq", width: 60 },
          {
            title: "整改措施",
            key: "text",
            // Measures of real notices run to a paragraph: three lines here, the whole text on the measure page.
            render: (_, m) => (
              <a className="measure-text" title={m.text} {...linkTo(paths.measure(m.id))}>
                {m.text}
              </a>
            ),
          },
          { title: "类型", key: "kind", width: 96, render: (_, m) => MEASURE_KIND_LABELS[m.kind] },
          {
            title: "责任部门",
            key: "department",
            width: 140,
            render: (_, m) => (m.departmentId === null ? "—" : (names.get(m.departmentId) ?? "—")),
          },
          {
            title: "整改时限",
            key: "deadline",
            width: 120,
            render: (_, m) => (
              <>
                {m.deadline ?? "—"}
                {m.overdue && (
                  <Tag color="red" style={{ marginLeft: 4 }}>
                    逾期
                  </Tag>
                )}
              </>
            ),
          },
          {
            title: "状态",
            key: "state",
            width: 96,
            render: (_, m) => (
              <Tag color={MEASURE_STATE_COLORS[m.state]}>{MEASURE_STATE_LABELS[m.state]}</Tag>
            ),
          },
        ]}
      />
    </section>
  );
}

interface ProblemGroup {
  readonly key: string;
  readonly title: string;
  readonly problems: readonly { problem: LedgerProblem; measures: readonly LedgerMeasure[] }[];
}

/** Aspects in order with their problems; with any filter set, only problems with a matching measure. */
function groupProblems(ledger: Ledger, filters: Filters): ProblemGroup[] {
  const filtering =
    filters !== NO_FILTERS &&
    (filters.states.length > 0 ||
      filters.departmentId !== null ||
      filters.overdueOnly ||
      filters.text !== "");
  const matches = (problem: LedgerProblem, m: LedgerMeasure) =>
    (filters.states.length === 0 || filters.states.includes(m.state)) &&
    (filters.departmentId === null ||
      m.departmentId === filters.departmentId ||
      m.cooperatingDepartmentIds.includes(filters.departmentId)) &&
    (!filters.overdueOnly || m.overdue) &&
    (filters.text === "" || m.text.includes(filters.text) || problem.title.includes(filters.text));
  const keep = (problem: LedgerProblem) => {
    const measures = filtering ? problem.measures.filter((m) => matches(problem, m)) : problem.measures;
    return filtering && measures.length === 0 ? [] : [{ problem, measures }];
  };
  const groups: ProblemGroup[] = [...ledger.aspects]
    .sort((a, b) => a.seq - b.seq)
    .map((aspect) => ({
      key: aspect.id,
      title: aspect.title,
      problems: ledger.problems.filter((p) => p.aspectId === aspect.id).flatMap(keep),
    }));
  const loose = ledger.problems.filter((p) => p.aspectId === null).flatMap(keep);
  if (loose.length > 0) groups.push({ key: "none", title: "其他问题", problems: loose });
  return groups.filter((g) => g.problems.length > 0);
}
