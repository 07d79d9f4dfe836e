// 台账: one inspection's ledger, aspect → problem → measures, with the chosen columns and filters by status, kind,
// department, overdue and free text. Filtering happens in the page: the ledger answer already holds every row, and
// the table draws only the rows on screen (components/LedgerTable.tsx). A large ledger's head is drawn first, the
// filters waiting for the whole (use-ledger.ts).
import {
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Input,
  Popover,
  Select,
  Space,
  Spin,
  Typography,
} from "antd";
import { use, useMemo, useState, type ReactNode } from "react";
import { INSPECTION_KIND_LABELS, REGIME_LABELS } from "../../domain/inspection.ts";
import { MEASURE_KINDS, MEASURE_STATES } from "../../domain/measure.ts";
import { mayEver } from "../access.ts";
import { api, errorText } from "../api.ts";
import { DeadlineProfileDrawer } from "../components/DeadlineProfileDrawer.tsx";
import { LedgerTable } from "../components/LedgerTable.tsx";
import { EmptyState, PageState } from "../components/PageState.tsx";
import { MEASURE_KIND_LABELS, MEASURE_STATE_LABELS, type MeasureKind, type MeasureState } from "../labels.ts";
import {
  LEDGER_COLUMNS,
  rememberLedgerColumns,
  rememberedLedgerColumns,
  type ChoiceStorage,
  type LedgerColumn,
} from "../ledger-columns.ts";
import { isFiltering, ledgerRows, NO_LEDGER_FILTERS, type LedgerFilters } from "../ledger-rows.ts";
import type { Ledger } from "../models.ts";
import { ledgerFiltersOf, linkTo, paths } from "../router.ts";
import { saveFile } from "../save-file.ts";
import { SessionContext } from "../session-context.ts";
import { useLedger } from "../use-ledger.ts";
import { useOrgNames, type OrgNames } from "../use-org-names.ts";

/** The browser's storage when it may be used at all (a sandboxed frame throws on the property itself). */
function browserStorage(): ChoiceStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function LedgerPage(props: { readonly inspectionId: string }): ReactNode {
  const names = useOrgNames();
  const { loaded, complete, reload } = useLedger(props.inspectionId);
  return (
    <PageState loaded={loaded} retry={reload}>
      {(ledger) => <LedgerView ledger={ledger} complete={complete} names={names} reload={reload} />}
    </PageState>
  );
}

function LedgerView(props: {
  readonly ledger: Ledger;
  /** False while only the ledger's head is in (use-ledger.ts): the filters wait for the whole ledger. */
  readonly complete: boolean;
  readonly names: OrgNames;
  /** Reads the ledger again (after its 督办设置 changed, its warnings did too). */
  readonly reload: () => void;
}): ReactNode {
  const { ledger, complete, names } = props;
  const session = use(SessionContext);
  // Opened from a figure of the dashboard, the address says which measures to show first.
  const [filters, setFilters] = useState<LedgerFilters>(() => {
    const linked = ledgerFiltersOf(window.location.search);
    return {
      ...NO_LEDGER_FILTERS,
      states: linked.states,
      overdueOnly: linked.overdue,
      ...(linked.departmentId !== "" ? { departmentId: linked.departmentId } : {}),
    };
  });
  const [profileOpen, setProfileOpen] = useState(false);
  const [columns, setColumns] = useState<LedgerColumn[]>(() => rememberedLedgerColumns(browserStorage()));
  const chooseColumns = (chosen: LedgerColumn[]) => {
    // Kept in the table's own order whatever order they were ticked in.
    const ordered = (Object.keys(LEDGER_COLUMNS) as LedgerColumn[]).filter((c) => chosen.includes(c));
    setColumns(ordered);
    rememberLedgerColumns(browserStorage(), ordered);
  };
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
  const people = useMemo(() => new Map(ledger.people.map((p) => [p.id, p.name])), [ledger]);
  const { rows, measures: shown } = useMemo(() => ledgerRows(ledger, filters), [ledger, filters]);
  const { inspection, counts } = ledger;
  return (
    <>
      <div className="page-heading">
        <Typography.Title level={3}>{ledger.unit.name} 整改台账</Typography.Title>
        <Space wrap>
          <Button onClick={() => setProfileOpen(true)}>督办预警与设置</Button>
          {session !== null && mayEver(session, "ledger.export") && (
            <>
              <ExportButton ledger={ledger} filters={filters} />
              <Button {...linkTo(paths.reports(inspection.id))}>报告与下载</Button>
            </>
          )}
        </Space>
      </div>
      {profileOpen && (
        <DeadlineProfileDrawer
          inspectionId={inspection.id}
          editable={session !== null && mayEver(session, "deadline_profile.set")}
          mayIssueNotice={session !== null && mayEver(session, "supervision_notice.issue")}
          unitName={ledger.unit.name}
          onClose={() => setProfileOpen(false)}
          onSaved={props.reload}
        />
      )}
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
          disabled={!complete}
          mode="multiple"
          allowClear
          placeholder="状态"
          aria-label="按状态筛选"
          style={{ minWidth: 180 }}
          value={[...filters.states]}
          onChange={(states) => setFilters({ ...filters, states })}
          options={MEASURE_STATES.map((s) => ({ value: s, label: MEASURE_STATE_LABELS[s] }))}
        />
        <Select<MeasureKind[]>
          disabled={!complete}
          mode="multiple"
          allowClear
          placeholder="类型"
          aria-label="按类型筛选"
          style={{ minWidth: 140 }}
          value={[...filters.kinds]}
          onChange={(kinds) => setFilters({ ...filters, kinds })}
          options={MEASURE_KINDS.map((k) => ({ value: k, label: MEASURE_KIND_LABELS[k] }))}
        />
        <Select<string>
          disabled={!complete}
          allowClear
          placeholder="责任部门"
          aria-label="按责任部门筛选"
          style={{ minWidth: 160 }}
          value={filters.departmentId ?? undefined}
          onChange={(departmentId) => setFilters({ ...filters, departmentId: departmentId ?? null })}
          options={departments}
        />
        <Select<string>
          disabled={!complete}
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          placeholder="责任人或牵头领导"
          aria-label="按责任人筛选"
          style={{ minWidth: 150 }}
          value={filters.personId ?? undefined}
          onChange={(personId) => setFilters({ ...filters, personId: personId ?? null })}
          options={ledger.people.map((p) => ({
            value: p.id,
            label: p.post ? `${p.name}（${p.post}）` : p.name,
          }))}
        />
        <Checkbox
          disabled={!complete}
          checked={filters.overdueOnly}
          onChange={(e) => setFilters({ ...filters, overdueOnly: e.target.checked })}
        >
          仅看逾期
        </Checkbox>
        <Input.Search
          disabled={!complete}
          allowClear
          placeholder="搜索问题或措施"
          aria-label="搜索问题或措施"
          style={{ width: 240 }}
          onSearch={(text) => setFilters({ ...filters, text: text.trim() })}
        />
        <Popover
          trigger="click"
          placement="bottomRight"
          title="显示的列"
          content={
            <Checkbox.Group<LedgerColumn>
              className="column-choice"
              value={columns}
              onChange={chooseColumns}
              options={(Object.keys(LEDGER_COLUMNS) as LedgerColumn[]).map((c) => ({
                value: c,
                label: LEDGER_COLUMNS[c],
              }))}
            />
          }
        >
          <Button>列设置</Button>
        </Popover>
        <Typography.Text type="secondary" style={{ alignSelf: "center" }} aria-live="polite">
          {ledger.omitted === undefined ? (
            <>显示 {shown} 项措施</>
          ) : (
            <>
              <Spin size="small" /> 已显示前 {shown} 项，正在载入其余 {ledger.omitted.measures} 项措施…
            </>
          )}
        </Typography.Text>
      </div>
      {rows.length === 0 ? (
        <Card>
          <EmptyState text={ledger.problems.length === 0 ? "本台账还没有问题" : "没有符合筛选条件的措施"} />
        </Card>
      ) : (
        <LedgerTable rows={rows} columns={columns} names={names} people={people} />
      )}
    </>
  );
}

/** 导出 Excel: the whole ledger, or with filters set exactly the measures shown (the server applies the same filters). */
function ExportButton(props: { readonly ledger: Ledger; readonly filters: LedgerFilters }): ReactNode {
  const { ledger, filters } = props;
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const filtering = isFiltering(filters);
  const download = async () => {
    setBusy(true);
    try {
      const blob = await api.call("downloadLedgerXlsx", {
        params: { id: ledger.inspection.id },
        query: {
          ...(filters.states.length > 0 ? { state: filters.states.join(",") } : {}),
          ...(filters.kinds.length > 0 ? { kind: filters.kinds.join(",") } : {}),
          ...(filters.departmentId !== null ? { departmentId: filters.departmentId } : {}),
          ...(filters.personId !== null ? { personId: filters.personId } : {}),
          ...(filters.overdueOnly ? { overdue: "true" as const } : {}),
          ...(filters.text !== "" ? { q: filters.text } : {}),
        },
      });
      saveFile(blob, `${ledger.unit.name}整改台账${filtering ? "（筛选）" : ""}-${ledger.asOf}.xlsx`);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button loading={busy} onClick={() => void download()}>
      {filtering ? "导出筛选结果" : "导出 Excel"}
    </Button>
  );
}
