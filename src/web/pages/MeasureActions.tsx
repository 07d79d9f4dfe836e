// The workflow buttons of a measure: one per action the server lists in allowedActions, nothing else. State changes
// carry If-Match with the version the page shows, so a colleague's change in between is refused (409), not lost.
import { App, Button, DatePicker, Form, Input, Modal, Upload } from "antd";
import type { Dayjs } from "dayjs";
import dayjs from "dayjs";
import { useState, type ReactNode } from "react";
import { api, errorText } from "../api.ts";
import type { MeasureAction, MeasureDetail } from "../models.ts";

type SimpleEvent = "start" | "submit" | "close" | "resume" | "reopen_stage";
type Dialog = "return" | "report_progress" | "request_extension" | "hold_closeout" | "reject_extension";

const EVENT_BUTTONS: readonly { action: SimpleEvent; label: string; primary?: boolean }[] = [
  { action: "start", label: "启动整改", primary: true },
  { action: "submit", label: "提交审核", primary: true },
  { action: "close", label: "审核通过", primary: true },
  { action: "resume", label: "恢复推进" },
  { action: "reopen_stage", label: "开启下一阶段" },
];

/** Actions that ask for words first (a reason, a report, a new date): each opens its dialog. */
const DIALOG_BUTTONS: readonly { action: MeasureAction; dialog: Dialog; label: string; danger?: boolean }[] =
  [
    { action: "return", dialog: "return", label: "退回", danger: true },
    { action: "report_progress", dialog: "report_progress", label: "报送进展" },
    { action: "request_extension", dialog: "request_extension", label: "申请延期" },
    { action: "hold_closeout", dialog: "hold_closeout", label: "暂缓销号" },
  ];

export function MeasureActions(props: {
  readonly detail: MeasureDetail;
  readonly onChanged: () => void;
}): ReactNode {
  const { message } = App.useApp();
  const { detail } = props;
  const allowed = new Set<MeasureAction>(detail.allowedActions);
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const pending = detail.extensions.find((x) => x.decision === "pending");

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      void message.success(done);
      setDialog(null);
      props.onChanged();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const event = (name: SimpleEvent | "return", reason?: string) =>
    api.call("changeMeasureState", {
      params: { id: detail.measure.id },
      ifMatch: detail.measure.version,
      body: reason === undefined ? { event: name } : { event: name, reason },
    });

  const buttons: ReactNode[] = EVENT_BUTTONS.filter((b) => allowed.has(b.action)).map((b) => (
    <Button
      key={b.action}
      type={b.primary ? "primary" : "default"}
      loading={busy}
      onClick={() => void run(() => event(b.action), `已${b.label}`)}
    >
      {b.action === "close" && detail.reviewStep?.isLast === false ? "本级审核通过" : b.label}
    </Button>
  ));
  for (const b of DIALOG_BUTTONS.filter((d) => allowed.has(d.action))) {
    buttons.push(
      <Button key={b.action} danger={b.danger === true} onClick={() => setDialog(b.dialog)}>
        {b.label}
      </Button>,
    );
  }
  if (allowed.has("decide_extension") && pending !== undefined) {
    buttons.push(
      <Button
        key="approve-extension"
        loading={busy}
        onClick={() =>
          void run(
            () => api.call("decideExtension", { params: { id: pending.id }, body: { decision: "approved" } }),
            "已批准延期",
          )
        }
      >
        批准延期（至 {pending.newDeadline}）
      </Button>,
      <Button key="reject-extension" onClick={() => setDialog("reject_extension")}>
        不予延期
      </Button>,
    );
  }
  if (allowed.has("lift_hold")) {
    buttons.push(
      <Button
        key="lift"
        loading={busy}
        onClick={() =>
          void run(
            () => api.call("liftCloseoutHold", { params: { id: detail.measure.id } }),
            "已解除暂缓销号",
          )
        }
      >
        解除暂缓销号
      </Button>,
    );
  }
  if (buttons.length === 0) return null;

  const close = () => setDialog(null);
  return (
    <div className="section actions" role="group" aria-label="可进行的操作">
      {buttons}
      <ReasonDialog
        open={dialog === "return"}
        title="退回整改措施"
        label="退回理由"
        busy={busy}
        onCancel={close}
        onOk={(reason) => void run(() => event("return", reason), "已退回")}
      />
      <ReasonDialog
        open={dialog === "hold_closeout"}
        title="暂缓销号"
        label="暂缓理由"
        busy={busy}
        onCancel={close}
        onOk={(reason) =>
          void run(
            () => api.call("holdCloseout", { params: { id: detail.measure.id }, body: { reason } }),
            "已暂缓销号",
          )
        }
      />
      {pending !== undefined && (
        <ReasonDialog
          open={dialog === "reject_extension"}
          title="不予延期"
          label="不予延期的理由"
          busy={busy}
          onCancel={close}
          onOk={(note) =>
            void run(
              () =>
                api.call("decideExtension", {
                  params: { id: pending.id },
                  body: { decision: "rejected", note },
                }),
              "已决定不予延期",
            )
          }
        />
      )}
      <ExtensionDialog
        open={dialog === "request_extension"}
        busy={busy}
        onCancel={close}
        onOk={(reason, newDeadline) =>
          void run(
            () =>
              api.call("requestExtension", {
                params: { id: detail.measure.id },
                body: { reason, newDeadline },
              }),
            "已提交延期申请",
          )
        }
      />
      <ProgressDialog
        open={dialog === "report_progress"}
        busy={busy}
        onCancel={close}
        onOk={(form) =>
          void run(
            () => api.call("reportProgress", { params: { id: detail.measure.id }, form }),
            "已报送进展",
          )
        }
      />
    </div>
  );
}

/** A form's validation failure: the form already shows each field's message beside the field. */
function shownInForm(_invalid: unknown): void {}

function ReasonDialog(props: {
  readonly open: boolean;
  readonly title: string;
  readonly label: string;
  readonly busy: boolean;
  readonly onCancel: () => void;
  readonly onOk: (reason: string) => void;
}): ReactNode {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText="确定"
      confirmLoading={props.busy}
      onCancel={props.onCancel}
      onOk={() => void form.validateFields().then((v) => props.onOk(v.reason.trim()), shownInForm)}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          label={props.label}
          name="reason"
          rules={[{ required: true, whitespace: true, message: `请填写${props.label}` }, { max: 2000 }]}
        >
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ExtensionDialog(props: {
  readonly open: boolean;
  readonly busy: boolean;
  readonly onCancel: () => void;
  readonly onOk: (reason: string, newDeadline: string) => void;
}): ReactNode {
  const [form] = Form.useForm<{ reason: string; newDeadline: Dayjs }>();
  return (
    <Modal
      open={props.open}
      title="申请延期"
      okText="提交申请"
      confirmLoading={props.busy}
      onCancel={props.onCancel}
      onOk={() =>
        void form
          .validateFields()
          .then((v) => props.onOk(v.reason.trim(), v.newDeadline.format("YYYY-MM-DD")), shownInForm)
      }
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          label="新的整改时限"
          name="newDeadline"
          rules={[{ required: true, message: "请选择新的整改时限" }]}
        >
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item
          label="延期理由"
          name="reason"
          rules={[{ required: true, whitespace: true, message: "请填写延期理由" }, { max: 2000 }]}
        >
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ProgressDialog(props: {
  readonly open: boolean;
  readonly busy: boolean;
  readonly onCancel: () => void;
  readonly onOk: (form: FormData) => void;
}): ReactNode {
  const [form] = Form.useForm<{ period: string; text: string }>();
  const [files, setFiles] = useState<File[]>([]);
  const submit = async () => {
    let values: { period: string; text: string };
    try {
      values = await form.validateFields();
    } catch (invalid) {
      return shownInForm(invalid);
    }
    const data = new FormData();
    data.set("period", values.period.trim());
    data.set("text", values.text.trim());
    for (const file of files) data.append("files", file, file.name);
    props.onOk(data);
  };
  return (
    <Modal
      open={props.open}
      title="报送进展"
      okText="报送"
      confirmLoading={props.busy}
      onCancel={props.onCancel}
      onOk={() => void submit()}
      afterClose={() => setFiles([])}
      destroyOnHidden
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ period: dayjs().format("YYYY-MM") }}
      >
        <Form.Item
          label="报送期间"
          name="period"
          rules={[
            { required: true, message: "请填写报送期间" },
            {
              pattern: /^\d{4}-(\d{2}|W\d{2})$/,
              message: "报送期间应为月份 YYYY-MM 或周 YYYY-Www，如 2021-05",
            },
          ]}
        >
          <Input placeholder="如 2021-05" />
        </Form.Item>
        <Form.Item
          label="进展情况"
          name="text"
          rules={[{ required: true, whitespace: true, message: "请填写进展情况" }, { max: 5000 }]}
        >
          <Input.TextArea rows={5} />
        </Form.Item>
        <Form.Item label="佐证材料（pdf、图片、Office 文档、ofd、zip）">
          <Upload
            multiple
            fileList={files.map((f, i) => ({ uid: String(i), name: f.name, status: "done" as const }))}
            beforeUpload={(file) => {
              setFiles((list) => [...list, file]);
              return false;
            }}
            onRemove={(removed) => setFiles((list) => list.filter((_, i) => String(i) !== removed.uid))}
          >
            <Button>选择文件</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
