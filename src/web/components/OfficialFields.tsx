// The 版头/版记 fields of one notice (the `official` options of the API): left empty, the unit's own settings apply.
// Lists (签发人, 附件, 抄送) are typed as tags; the values are checked with the API's schema when the notice is asked for.
import { Checkbox, DatePicker, Form, Input, Select } from "antd";
import type { Dayjs } from "dayjs";
import type { ReactNode } from "react";

/** What the form holds; `officialOptions` turns it into the API's `official` object. */
export interface OfficialValues {
  readonly issuer?: string;
  readonly issuerMark?: string;
  readonly docNumber?: string;
  readonly signers?: string[];
  readonly addressee?: string;
  readonly attachments?: string[];
  readonly contactPerson?: string;
  readonly contactPhone?: string;
  readonly publicContact?: string;
  readonly copyTo?: string[];
  readonly printedBy?: string;
  readonly printedOn?: Dayjs | null;
  readonly grid?: "portable" | "word";
  readonly colophonOnEvenPage?: boolean;
}

const TEXTS = [
  "issuer",
  "issuerMark",
  "docNumber",
  "addressee",
  "contactPerson",
  "contactPhone",
  "publicContact",
];
const LISTS = ["signers", "attachments", "copyTo"];

/** Only what was filled in: an empty field leaves the unit's setting in force. */
export function officialOptions(values: OfficialValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const all = values as Readonly<Record<string, unknown>>;
  for (const key of [...TEXTS, "printedBy"]) {
    const text = all[key];
    if (typeof text === "string" && text.trim() !== "") out[key] = text;
  }
  for (const key of LISTS) {
    const list = all[key];
    if (Array.isArray(list) && list.length > 0) out[key] = list;
  }
  if (values.printedOn) out.printedOn = values.printedOn.format("YYYY-MM-DD");
  if (values.grid !== undefined) out.grid = values.grid;
  if (values.colophonOnEvenPage === false) out.colophonOnEvenPage = false;
  return out;
}

const tags = (placeholder: string) => (
  <Select
    mode="tags"
    open={false}
    tokenSeparators={["、", "，", ","]}
    placeholder={placeholder}
    suffixIcon={null}
  />
);

/** The fields in the order of the document: 版头, 主送, 附件, 附注, 版记. */
const FIELDS: readonly {
  name: keyof OfficialValues;
  label: string;
  hint?: string;
  list?: string;
  extra?: string;
}[] = [
  { name: "issuer", label: "发文机关", hint: "如 中共无锡市文学艺术界联合会党组" },
  { name: "issuerMark", label: "发文机关标志", hint: "如 中共某某委员会文件" },
  { name: "docNumber", label: "发文字号", hint: "如 市文联党组〔2021〕3号" },
  { name: "signers", label: "签发人", list: "如 杨建", extra: "可填多人，以顿号分隔" },
  { name: "addressee", label: "主送机关" },
  { name: "attachments", label: "附件", list: "如 整改任务清单", extra: "附件名称，可填多个" },
  { name: "contactPerson", label: "联系人" },
  { name: "contactPhone", label: "联系电话" },
  { name: "copyTo", label: "抄送机关", list: "如 市纪委监委" },
  { name: "printedBy", label: "印发机关", hint: "默认为发文机关" },
];

export function OfficialFields(props: { readonly publicVersion: boolean }): ReactNode {
  return (
    <div className="official-grid">
      {FIELDS.map((field) => (
        <Form.Item key={field.name} label={field.label} name={field.name} extra={field.extra}>
          {field.list !== undefined ? tags(field.list) : <Input placeholder={field.hint} />}
        </Form.Item>
      ))}
      <Form.Item label="印发日期" name="printedOn">
        <DatePicker style={{ width: "100%" }} placeholder="默认为成文日期" />
      </Form.Item>
      <Form.Item label="版式" name="grid">
        <Select
          allowClear
          placeholder="默认（通用）"
          options={[
            { value: "portable", label: "通用（各软件显示一致）" },
            { value: "word", label: "按 Word 排版" },
          ]}
        />
      </Form.Item>
      {props.publicVersion && (
        <Form.Item label="社会监督联系方式" name="publicContact" className="official-wide">
          <Input.TextArea rows={2} placeholder="联系电话、电子邮箱、通信地址等，印在公开版末尾" />
        </Form.Item>
      )}
      <Form.Item name="colophonOnEvenPage" valuePropName="checked" className="official-wide">
        <Checkbox>版记置于偶数页（需要时加空白页）</Checkbox>
      </Form.Item>
    </div>
  );
}
