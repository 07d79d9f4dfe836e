// 导入: upload a notice (.docx/.txt/.md) or a ledger workbook (.xlsx) for a unit, read the server's dry-run preview,
// correct it in place (titles, statuses, measures, merging and splitting problems, a workbook's column mapping: each
// change is one PATCH and the preview is redrawn from the answer), undo any one correction (撤销, or 撤销上一步), then
// confirm it (the ledger is created) or discard it. The actions stay at the bottom of the screen while the preview
// scrolls, on a phone too.
import { Alert, App, Button, Card, Checkbox, Form, Result, Select, Typography, Upload } from "antd";
import { use, useMemo, useState, type ReactNode } from "react";
import { mayAct } from "../../domain/permissions.ts";
import { api, ApiError, errorText } from "../api.ts";
import type { Undo } from "../components/ImportCorrectionList.tsx";
import type { Correct } from "../components/ImportCorrections.tsx";
import { ImportPreview } from "../components/ImportPreview.tsx";
import { EmptyState, ErrorNote, PageState } from "../components/PageState.tsx";
import type { ConfirmedImport, Org, Session, StagedImport } from "../models.ts";
import { linkTo, paths } from "../router.ts";
import { SessionContext } from "../session-context.ts";
import { useLoad } from "../use-load.ts";
import { loadAllOrgs } from "../use-org-names.ts";
import "../import.css";

const ACCEPT = ".docx,.txt,.md,.xlsx";

type Step =
  | { readonly step: "upload" }
  | { readonly step: "preview"; readonly staged: StagedImport }
  | { readonly step: "confirmed"; readonly confirmed: ConfirmedImport };

export function ImportPage(): ReactNode {
  const session = use(SessionContext);
  const [loaded, retry] = useLoad(loadAllOrgs, []);
  const [step, setStep] = useState<Step>({ step: "upload" });
  return (
    <>
      <Typography.Title level={3}>导入台账</Typography.Title>
      <PageState loaded={loaded} retry={retry}>
        {(orgs) => {
          const units = session === null ? [] : importableUnits(session, orgs);
          if (units.length === 0) return <EmptyState text="您的权限范围内没有可导入的单位" />;
          switch (step.step) {
            case "upload":
              return <UploadForm units={units} onStaged={(staged) => setStep({ step: "preview", staged })} />;
            case "preview":
              return (
                <PreviewStep
                  staged={step.staged}
                  onConfirmed={(confirmed) => setStep({ step: "confirmed", confirmed })}
                  onDiscarded={() => setStep({ step: "upload" })}
                />
              );
            case "confirmed":
              return <Confirmed confirmed={step.confirmed} onAgain={() => setStep({ step: "upload" })} />;
          }
        }}
      </PageState>
    </>
  );
}

/** The units under a grant that may import (admin: every unit). */
function importableUnits(session: Session, orgs: readonly Org[]): Org[] {
  const grants = session.grants.filter((g) => mayAct(new Set([g.role]), "ledger.import"));
  const all = grants.some((g) => g.role === "admin");
  return orgs.filter(
    (o) =>
      o.kind === "unit" && (all || grants.some((g) => g.orgId !== null && o.path.includes(`/${g.orgId}/`))),
  );
}

function UploadForm(props: {
  readonly units: readonly Org[];
  readonly onStaged: (staged: StagedImport) => void;
}): ReactNode {
  const [unitId, setUnitId] = useState<string | undefined>(
    props.units.length === 1 ? props.units[0]?.id : undefined,
  );
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const options = useMemo(() => props.units.map((u) => ({ value: u.id, label: u.name })), [props.units]);
  const upload = async () => {
    setTried(true);
    if (unitId === undefined || file === null) return;
    setBusy(true);
    setError(null);
    const form = new FormData();
    form.set("unitId", unitId);
    if (skipInvalid) form.set("skipInvalid", "true");
    form.set("file", file, file.name);
    try {
      props.onStaged(await api.call("stageImport", { form }));
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };
  return (
    <Card size="small" title="上传文件" className="section">
      <Form layout="vertical" onFinish={() => void upload()} requiredMark={false} className="import-form">
        <Form.Item
          label="被巡察单位"
          htmlFor="import-unit"
          validateStatus={tried && unitId === undefined ? "error" : undefined}
          help={tried && unitId === undefined ? "请选择被巡察单位" : undefined}
        >
          <Select<string>
            id="import-unit"
            showSearch={{ optionFilterProp: "label" }}
            placeholder="选择单位"
            value={unitId}
            onChange={setUnitId}
            options={options}
          />
        </Form.Item>
        <Form.Item
          label="文件"
          validateStatus={tried && file === null ? "error" : undefined}
          help={
            tried && file === null
              ? "请选择要导入的文件"
              : "整改情况通报（.docx、.txt、.md）或整改台账（.xlsx）"
          }
        >
          <Upload.Dragger
            accept={ACCEPT}
            maxCount={1}
            beforeUpload={(chosen) => {
              setFile(chosen);
              setError(null);
              // Kept in the page and sent with the unit on 上传并预览, not uploaded on its own.
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file === null ? [] : [{ uid: "chosen", name: file.name, status: "done" }]}
          >
            <p className="upload-hint">点击或将文件拖到此处</p>
          </Upload.Dragger>
        </Form.Item>
        <Form.Item>
          <Checkbox checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)}>
            跳过台账中有错误的行
          </Checkbox>
        </Form.Item>
        <ErrorNote message={error} />
        <Button type="primary" htmlType="submit" loading={busy}>
          上传并预览
        </Button>
      </Form>
    </Card>
  );
}

function PreviewStep(props: {
  readonly staged: StagedImport;
  readonly onConfirmed: (confirmed: ConfirmedImport) => void;
  readonly onDiscarded: () => void;
}): ReactNode {
  const { message } = App.useApp();
  // Each correction answers the corrected import (new version and preview), which replaces the one uploaded.
  const [staged, setStaged] = useState(props.staged);
  const [busy, setBusy] = useState<"confirm" | "discard" | "undo" | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Changed in another window: show what is stored now (the message says why nothing was done). */
  const reloadWhenChanged = async (e: unknown) => {
    if (e instanceof ApiError && e.code === "import_changed")
      setStaged(await api.call("getImport", { params: { id: staged.id } }));
  };
  const act = async (which: "confirm" | "discard") => {
    setBusy(which);
    setError(null);
    try {
      if (which === "confirm") {
        // The version confirmed is the one on screen: a correction made meanwhile elsewhere is not confirmed unseen.
        props.onConfirmed(
          await api.call("confirmImport", { params: { id: staged.id }, body: { version: staged.version } }),
        );
      } else {
        await api.call("discardImport", { params: { id: staged.id } });
        void message.success("已放弃本次导入");
        props.onDiscarded();
      }
    } catch (e) {
      setError(errorText(e));
      setBusy(null);
      await reloadWhenChanged(e);
    }
  };
  const correct: Correct = async (corrections) => {
    try {
      const next = await api.call("correctImport", {
        params: { id: staged.id },
        ifMatch: staged.version,
        body: { corrections: [...corrections] },
      });
      setStaged(next);
      void message.success("已修改，预览已更新");
    } catch (e) {
      await reloadWhenChanged(e);
      throw e;
    }
  };
  const undo: Undo = async (no) => {
    try {
      const next = await api.call("undoImportCorrection", {
        params: { id: staged.id, no },
        ifMatch: staged.version,
      });
      setStaged(next);
      void message.success(`已撤销第${no}项修改，预览已更新`);
    } catch (e) {
      await reloadWhenChanged(e);
      throw e;
    }
  };
  const undoLast = async () => {
    setBusy("undo");
    try {
      await undo(staged.corrections.length);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };
  const { counts } = staged.preview;
  return (
    <>
      {!staged.confirmable && (
        <Alert
          className="section"
          type="error"
          showIcon
          title="存在有误的行，不能确认导入"
          description="请修改文件后重新上传，或勾选“跳过台账中有错误的行”重新上传。"
        />
      )}
      <ImportPreview staged={staged} correct={correct} undo={undo} />
      <ErrorNote message={error} />
      <div className="import-actions" role="region" aria-label="确认或放弃导入">
        <Button
          type="primary"
          disabled={!staged.confirmable || busy !== null}
          loading={busy === "confirm"}
          onClick={() => void act("confirm")}
        >
          确认导入
        </Button>
        <Button
          danger
          disabled={busy !== null}
          loading={busy === "discard"}
          onClick={() => void act("discard")}
        >
          放弃
        </Button>
        {staged.corrections.length > 0 && (
          <Button disabled={busy !== null} loading={busy === "undo"} onClick={() => void undoLast()}>
            撤销上一步
          </Button>
        )}
        <span className="import-actions-note" data-testid="import-actions-counts">
          问题 {counts.problems} 个，措施 {counts.measures} 项
        </span>
      </div>
    </>
  );
}

function Confirmed(props: { readonly confirmed: ConfirmedImport; readonly onAgain: () => void }): ReactNode {
  const { confirmed } = props;
  return (
    <Result
      status="success"
      title="导入完成"
      subTitle={`已建立台账：问题 ${confirmed.problems} 个，整改措施 ${confirmed.measures} 项`}
      extra={[
        <Button key="ledger" type="primary" {...linkTo(paths.ledger(confirmed.inspectionId))}>
          查看台账
        </Button>,
        <Button key="again" onClick={props.onAgain}>
          继续导入
        </Button>,
      ]}
    />
  );
}
