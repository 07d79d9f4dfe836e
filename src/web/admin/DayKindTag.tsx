// 放假 in red, 上班 in blue: how the calendar's pages show the kind of a day.
import { Tag } from "antd";
import type { ReactNode } from "react";
import { DAY_KIND_LABELS } from "../../shared/calendar-input.ts";

export function DayKindTag(props: { readonly kind: keyof typeof DAY_KIND_LABELS }): ReactNode {
  return <Tag color={props.kind === "holiday" ? "red" : "blue"}>{DAY_KIND_LABELS[props.kind]}</Tag>;
}
