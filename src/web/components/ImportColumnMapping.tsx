// A workbook's columns in an import's preview and the field each was read as; choosing another field reads the workbook
// again (one PATCH). A table on a desktop; on a phone (`touch`) one line per column with its select below, full width.
import { Select, Table, Typography } from "antd";
import type { ReactNode } from "react";
import type { ImportPreview } from "../models.ts";
import { useInline, type Correct } from "./ImportCorrections.tsx";

type PreviewColumn = ImportPreview["columns"][number];

export function ColumnMapping(props: {
  readonly preview: ImportPreview;
  readonly correct: Correct;
  readonly touch?: boolean;
}): ReactNode {
  const { preview } = props;
  const inline = useInline(props.correct);
  const options = preview.fieldChoices.map((f) => ({ value: f.field, label: f.label }));
  const fieldSelect = (c: PreviewColumn) => (
    <Select<string>
      size={props.touch ? "middle" : "small"}
      aria-label={`${c.sheet} ${c.column}列“${c.header}”读作`}
      style={{ width: "100%" }}
      placeholder={c.reading}
      value={c.field ?? undefined}
      options={options}
      showSearch={{ optionFilterProp: "label" }}
      onChange={(field) => void inline([{ op: "mapColumn", header: c.header, field }])}
    />
  );
  if (props.touch)
    return (
      <ul className="import-column-list">
        {preview.columns.map((c) => (
          <li key={`${c.sheet}!${c.column}`}>
            <Typography.Text type="secondary">
              {c.sheet} · {c.column}列
            </Typography.Text>{" "}
            “{c.header}”读作
            {fieldSelect(c)}
          </li>
        ))}
      </ul>
    );
  return (
    <Table<PreviewColumn>
      rowKey={(c) => `${c.sheet}!${c.column}`}
      size="small"
      pagination={false}
      dataSource={[...preview.columns]}
      scroll={{ x: 560 }}
      columns={[
        { title: "工作表", dataIndex: "sheet", width: 120 },
        { title: "列", dataIndex: "column", width: 56 },
        { title: "表头", dataIndex: "header" },
        { title: "读作", key: "field", width: 220, render: (_, c) => fieldSelect(c) },
      ]}
    />
  );
}
