// 已做的修改: the corrections made to an import's preview so far, oldest first, each said in Chinese with who and when,
// and each with its own 撤销. The server replays the others without it on the file as uploaded; when a later
// correction was made on what this one changed, its refusal (naming that correction) is shown above the list. Below it,
// greyed, the corrections made and then undone (已撤销：…, who made and who undid each, and when): they no longer count,
// but every change stays on record and goes into the confirmed ledger's audit trail too.
import { Button, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { errorText } from "../api.ts";
import { formatInstant } from "../labels.ts";
import type { StagedImport } from "../models.ts";
import { ErrorNote } from "./PageState.tsx";

/** Undoes correction number `no` (1-based, as listed) and shows the answer; throws the server's refusal. */
export type Undo = (no: number) => Promise<void>;

export function CorrectionList(props: {
  readonly staged: StagedImport;
  readonly undo?: Undo;
  /** On a phone: buttons large enough for a thumb. */
  readonly touch?: boolean;
}): ReactNode {
  const { corrections, undoneCorrections } = props.staged;
  const { undo } = props;
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (corrections.length === 0 && undoneCorrections.length === 0) return null;
  const undoOne = async (no: number) => {
    if (undo === undefined) return;
    setBusy(no);
    setError(null);
    try {
      await undo(no);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <ErrorNote message={error} />
      <ol className="correction-log">
        {corrections.map((c, i) => (
          <li key={`${i + 1} ${c.at}`}>
            <span className="correction-text">
              <Typography.Text type="secondary">
                {i + 1}. {formatInstant(c.at)} {c.by.name}：
              </Typography.Text>
              {c.summary}
            </span>
            {undo && (
              <Button
                size={props.touch ? "middle" : "small"}
                aria-label={`撤销第${i + 1}项修改`}
                loading={busy === i + 1}
                disabled={busy !== null && busy !== i + 1}
                onClick={() => void undoOne(i + 1)}
              >
                撤销
              </Button>
            )}
          </li>
        ))}
      </ol>
      {undoneCorrections.length > 0 && (
        <ol className="correction-undone-log" aria-label="已撤销的修改">
          {undoneCorrections.map((c) => (
            <li key={`${c.undoneAt} ${c.at} ${c.summary}`} className="correction-text">
              已撤销：{c.summary}
              <span className="correction-undone-by">
                （{formatInstant(c.at)} {c.by.name}修改，{formatInstant(c.undoneAt)} {c.undoneBy.name}撤销）
              </span>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
