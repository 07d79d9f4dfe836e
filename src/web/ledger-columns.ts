// Which optional columns the ledger shows: chosen by the person and remembered in this browser (localStorage), so
// that a clerk who hides 类型 finds it hidden tomorrow. 序号 and 整改措施 are always shown.

export const LEDGER_COLUMNS = {
  kind: "类型",
  leader: "牵头领导",
  department: "责任部门",
  person: "责任人",
  deadline: "整改时限",
  originalDeadline: "原定时限",
  state: "状态",
  closedOn: "销号时间",
} as const;

export type LedgerColumn = keyof typeof LEDGER_COLUMNS;

export const DEFAULT_LEDGER_COLUMNS: readonly LedgerColumn[] = [
  "kind",
  "department",
  "person",
  "deadline",
  "state",
];

const STORAGE_KEY = "zhenggai.ledger.columns";

/** The part of the browser's localStorage used here (no DOM types: tests run it in Node with a Map). */
export interface ChoiceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const isColumn = (value: unknown): value is LedgerColumn =>
  typeof value === "string" && Object.hasOwn(LEDGER_COLUMNS, value);

/** The remembered choice; anything unreadable (another version, a hand-edited value) gives the default. */
export function rememberedLedgerColumns(storage: ChoiceStorage | null): LedgerColumn[] {
  try {
    const stored: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? "null");
    if (Array.isArray(stored)) return stored.filter(isColumn);
  } catch {
    // Not JSON: fall through to the default.
  }
  return [...DEFAULT_LEDGER_COLUMNS];
}

export function rememberLedgerColumns(storage: ChoiceStorage | null, columns: readonly LedgerColumn[]): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(columns));
  } catch {
    // Storage full or forbidden (private mode): the choice holds for this visit only.
  }
}
