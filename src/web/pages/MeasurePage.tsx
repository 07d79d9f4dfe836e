// One measure: what it commits to, who is responsible, the progress timeline with its evidence, reviews,
// extensions and the change history; the workflow buttons are exactly the server's allowedActions for the caller.
import { Alert, Button, Card, Descriptions, Table, Tag, Timeline, Typography } from "antd";
import { use, type ReactNode } from "react";
import { api } from "../api.ts";
import { EmptyState, PageState } from "../components/PageState.tsx";
import {
  AUDIT_ACTION_LABELS,
  formatInstant,
  formatSize,
  MEASURE_KIND_LABELS,
  MEASURE_STATE_COLORS,
  MEASURE_STATE_LABELS,
} from "../labels.ts";
import type { AuditEvent, MeasureDetail } from "../models.ts";
import { linkTo, paths } from "../router.ts";
import { saveFile } from "../save-file.ts";
import { SessionContext } from "../session-context.ts";
import { useLoad } from "../use-load.ts";
import { useOrgNames, type OrgNames } from "../use-org-names.ts";
import { MeasureActions } from "./MeasureActions.tsx";

const REVIEW_LEVEL_ROLES: Readonly<Record<string, string>> = {
  unit_office: "单位整改办",
  unit_leader: "单位领导",
  oversight: "巡察办",
  inspection_team: "巡察组",
};

export function MeasurePage(props: { readonly measureId: string }): ReactNode {
  const names = useOrgNames();
  const [loaded, reload] = useLoad(async () => {
    const [detail, history] = await Promise.all([
      api.call("getMeasure", { params: { id: props.measureId } }),
      api.call("measureHistory", { params: { id: props.measureId } }),
    ]);
    return { detail, history: history.items };
  }, [props.measureId]);
  return (
    <PageState loaded={loaded} retry={reload}>
      {({ detail, history }) => (
        <MeasureView detail={detail} history={history} names={names} onChanged={reload} />
      )}
    </PageState>
  );
}

function MeasureView(props: {
  readonly detail: MeasureDetail;
  readonly history: readonly AuditEvent[];
  readonly names: OrgNames;
  readonly onChanged: () => void;
}): ReactNode {
  const { detail, names } = props;
  const { measure, problem } = detail;
  const orgName = (id: string | null) => (id === null ? "—" : (names.get(id) ?? "—"));
  return (
    <>
      <Typography.Paragraph>
        <a {...linkTo(paths.ledger(measure.inspectionId))}>‹ 返回台账</a>
      </Typography.Paragraph>
      {problem !== null && (
        <Typography.Text type="secondary">
          问题{problem.seq}：{problem.title}
        </Typography.Text>
      )}
      <Typography.Title level={4} style={{ marginTop: 4 }}>
        措施{measure.seq}：{measure.text}
      </Typography.Title>
      <div className="section">
        <Tag color={MEASURE_STATE_COLORS[measure.state]} data-testid="measure-state">
          {MEASURE_STATE_LABELS[measure.state]}
        </Tag>
        <Tag>{MEASURE_KIND_LABELS[measure.kind]}</Tag>
        {detail.reviewStep !== null && (
          <Tag color="gold">
            待{REVIEW_LEVEL_ROLES[detail.reviewStep.role] ?? "审核"}审核（第{detail.reviewStep.level}级）
          </Tag>
        )}
      </div>
      {detail.hold !== null && (
        <Alert
          className="section"
          type="warning"
          showIcon
          title="纪检监督已暂缓销号"
          description={`${detail.hold.reason}（${formatInstant(detail.hold.heldAt)}）`}
        />
      )}
      <MeasureActions detail={detail} onChanged={props.onChanged} />
      <Card size="small" title="责任与时限" className="section">
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label="责任部门">{orgName(measure.departmentId)}</Descriptions.Item>
          <Descriptions.Item label="配合部门">
            {measure.cooperatingDepartmentIds.length === 0
              ? "—"
              : measure.cooperatingDepartmentIds.map((id) => orgName(id)).join("、")}
          </Descriptions.Item>
          <Descriptions.Item label="整改时限">
            {measure.deadline ?? "—"}
            {measure.originalDeadline !== null && measure.originalDeadline !== measure.deadline && (
              <Typography.Text type="secondary">（原时限 {measure.originalDeadline}）</Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="需佐证材料">{measure.evidenceRequired ? "是" : "否"}</Descriptions.Item>
          <Descriptions.Item label="提交审核次数">{measure.submissions}</Descriptions.Item>
          <Descriptions.Item label="销号时间">
            {measure.closedAt === null ? "—" : formatInstant(measure.closedAt)}
          </Descriptions.Item>
          {measure.acceptanceCriteria !== null && (
            <Descriptions.Item label="验收标准">{measure.acceptanceCriteria}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <ProgressCard detail={detail} />
      <ReviewsCard detail={detail} />
      <HistoryCard history={props.history} />
    </>
  );
}

async function download(evidenceId: string, name: string): Promise<void> {
  saveFile(await api.call("downloadEvidence", { params: { id: evidenceId } }), name);
}

function ProgressCard(props: { readonly detail: MeasureDetail }): ReactNode {
  const reports = [...props.detail.progress].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Card size="small" title="进展报送" className="section">
      {reports.length === 0 ? (
        <EmptyState text="还没有报送进展" />
      ) : (
        <Timeline
          items={reports.map((r) => ({
            key: r.id,
            content: (
              <>
                <Typography.Text strong>{r.period}</Typography.Text>{" "}
                <Typography.Text type="secondary">{formatInstant(r.createdAt)}</Typography.Text>
                <Typography.Paragraph className="feedback-text" style={{ marginBottom: 4 }}>
                  {r.text}
                </Typography.Paragraph>
                {r.figures.length > 0 && (
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                    {r.figures.map((f) => `${f.label}${f.quantity}${f.unit}`).join("，")}
                  </Typography.Paragraph>
                )}
                {r.evidence.map((e) => (
                  <div key={e.id}>
                    <Button
                      type="link"
                      size="small"
                      style={{ paddingLeft: 0 }}
                      onClick={() => void download(e.id, e.name)}
                    >
                      {e.name}
                    </Button>
                    <Typography.Text type="secondary">{formatSize(e.size)}</Typography.Text>
                  </div>
                ))}
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}

function ReviewsCard(props: { readonly detail: MeasureDetail }): ReactNode {
  const { reviews, extensions } = props.detail;
  if (reviews.length === 0 && extensions.length === 0) return null;
  return (
    <Card size="small" title="审核与延期" className="section">
      <Timeline
        items={[
          ...reviews.map((r) => ({
            key: r.id,
            at: r.createdAt,
            color: r.decision === "approve" ? "green" : "red",
            content: (
              <>
                第{r.round}轮·第{r.level}级审核：{r.decision === "approve" ? "通过" : "退回"}
                {r.reason !== null && `（${r.reason}）`}{" "}
                <Typography.Text type="secondary">{formatInstant(r.createdAt)}</Typography.Text>
              </>
            ),
          })),
          ...extensions.map((x) => ({
            key: x.id,
            at: x.createdAt,
            color: x.decision === "approved" ? "green" : x.decision === "rejected" ? "red" : "gray",
            content: (
              <>
                申请延期至 {x.newDeadline}：{x.reason}（
                {x.decision === "approved" ? "已批准" : x.decision === "rejected" ? "不予延期" : "待审批"}
                {x.decisionNote !== null && `，${x.decisionNote}`}）{" "}
                <Typography.Text type="secondary">{formatInstant(x.createdAt)}</Typography.Text>
              </>
            ),
          })),
        ]
          .sort((a, b) => b.at.localeCompare(a.at))
          .map(({ at: _at, ...item }) => item)}
      />
    </Card>
  );
}

function HistoryCard(props: { readonly history: readonly AuditEvent[] }): ReactNode {
  const session = use(SessionContext);
  // The trail records account ids; only the caller's own name is known to every role.
  const actorName = (actor: string) =>
    session !== null && actor === session.user.id ? `${session.user.displayName}（本人）` : "其他用户";
  return (
    <Card size="small" title="变更记录" className="section">
      <Table<AuditEvent>
        rowKey="seq"
        size="small"
        pagination={false}
        dataSource={[...props.history].reverse()}
        locale={{ emptyText: "没有变更记录" }}
        columns={[
          { title: "时间", key: "at", width: 150, render: (_, e) => formatInstant(e.at) },
          { title: "操作", key: "action", render: (_, e) => AUDIT_ACTION_LABELS[e.action] ?? e.action },
          { title: "操作人", key: "actor", width: 140, render: (_, e) => actorName(e.actor) },
        ]}
      />
    </Card>
  );
}
