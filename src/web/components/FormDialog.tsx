// A dialog around one form: OK runs `submit` (which validates with the API's schema and calls the API); a refusal of
// the server is shown in the dialog, which stays open until the work is done.
import { Form, Modal, type FormInstance } from "antd";
import { useId, useState, type ReactNode } from "react";
import { errorText } from "../api.ts";
import { ErrorNote } from "./PageState.tsx";

export function FormDialog<V extends object>(props: {
  readonly title: string;
  readonly okText: string;
  readonly initialValues?: Partial<V>;
  /** Answers false when the form's values were refused before any request (messages are under the fields). */
  readonly submit: (values: V, form: FormInstance<V>, say: (message: string) => void) => Promise<boolean>;
  readonly onDone: () => void;
  readonly onCancel: () => void;
  readonly children: ReactNode;
}): ReactNode {
  const [form] = Form.useForm<V>();
  // A form name of its own prefixes its fields' ids: a dialog over a page with the same form (发布公开版 over the
  // notice form, both with 发文字号) must not give two fields one id, or a label would name the other field.
  const name = `dialog-${useId().replace(/[^\w-]/g, "")}`;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ok = async () => {
    setBusy(true);
    setError(null);
    try {
      if (await props.submit(form.getFieldsValue(true) as V, form, setError)) props.onDone();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={props.title}
      okText={props.okText}
      confirmLoading={busy}
      onOk={() => void ok()}
      onCancel={props.onCancel}
      destroyOnHidden
    >
      <Form<V>
        form={form}
        name={name}
        layout="vertical"
        initialValues={props.initialValues}
        onFinish={() => void ok()}
      >
        {props.children}
        <ErrorNote message={error} />
      </Form>
    </Modal>
  );
}
