// What a person has open in an import's preview: the problems whose measures show, the correction dialog, the title
// being typed. Kept above the two layouts (below antd's md breakpoint the problems are cards, above it a table): a
// tablet turned across 768 px draws the other layout, and whatever lived only in the one it left was gone — the open
// rows folded, a dialog closed with what had been typed in it.
import { createContext, use, useCallback, useMemo, useRef, useState, type RefObject } from "react";

/** A correction dialog of the preview, by the numbers of what it corrects. */
export type PreviewDialog =
  | { readonly kind: "merge"; readonly problemNo: number }
  | { readonly kind: "split"; readonly problemNo: number }
  | { readonly kind: "measure"; readonly problemNo: number; readonly measureNo: number };

export interface PreviewUi {
  /** Numbers of the problems whose measures show (the table's open rows, the cards opened with 查看措施). */
  readonly open: ReadonlySet<number>;
  readonly setOpen: (problemNo: number, open: boolean) => void;
  /** The problem opened last, brought into view when the layout changes; null when it was closed since. */
  readonly lastOpened: RefObject<number | null>;
  readonly dialog: PreviewDialog | null;
  readonly showDialog: (dialog: PreviewDialog | null) => void;
  /** The problem whose title is being edited. */
  readonly editingTitle: number | null;
  /** What has been typed into that title so far (a ref: typing redraws nothing). */
  readonly titleText: RefObject<string>;
  /** Starts editing a problem's title with `text`, or (null) ends it. */
  readonly editTitle: (problemNo: number | null, text?: string) => void;
}

export const PreviewUiContext = createContext<PreviewUi | null>(null);

/** The state of one preview, for ImportPreview to provide. */
export function usePreviewUiState(): PreviewUi {
  const [open, setOpenSet] = useState<ReadonlySet<number>>(new Set());
  const [dialog, showDialog] = useState<PreviewDialog | null>(null);
  const [editingTitle, setEditingTitle] = useState<number | null>(null);
  const lastOpened = useRef<number | null>(null);
  const titleText = useRef("");
  const setOpen = useCallback((problemNo: number, shown: boolean) => {
    lastOpened.current = shown ? problemNo : lastOpened.current === problemNo ? null : lastOpened.current;
    setOpenSet((before) => {
      const after = new Set(before);
      if (shown) after.add(problemNo);
      else after.delete(problemNo);
      return after;
    });
  }, []);
  const editTitle = useCallback((problemNo: number | null, text = "") => {
    titleText.current = text;
    setEditingTitle(problemNo);
  }, []);
  return useMemo(
    () => ({ open, setOpen, lastOpened, dialog, showDialog, editingTitle, titleText, editTitle }),
    [open, setOpen, dialog, editingTitle, editTitle],
  );
}

/** The state of the preview this component is drawn in. */
export function usePreviewUi(): PreviewUi {
  const ui = use(PreviewUiContext);
  if (ui === null) throw new Error("usePreviewUi outside an ImportPreview");
  return ui;
}
