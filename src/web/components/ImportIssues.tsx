// What the reader found in an import's file: the rows in error (they stop the confirmation; file, sheet, row, column
// and what is wrong — a table on a desktop, a list on a phone), the reader's warnings (with the line of a notice) and
// notes on what confirming will do.
import { Alert, Card, Table, Typography } from "antd";
import type { ReactNode } from "react";
import type { ImportPreview as Preview, StagedImport } from "../models.ts";
export function ImportIssues(props: { readonly staged: StagedImport; readonly touch?: boolean }): ReactNode {
  const { staged } = props;
  const { errors, warnings, notes } = staged.preview;
  return (
    <>
      {errors.length > 0 && (
        <Card size="small" title={`有误的行（${errors.length}）`} className="section">
          {props.touch ? (
            <ul className="plain-list import-errors">
              {errors.map((e, i) => (
                <li key={i}>
                  <Typography.Text type="secondary">
                    {staged.fileName} · {e.sheet}
                    {e.row !== null && ` · 第${e.row}行`}
                    {e.column !== null && ` · ${e.column}列`}：
                  </Typography.Text>
                  {e.message}
                </li>
              ))}
            </ul>
          ) : (
            <Table<Preview["errors"][number]>
              rowKey={(_, index) => String(index)}
              size="small"
              pagination={errors.length > 20 ? { pageSize: 20 } : false}
              dataSource={[...errors]}
              columns={[
                { title: "文件", key: "file", width: 180, render: () => staged.fileName },
                { title: "工作表", dataIndex: "sheet", width: 120 },
                { title: "行", key: "row", width: 64, render: (_, e) => e.row ?? "—" },
                { title: "列", key: "column", width: 100, render: (_, e) => e.column ?? "—" },
                { title: "问题", dataIndex: "message" },
              ]}
            />
          )}
        </Card>
      )}
      {warnings.length > 0 && (
        <Alert
          className="section"
          type="warning"
          showIcon
          title={`识别提示（${warnings.length}）`}
          description={
            <ul className="plain-list">
              {warnings.map((w, i) => (
                <li key={i}>
                  {w.line !== undefined && (
                    <Typography.Text type="secondary">
                      {staged.fileName} 第{w.line}行：
                    </Typography.Text>
                  )}
                  {w.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {notes.length > 0 && (
        <Alert
          className="section"
          type="info"
          showIcon
          title="说明"
          description={
            <ul className="plain-list">
              {notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          }
        />
      )}
    </>
  );
}
