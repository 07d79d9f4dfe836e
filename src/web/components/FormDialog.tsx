// A dialog around one form: OK runs `submit` (which validates with the API's schema and calls the API); a refusal of
// the server is shown in the dialog, which stays open until the work is done.
import { Form, Modal, type FormInstance } from "antd";
import { useState, type ReactNode } from "react";
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
      <Form<V> form={form} layout="vertical" initialValues={props.initialValues} onFinish={() => void ok()}>
        {props.children}
        <ErrorNote message={error} />
      </Form>
    </Modal>
  );
}
