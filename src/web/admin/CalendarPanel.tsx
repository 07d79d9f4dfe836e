// 工作日历 (administrators): the days entered over the holiday data that comes with the software — next year's State
// Council notice before the package has it, or a local day off or a worked day — and the years the calendar knows.
// A whole year is entered at once from the notice's text (CalendarNoticeImport). Working-day deadlines and warnings
// count with these days at once (docs/supervision.md).
import { Button, Card, Form, Input, Popconfirm, Select, Table, Tag, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { calendarDayParams, calendarOverrideSchema, DAY_KIND_LABELS } from "../../shared/calendar-input.ts";
import { parseInput } from "../../shared/validation.ts";
import { api, errorText } from "../api.ts";
import { EmptyState, ErrorNote, PageState } from "../components/PageState.tsx";
import { validateForm } from "../form-validation.ts";
import { formatInstant } from "../labels.ts";
import type { CalendarOverrides } from "../models.ts";
import { useLoad } from "../use-load.ts";
import { DayKindTag } from "./DayKindTag.tsx";
import { CalendarNoticeImport } from "./CalendarNoticeImport.tsx";

type Override = CalendarOverrides["items"][number];

interface NewDay {
  readonly day?: string;
  readonly kind?: string;
  readonly name?: string;
}

export function CalendarPanel(): ReactNode {
  const [loaded, reload] = useLoad(() => api.call("listCalendarOverrides", {}), []);
  // The forms stay mounted while the list reloads after a change, so that what they say about it stays on screen.
  return (
    <div className="admin-columns">
      <PageState loaded={loaded} retry={reload}>
        {(list) => <OverrideList list={list} onChanged={reload} />}
      </PageState>
      <div>
        <OverrideForm onChanged={reload} />
        <CalendarNoticeImport onChanged={reload} />
      </div>
    </div>
  );
}

function OverrideList(props: {
  readonly list: CalendarOverrides;
  readonly onChanged: () => void;
}): ReactNode {
  const [error, setError] = useState<string | null>(null);
  const remove = async (day: string) => {
    setError(null);
    try {
      await api.call("deleteCalendarOverride", { params: { day } });
      props.onChanged();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Card size="small" title="已录入的调整">
      <Typography.Paragraph>
        有放假安排的年份：
        {props.list.coveredYears.map((year) => (
          <Tag key={year}>{year}</Tag>
        ))}
        <Typography.Text type="secondary">其他年份暂按周一至周五推算。</Typography.Text>
      </Typography.Paragraph>
      <ErrorNote message={error} />
      {props.list.items.length === 0 ? (
        <EmptyState text="还没有录入调整，按软件自带的放假安排计算" />
      ) : (
        <Table<Override>
          rowKey="day"
          size="small"
          pagination={false}
          dataSource={props.list.items}
          columns={[
            { title: "日期", dataIndex: "day", width: 120 },
            {
              title: "类型",
              key: "kind",
              width: 80,
              render: (_, o) => <DayKindTag kind={o.kind} />,
            },
            { title: "名称或说明", dataIndex: "name" },
            { title: "录入时间", key: "at", width: 150, render: (_, o) => formatInstant(o.createdAt) },
            {
              title: "操作",
              key: "remove",
              width: 80,
              render: (_, o) => (
                <Popconfirm
                  title={`删除 ${o.day} 的调整？`}
                  okText="删除"
                  cancelText="取消"
                  onConfirm={() => void remove(o.day)}
                >
                  <Button size="small" danger aria-label={`删除 ${o.day} 的调整`}>
                    删除
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

function OverrideForm(props: { readonly onChanged: () => void }): ReactNode {
  const [form] = Form.useForm<NewDay>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (values: NewDay) => {
    setError(null);
    const input = validateForm(
      form,
      () => ({
        params: parseInput(calendarDayParams, { day: values.day?.trim() ?? "" }, "日期"),
        body: parseInput(calendarOverrideSchema, { kind: values.kind, name: values.name ?? "" }, "调整"),
      }),
      setError,
    );
    if (input === undefined) return;
    setBusy(true);
    try {
      await api.call("setCalendarOverride", input);
      form.resetFields();
      props.onChanged();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title="录入或修改一天">
      <Form<NewDay> form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item label="日期" name="day" extra="如 2027-02-06；已录入的日期将被替换">
          <Input placeholder="YYYY-MM-DD" maxLength={10} />
        </Form.Item>
        <Form.Item label="类型" name="kind">
          <Select
            placeholder="放假或上班"
            options={Object.entries(DAY_KIND_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="名称或说明" name="name">
          <Input placeholder="如 春节、国庆节调休" maxLength={50} />
        </Form.Item>
        <ErrorNote message={error} />
        <Button type="primary" htmlType="submit" loading={busy}>
          保存
        </Button>
      </Form>
    </Card>
  );
}
