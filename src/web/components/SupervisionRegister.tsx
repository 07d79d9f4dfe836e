// The supervision register of an inspection (督办台账), in the 督办 drawer: every 督办通知 with its number, reply date and
// reply state, and the 告诫 and 约谈 records. The unit office records a written reply; the inspection office records a
// 告诫 or 约谈 (the server refuses them, naming the missing step, before a notice's reply time has run out). Forms are
// checked with the API's own schemas.
import { Button, Form, Input, List, Space, Tag, Typography } from "antd";
import { use, useState, type ReactNode } from "react";
import {
  REPLY_STATUS_LABELS,
  SUPERVISION_ACTION_LABELS,
  type ReplyStatus,
} from "../../domain/supervision-ladder.ts";
import type { AnswerOfRoute } from "../../shared/api-client.ts";
import type { ApiRoutes } from "../../shared/api-routes.ts";
import { escalationSchema, supervisionReplySchema } from "../../shared/supervision-action-input.ts";
import { parseInput } from "../../shared/validation.ts";
import { mayEver } from "../access.ts";
import { api } from "../api.ts";
import { validateForm } from "../form-validation.ts";
import { SessionContext } from "../session-context.ts";
import { useLoad } from "../use-load.ts";
import { FormDialog } from "./FormDialog.tsx";
import { PageState } from "./PageState.tsx";

type Entry = AnswerOfRoute<ApiRoutes["listSupervisionActions"]>["items"][number];
type Dialog = { kind: "reply"; action: Entry } | { kind: "admonition" } | { kind: "talk" } | null;

const REPLY_COLOURS: Readonly<Record<ReplyStatus, string>> = {
  replied: "green",
  replied_late: "orange",
  awaiting: "blue",
  overdue: "red",
};

/** Names typed one per line or separated by 、，, → the list the API takes. */
const namesOf = (text: string | undefined): string[] =>
  (text ?? "")
    .split(/[\n、，,；;]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");

export function SupervisionRegister(props: { readonly inspectionId: string }): ReactNode {
  const session = use(SessionContext);
  const mayReply = session !== null && mayEver(session, "supervision.reply");
  const mayEscalate = session !== null && mayEver(session, "supervision.escalate");
  const [loaded, reload] = useLoad(
    () => api.call("listSupervisionActions", { params: { id: props.inspectionId } }),
    [props.inspectionId],
  );
  const [dialog, setDialog] = useState<Dialog>(null);
  const done = () => {
    setDialog(null);
    reload();
  };
  return (
    <PageState loaded={loaded} retry={reload}>
      {(register) => (
        <>
          <Typography.Paragraph type="secondary">
            督办通知 {register.items.filter((a) => a.kind === "notice").length} 份，待回复{" "}
            {register.awaitingReply} 份（其中逾期未回复 {register.replyOverdue}{" "}
            份）。告诫、约谈须在督办通知的书面回复时限届满后，针对仍然逾期的措施进行。
          </Typography.Paragraph>
          {mayEscalate && (
            <Space className="section">
              <Button onClick={() => setDialog({ kind: "admonition" })}>登记告诫</Button>
              <Button onClick={() => setDialog({ kind: "talk" })}>登记约谈</Button>
            </Space>
          )}
          <List<Entry>
            size="small"
            dataSource={[...register.items].reverse()}
            locale={{ emptyText: "尚未下发督办通知" }}
            renderItem={(a) => (
              <List.Item
                actions={
                  mayReply && a.kind === "notice" && a.reply === null
                    ? [
                        <Button
                          key="reply"
                          size="small"
                          onClick={() => setDialog({ kind: "reply", action: a })}
                        >
                          登记回复
                        </Button>,
                      ]
                    : []
                }
              >
                <EntryLine entry={a} />
              </List.Item>
            )}
          />
          {dialog?.kind === "reply" && (
            <ReplyDialog action={dialog.action} onDone={done} onCancel={() => setDialog(null)} />
          )}
          {(dialog?.kind === "admonition" || dialog?.kind === "talk") && (
            <EscalationDialog
              kind={dialog.kind}
              inspectionId={props.inspectionId}
              onDone={done}
              onCancel={() => setDialog(null)}
            />
          )}
        </>
      )}
    </PageState>
  );
}

function EntryLine(props: { readonly entry: Entry }): ReactNode {
  const a = props.entry;
  return (
    <div>
      <Space wrap>
        <Tag color={a.kind === "notice" ? "volcano" : a.kind === "admonition" ? "magenta" : "purple"}>
          {SUPERVISION_ACTION_LABELS[a.kind]}
        </Tag>
        {a.docNumber && <Typography.Text strong>{a.docNumber}</Typography.Text>}
        <Typography.Text>{a.issuedOn}</Typography.Text>
        {a.replyBy && <Typography.Text type="secondary">回复时限 {a.replyBy}</Typography.Text>}
        {a.replyStatus && (
          <Tag color={REPLY_COLOURS[a.replyStatus]}>{REPLY_STATUS_LABELS[a.replyStatus]}</Tag>
        )}
        <Typography.Text type="secondary">涉及措施 {a.measures.length} 项</Typography.Text>
      </Space>
      {a.reply && (
        <Typography.Paragraph type="secondary" className="register-detail">
          {a.reply.receivedOn} 收到回复：{a.reply.summary}
          {a.reply.evidence ? `（${a.reply.evidence}）` : ""}
        </Typography.Paragraph>
      )}
      {a.admonition && (
        <Typography.Paragraph type="secondary" className="register-detail">
          告诫 {a.admonition.warned.join("、")}：{a.admonition.content}
        </Typography.Paragraph>
      )}
      {a.talk && (
        <Typography.Paragraph type="secondary" className="register-detail">
          {a.talk.place}，{a.talk.heldBy.join("、")} 约谈 {a.talk.talkedTo.join("、")}：{a.talk.summary}
          。后续要求：
          {a.talk.followUp}
        </Typography.Paragraph>
      )}
    </div>
  );
}

interface ReplyValues {
  readonly receivedOn?: string;
  readonly summary?: string;
  readonly evidence?: string;
}

function ReplyDialog(props: {
  readonly action: Entry;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}): ReactNode {
  return (
    <FormDialog<ReplyValues>
      title={`登记书面回复：${props.action.docNumber ?? "督办通知"}`}
      okText="登记"
      submit={async (values, form, say) => {
        const body = validateForm(
          form,
          () =>
            parseInput(
              supervisionReplySchema,
              {
                receivedOn: values.receivedOn ?? "",
                summary: values.summary ?? "",
                ...(values.evidence?.trim() ? { evidence: values.evidence } : {}),
              },
              "书面回复",
            ),
          say,
        );
        if (body === undefined) return false;
        await api.call("recordSupervisionReply", { params: { id: props.action.id }, body });
        return true;
      }}
      onDone={props.onDone}
      onCancel={props.onCancel}
    >
      <Typography.Paragraph type="secondary">
        回复时限 {props.action.replyBy}；晚于时限收到的回复标为逾期回复。
      </Typography.Paragraph>
      <Form.Item label="收到日期" name="receivedOn" required>
        <Input type="date" />
      </Form.Item>
      <Form.Item label="回复内容摘要" name="summary" required>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item label="回复文件或佐证（文号、名称）" name="evidence">
        <Input maxLength={300} />
      </Form.Item>
    </FormDialog>
  );
}

interface EscalationValues {
  readonly content?: string;
  readonly warned?: string;
  readonly heldOn?: string;
  readonly place?: string;
  readonly talkedTo?: string;
  readonly heldBy?: string;
  readonly summary?: string;
  readonly followUp?: string;
}

function EscalationDialog(props: {
  readonly kind: "admonition" | "talk";
  readonly inspectionId: string;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}): ReactNode {
  const talk = props.kind === "talk";
  return (
    <FormDialog<EscalationValues>
      title={talk ? "登记约谈" : "登记告诫"}
      okText="登记"
      submit={async (values, form, say) => {
        const input = talk
          ? {
              kind: "talk",
              heldOn: values.heldOn ?? "",
              place: values.place ?? "",
              talkedTo: namesOf(values.talkedTo),
              heldBy: namesOf(values.heldBy),
              summary: values.summary ?? "",
              followUp: values.followUp ?? "",
            }
          : { kind: "admonition", content: values.content ?? "", warned: namesOf(values.warned) };
        const body = validateForm(
          form,
          () => parseInput(escalationSchema, input, talk ? "约谈记录" : "告诫"),
          say,
        );
        if (body === undefined) return false;
        await api.call("escalateSupervision", { params: { id: props.inspectionId }, body });
        return true;
      }}
      onDone={props.onDone}
      onCancel={props.onCancel}
    >
      <Typography.Paragraph type="secondary">
        涉及督办通知回复时限届满后仍然逾期的全部措施；人员可写多名，用顿号或换行分开，如“王五（党组书记）”。
      </Typography.Paragraph>
      {talk ? (
        <>
          <Form.Item label="约谈日期" name="heldOn" required>
            <Input type="date" />
          </Form.Item>
          <Form.Item label="约谈地点" name="place" required>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item label="被约谈人（姓名、职务）" name="talkedTo" required>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item label="约谈人（姓名、职务）" name="heldBy" required>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item label="约谈内容摘要" name="summary" required>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Form.Item label="后续要求" name="followUp" required>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </>
      ) : (
        <>
          <Form.Item label="告诫内容" name="content" required>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Form.Item label="被告诫人（姓名、职务）" name="warned" required>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}
