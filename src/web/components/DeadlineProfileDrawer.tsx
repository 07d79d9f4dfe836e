// 督办 of one inspection, in a drawer beside its ledger: its warning board (WarningBoard.tsx), and its 督办设置 — the
// warning thresholds (green / yellow / red, counted in calendar or working days), the reporting cadence, when the
// rectification report is due and the end of the concentrated period, with the dates they give. The inspection office
// and administrators edit it; the unit and the others read it. Saved with the version read (If-Match): a colleague's
// change in between is refused, not lost.
import {
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Tabs,
  Typography,
} from "antd";
import { useState, type ReactNode } from "react";
import {
  LONG_TERM_REVIEW_MONTHS,
  REPORT_DUE_MONTHS,
  REPORTING_CADENCE_LABELS,
  REPORTING_CADENCES,
  WARNING_BASES,
  WARNING_BASIS_LABELS,
} from "../../domain/deadline-profile.ts";
import { warningThresholdsProblem } from "../../domain/deadline-warning.ts";
import { deadlineProfileSchema } from "../../shared/deadline-profile-input.ts";
import { parseInput } from "../../shared/validation.ts";
import { api, errorText } from "../api.ts";
import { validateForm } from "../form-validation.ts";
import { formatInstant } from "../labels.ts";
import type { DeadlineProfile } from "../models.ts";
import { useLoad } from "../use-load.ts";
import { ErrorNote, PageState } from "./PageState.tsx";
import { SupervisionNoticeForm } from "./SupervisionNoticeForm.tsx";
import { SupervisionRegister } from "./SupervisionRegister.tsx";
import { WarningBoard } from "./WarningBoard.tsx";

interface ProfileForm {
  readonly green?: number | null;
  readonly yellow?: number | null;
  readonly red?: number | null;
  readonly basis?: string;
  readonly cadence?: string;
  readonly reportMonths?: number;
  readonly concentratedEnd?: string;
  readonly immediateDays?: number | null;
  readonly longTermReviewMonths?: number;
}

const formOf = (p: DeadlineProfile): ProfileForm => ({
  green: p.thresholds.green,
  yellow: p.thresholds.yellow,
  red: p.thresholds.red,
  basis: p.thresholds.basis,
  cadence: p.cadence,
  reportMonths: p.reportMonths,
  concentratedEnd: p.concentratedEnd ?? "",
  immediateDays: p.defaultDeadlines.immediateDays,
  longTermReviewMonths: p.defaultDeadlines.longTermReviewMonths,
});

export function DeadlineProfileDrawer(props: {
  readonly inspectionId: string;
  readonly editable: boolean;
  /** The inspection office and administrators may send the unit a 督办通知 from the board. */
  readonly mayIssueNotice: boolean;
  readonly unitName: string;
  readonly onClose: () => void;
  /** After a save: the ledger's warnings are judged with the new thresholds. */
  readonly onSaved: () => void;
}): ReactNode {
  const [loaded, reload] = useLoad(
    () => api.call("getDeadlineProfile", { params: { id: props.inspectionId } }),
    [props.inspectionId],
  );
  return (
    <Drawer open title="督办" size="large" onClose={props.onClose} destroyOnHidden>
      <Tabs
        items={[
          {
            key: "board",
            label: "预警",
            children: (
              <>
                {props.mayIssueNotice && (
                  <SupervisionNoticeForm inspectionId={props.inspectionId} unitName={props.unitName} />
                )}
                <WarningBoard inspectionId={props.inspectionId} />
              </>
            ),
          },
          {
            key: "register",
            label: "督办台账",
            children: <SupervisionRegister inspectionId={props.inspectionId} />,
          },
          {
            key: "profile",
            label: "督办设置",
            children: (
              <PageState loaded={loaded} retry={reload}>
                {(profile) => (
                  <ProfileEditor
                    key={profile.version}
                    profile={profile}
                    editable={props.editable}
                    onSaved={() => {
                      reload();
                      props.onSaved();
                    }}
                  />
                )}
              </PageState>
            ),
          },
        ]}
      />
    </Drawer>
  );
}

function ProfileEditor(props: {
  readonly profile: DeadlineProfile;
  readonly editable: boolean;
  readonly onSaved: () => void;
}): ReactNode {
  const { profile } = props;
  const [form] = Form.useForm<ProfileForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (values: ProfileForm) => {
    setError(null);
    const body = validateForm(
      form,
      () =>
        parseInput(
          deadlineProfileSchema,
          {
            thresholds: { green: values.green, yellow: values.yellow, red: values.red, basis: values.basis },
            cadence: values.cadence,
            reportMonths: values.reportMonths,
            concentratedEnd: values.concentratedEnd?.trim() ? values.concentratedEnd.trim() : null,
            defaultDeadlines: {
              immediateDays: values.immediateDays,
              longTermReviewMonths: values.longTermReviewMonths,
            },
          },
          "督办设置",
        ),
      setError,
    );
    if (body === undefined) return;
    // The order of the bands is the domain's rule: said here before any request, in the server's words.
    const disorder = warningThresholdsProblem(body.thresholds);
    if (disorder !== null) {
      setError(disorder);
      return;
    }
    setBusy(true);
    try {
      await api.call("setDeadlineProfile", {
        params: { id: profile.inspectionId },
        body,
        ifMatch: profile.version,
      });
      props.onSaved();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const { dates } = profile;
  return (
    <>
      <Descriptions size="small" column={1} className="section">
        <Descriptions.Item label="反馈日期">{dates.feedbackDate ?? "—"}</Descriptions.Item>
        <Descriptions.Item label="整改报告截止">{dates.reportDue ?? "—"}</Descriptions.Item>
        <Descriptions.Item label="集中整改期截止">{dates.concentratedEnd ?? "—"}</Descriptions.Item>
        <Descriptions.Item label="立行立改默认时限">{dates.immediateDefault ?? "—"}</Descriptions.Item>
        <Descriptions.Item label="设置">
          {profile.isDefault
            ? "尚未设置，按默认（剩20天绿色、10天黄色、到期当天红色预警，自然日；每月报送；反馈后2个月报告）"
            : `${profile.updatedAt ? formatInstant(profile.updatedAt) : ""} 修改`}
        </Descriptions.Item>
      </Descriptions>
      <Form<ProfileForm>
        form={form}
        layout="vertical"
        initialValues={formOf(profile)}
        disabled={!props.editable}
        onFinish={(values) => void save(values)}
      >
        <Typography.Text strong>预警（距时限剩余天数不超过）</Typography.Text>
        <Space wrap className="section" style={{ marginTop: 8 }}>
          <Form.Item label="绿色预警" name="green">
            <InputNumber min={0} precision={0} suffix="天" />
          </Form.Item>
          <Form.Item label="黄色预警" name="yellow">
            <InputNumber min={0} precision={0} suffix="天" />
          </Form.Item>
          <Form.Item label="红色预警" name="red" extra="0：到期当天">
            <InputNumber min={0} precision={0} suffix="天" />
          </Form.Item>
          <Form.Item label="天数按" name="basis">
            <Select
              style={{ width: 110 }}
              options={WARNING_BASES.map((b) => ({ value: b, label: WARNING_BASIS_LABELS[b] }))}
            />
          </Form.Item>
        </Space>
        <Form.Item label="进展报送周期" name="cadence">
          <Select
            options={REPORTING_CADENCES.map((c) => ({ value: c, label: REPORTING_CADENCE_LABELS[c] }))}
          />
        </Form.Item>
        <Form.Item label="整改情况报告时限" name="reportMonths">
          <Select options={REPORT_DUE_MONTHS.map((m) => ({ value: m, label: `反馈后${m}个月` }))} />
        </Form.Item>
        <Form.Item label="集中整改期截止日期" name="concentratedEnd" extra="不填：反馈后两个月">
          <Input placeholder="YYYY-MM-DD" maxLength={10} />
        </Form.Item>
        <Typography.Text strong>台账未写时限的措施，按类型默认</Typography.Text>
        <Space wrap className="section" style={{ marginTop: 8 }}>
          <Form.Item label="立行立改" name="immediateDays" extra="反馈后天数">
            <InputNumber min={1} max={366} precision={0} suffix="天" />
          </Form.Item>
          <Form.Item label="长期坚持阶段检视" name="longTermReviewMonths" extra="自反馈起每隔">
            <Select
              style={{ width: 110 }}
              options={LONG_TERM_REVIEW_MONTHS.map((m) => ({ value: m, label: `${m}个月` }))}
            />
          </Form.Item>
        </Space>
        <Typography.Paragraph type="secondary">
          限期整改未写时限的，按集中整改期截止日期判断。
        </Typography.Paragraph>
        <ErrorNote message={error} />
        {props.editable && (
          <Button type="primary" htmlType="submit" loading={busy}>
            保存督办设置
          </Button>
        )}
      </Form>
    </>
  );
}
