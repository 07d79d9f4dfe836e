// One measure in a warning list (the dashboard's 督办预警, an inspection's warning board): its warning tag, its text
// leading to the measure's page, and the date it is judged against.
import { List, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import type { DeadlineWarningView } from "../models.ts";
import { linkTo, paths } from "../router.ts";
import { warningTag } from "../warning-labels.ts";

export function WarnedMeasureLine(props: {
  readonly measureId: string;
  readonly text: string;
  readonly warning: DeadlineWarningView;
  readonly deadline: string | null;
}): ReactNode {
  // Past its deadline but with the reviewer (待审核): the ladder does not warn it, the list still says why it is there.
  const tag =
    props.warning.level === "not_warned" && props.warning.reason === "submitted"
      ? { color: "gold", text: "待审核" }
      : warningTag(props.warning);
  return (
    <List.Item>
      <div className="watch-line">
        {tag && <Tag color={tag.color}>{tag.text}</Tag>}
        <a className="watch-text" {...linkTo(paths.measure(props.measureId))} title={props.text}>
          {props.text}
        </a>
        <Typography.Text type="secondary" className="watch-deadline">
          {props.deadline}
        </Typography.Text>
      </div>
    </List.Item>
  );
}
