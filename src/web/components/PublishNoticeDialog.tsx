// 提交审批 (the office) or 直接发布 (an administrator): the choices of the public notice — 编排 (by status or by aspect),
// 成文日期 and the 版头/版记 fields (left empty, the unit's settings apply) — checked with the API's own schema. The
// notice is generated when the dialog is sent: for approval, the leader then reads exactly that version.
import { Collapse, DatePicker, Form, Radio, Typography } from "antd";
import type { Dayjs } from "dayjs";
import type { ReactNode } from "react";
import { publishPublicNoticeSchema } from "../../shared/public-notice-models.ts";
import { parseInput } from "../../shared/validation.ts";
import { api } from "../api.ts";
import { validateForm } from "../form-validation.ts";
import { FormDialog } from "./FormDialog.tsx";
import { OfficialFields, officialOptions, type OfficialValues } from "./OfficialFields.tsx";

interface PublishValues extends OfficialValues {
  readonly layout: "status" | "aspect";
  readonly issuedOn?: Dayjs | null;
}

const MODES = {
  submit: {
    title: "提交审批",
    okText: "提交审批",
    text: "按台账现状生成公开版通报（不载明党内、不公开和来自问题线索的问题），提交单位领导审批。领导审阅的就是现在生成的这一版，批准后原样在公开信息页面发布，任何人都能看到。",
  },
  publish: {
    title: "直接发布公开版",
    okText: "发布",
    text: "按台账现状生成公开版通报（不载明党内、不公开和来自问题线索的问题），不经审批直接发布（仅系统管理员）。发布后任何人都能在公开信息页面看到。",
  },
} as const;

export function PublishNoticeDialog(props: {
  readonly inspectionId: string;
  /** submit: a request for the leader's approval; publish: at once (administrators only). */
  readonly mode: keyof typeof MODES;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}): ReactNode {
  const mode = MODES[props.mode];
  return (
    <FormDialog<PublishValues>
      title={mode.title}
      okText={mode.okText}
      initialValues={{ layout: "status", colophonOnEvenPage: true }}
      submit={async (values, form, say) => {
        const official = officialOptions(values);
        const body = validateForm(
          form,
          () =>
            parseInput(
              publishPublicNoticeSchema,
              {
                layout: values.layout,
                ...(values.issuedOn ? { issuedOn: values.issuedOn.format("YYYY-MM-DD") } : {}),
                ...(Object.keys(official).length > 0 ? { official } : {}),
              },
              "公开版选项",
            ),
          say,
        );
        if (body === undefined) return false;
        const params = { id: props.inspectionId };
        if (props.mode === "submit") await api.call("submitPublicNoticeRequest", { params, body });
        else await api.call("publishPublicNotice", { params, body });
        return true;
      }}
      onDone={props.onDone}
      onCancel={props.onCancel}
    >
      <Typography.Paragraph>{mode.text}</Typography.Paragraph>
      <Form.Item label="编排" name="layout">
        <Radio.Group
          optionType="button"
          options={[
            { value: "status", label: "按整改状态" },
            { value: "aspect", label: "按方面" },
          ]}
        />
      </Form.Item>
      <Form.Item label="成文日期" name="issuedOn">
        <DatePicker placeholder="默认为今天" />
      </Form.Item>
      <Collapse
        size="small"
        items={[
          {
            key: "official",
            label: "版头和版记（不填则按本单位设置）",
            forceRender: true,
            children: <OfficialFields publicVersion />,
          },
        ]}
      />
    </FormDialog>
  );
}
