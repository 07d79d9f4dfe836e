// One cell holding who answers for a measure (牵头单位及责任人: 市场科 张三, 张三（市场科）, 市场科张三, 孙小明信息中心;
// 责任领导及责任人: 王明（副院长）/ 医务科 李华): split into leader, departments and people by the rules of
// person-names.ts. A part that is neither department nor person, a post without a name, a name glued to a
// department that no rule can cut off, and another value than the row's own column are said at the cell, never
// guessed silently. Also expands such cells of a row into leader, department and person cells. Pure.

import type { RowCells, SheetCell } from "./collected-ledger.ts";
import type { LedgerField } from "./ledger-columns.ts";
import { splitNames } from "./ledger-row-inputs.ts";
import { COMPOUND_SURNAME, isName, isOrg, POST, SURNAME, withoutPostWords } from "./person-names.ts";

const nameKey = (s: string): string => s.normalize("NFKC").replace(/\s+/g, "");

/** The parts of a combined cell; `undecided` are parts that read as neither a department nor a person. */
export interface ResponsibleParts {
  readonly departments: readonly string[];
  readonly people: readonly string[];
  readonly undecided: readonly string[];
  /** Posts written without a name (局长, 办公室主任's 主任, 分管副局长): no person, said at the cell. */
  readonly posts: readonly string[];
  /** Parts kept whole as a department that may open with a name no rule can cut off (吴刚慈善事业促进中心). */
  readonly glued?: readonly string[];
}

const SEPARATORS = /[\s、,，;；:：/／|｜()（）[\]【】<>《》\-—–]+/u;

/** Two or three characters after a common surname ending in 科 (李建科, 王科): an office or a given name. */
const mayBeName = (part: string): boolean =>
  /^\p{Script=Han}+$/u.test(part) &&
  [2, 3].includes([...part].length) &&
  SURNAME.test(part) &&
  part.endsWith("科");

// What offices do (信息, 财务, 办公…): a department written straight after a name (孙小明信息中心) is read as
// one only when its words open with such a function, so that 孙小明 + 信息中心 wins over 孙小 + 明信息中心 and a
// unit's own name (吴刚慈善事业促进中心) is not cut at a guess.
const OFFICE_FUNCTION =
  /^(团委|工会|妇联|党办|办公|信息|财务|人事|人力|综合|组织|宣传|纪检|监察|审计|法规|法制|政策|规划|发展|执法|安全|安监|应急|后勤|总务|教务|医务|医政|药政|护理|设备|社会|养老|救助|服务|管理|技术|质量|市场|营销|工程|项目|计划|统计|科技|党建|党政|经济|经发|经管|农业|城建|环保|财政|行政|招商|投资|战略|风控|合规|法务|资产|运营|生产|文化|教育|卫生|机关|工会|档案|保卫|网信|数据|信访|督查|考核|培训|学生|德育|离退休|老干|社区|宣教|基建|采购|物资|保障|监督|政工|群工)/u;
/** Longest office name read after a glued name. */
const OFFICE_MAX = 7;
// A place opening the rest (区城管局) is no department part of a glued name.
const PLACE_START = /^[省市县区州镇乡村街]/u;

/**
 * A part ending like an office that may open with a name (孙小明信息中心, 李建国办公室): the one reading whose
 * office part opens with an office's function; "unsure" when a name-then-office reading exists but none (or
 * several) opens so; undefined when no name can be read at its start (江北区城管局, 机关党委).
 */
function nameBeforeOffice(part: string): { department: string; person: string } | "unsure" | undefined {
  if (!SURNAME.test(part) && !COMPOUND_SURNAME.test(part)) return undefined;
  const chars = [...part];
  const readings: { department: string; person: string }[] = [];
  for (let k = 2; k <= Math.min(4, chars.length - 2); k++) {
    const person = chars.slice(0, k).join("");
    const department = chars.slice(k).join("");
    // An office's name is short (信息中心, 社会救助科, 综合执法大队); a longer body (技术产业开发区管委会) is a unit's
    // own name, never cut after its first characters.
    if (
      isName(person) &&
      isOrg(department) &&
      !PLACE_START.test(department) &&
      [...department].length <= OFFICE_MAX
    )
      readings.push({ department, person });
  }
  if (readings.length === 0) return undefined;
  const functional = readings.filter((r) => OFFICE_FUNCTION.test(r.department));
  return functional.length === 1 ? functional[0] : "unsure";
}

/**
 * A part without separators that is an organisation followed by a name, or a name followed by one; undefined
 * when no split, or more than one (王明华市场科: 王明 + 华市场科 or 王明华 + 市场科), reads so.
 */
function splitJoined(part: string): { department: string; person: string } | undefined {
  const chars = [...part];
  const splits: { department: string; person: string }[] = [];
  for (let k = 2; k <= chars.length - 2; k++) {
    const head = chars.slice(0, k).join("");
    const tail = chars.slice(k).join("");
    if (isOrg(head) && isName(tail)) splits.push({ department: head, person: tail });
    if (isName(head) && isOrg(tail)) splits.push({ department: tail, person: head });
  }
  return splits.length === 1 ? splits[0] : undefined;
}

/** Splits a combined department-and-person cell. */
export function splitResponsible(text: string): ResponsibleParts {
  const departments: string[] = [];
  const people: string[] = [];
  const undecided: string[] = [];
  const posts: string[] = [];
  const glued: string[] = [];
  const parts = text
    .normalize("NFKC")
    .split(SEPARATORS)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const either: string[] = [];
  for (const part of parts) {
    const around = withoutPostWords(part);
    const bare = around?.bare ?? part;
    const named = isOrg(part) ? nameBeforeOffice(part) : undefined;
    if (POST.test(part)) posts.push(part);
    else if (mayBeName(part)) either.push(part);
    else if (named !== undefined && named !== "unsure") {
      departments.push(named.department);
      people.push(named.person);
    } else if (isOrg(part)) {
      departments.push(part);
      if (named === "unsure") glued.push(part);
    } else if (isName(bare)) people.push(bare);
    // 办公室主任, 市场科负责人: the office and its post, no name.
    else if (around && isOrg(bare)) {
      departments.push(bare);
      posts.push(around.post);
    } else {
      const joined = splitJoined(part);
      if (joined) {
        departments.push(joined.department);
        people.push(joined.person);
      } else undecided.push(part);
    }
  }
  // 财务科 李建科: with a department and no person beside it, the surname-led part is the person; with a
  // person beside it, a department; alone, undecided.
  for (const part of either) {
    if (people.length === 0 && departments.length > 0) people.push(part);
    else if (people.length > 0) departments.push(part);
    else undecided.push(part);
  }
  // With a person named apart (石化公司 张三), the office part holds no name.
  const doubtful = people.length === 0 ? glued : [];
  return { departments, people, undecided, posts, ...(doubtful.length > 0 ? { glued: doubtful } : {}) };
}

/** A finding about a combined cell: its column and the Chinese words. */
export interface CellWarning {
  readonly column: number;
  readonly message: string;
}

/** The combined columns, read in this order: a leader's cell may also give department and person. */
const COMBINED = ["leaderAndPerson", "departmentAndPerson"] as const;
const LABEL = { leader: "牵头领导", department: "责任部门", person: "责任人" } as const;

/**
 * The combined cells' parts as leader, department and person cells, where the row has none of its own: in a
 * 责任领导及责任人 cell the first name is the leader (the header names the leader first) and the others the
 * person; `warnings` (Chinese, at the cell) for a part read as neither department nor person, a post without a
 * name, a possible name glued to a department kept whole, or a value differing from the row's own column.
 */
export function expandResponsibleCell(
  cells: RowCells,
): { cells: RowCells; warnings: readonly CellWarning[] } | null {
  let out: Map<LedgerField, SheetCell> | null = null;
  const warnings: CellWarning[] = [];
  for (const field of COMBINED) {
    const cell = cells.get(field);
    if (!cell || cell.text === "") continue;
    out ??= new Map(cells);
    const message = expandOne(cell, field === "leaderAndPerson", cells, out);
    if (message !== null) warnings.push({ column: cell.column, message });
  }
  return out === null ? null : { cells: out, warnings };
}

/** Puts one combined cell's parts into `out`; the warning's words, or null. */
function expandOne(
  cell: SheetCell,
  withLeader: boolean,
  cells: RowCells,
  out: Map<LedgerField, SheetCell>,
): string | null {
  const parts = splitResponsible(cell.text);
  const departments = [...parts.departments];
  const people = [...parts.people];
  const leaders = withLeader ? people.splice(0, 1) : [];
  const placed: string[] = [];
  for (const part of parts.undecided) {
    const toDepartment = departments.length === 0;
    (toDepartment ? departments : people).push(part);
    placed.push(`“${part}”记为${toDepartment ? "责任单位" : "责任人"}`);
  }
  const said: string[] = [];
  const shown = cell.text.slice(0, 40);
  const put = (field: "leader" | "department" | "person", names: readonly string[]) => {
    const own = cells.get(field)?.text.trim() ?? "";
    if (names.length === 0) return;
    if (own === "") {
      const text = names.join("、");
      out.set(field, { value: text, text, column: cell.column, filled: cell.filled });
      return;
    }
    // The row's own column wins; a combined cell naming someone else is said, not dropped unseen.
    const ownNames = new Set(splitNames(own).map(nameKey));
    const other = names.filter((n) => !ownNames.has(nameKey(n)));
    if (other.length > 0)
      said.push(
        `“${shown}”中的${other.map((n) => `“${n}”`).join("、")}与本行${LABEL[field]}“${own}”不一致，按${LABEL[field]}列导入“${own}”，请核对`,
      );
  };
  put("leader", leaders);
  put("department", departments);
  put("person", people);
  if (placed.length > 0)
    said.unshift(
      `“${shown}”未能完全拆分为责任单位和责任人（${parts.undecided.map((p) => `“${p}”`).join("、")}既不像单位名称也不像人名），${placed.join("，")}，请核对`,
    );
  for (const part of parts.glued ?? [])
    said.push(
      `“${part}”可能是人名与单位名称连写，无法确定从哪里分开，整格记为责任单位，请核对（可在姓名与单位之间加空格）`,
    );
  const named = leaders.length + people.length;
  if (parts.posts.length > 0 && named === 0 && (cells.get("person")?.text.trim() ?? "") === "")
    said.unshift(
      departments.length === 0
        ? `“${shown}”中的${parts.posts.map((p) => `“${p}”`).join("、")}是职务，不是姓名，也没有单位名称，未导入责任单位和责任人，请补写姓名`
        : `“${shown}”中的${parts.posts.map((p) => `“${p}”`).join("、")}是职务，不是姓名，未记为责任人，请补写姓名`,
    );
  if (departments.length + named + parts.posts.length === 0)
    said.push(`“${shown}”中没有单位名称或人名，未导入责任单位和责任人，请核对`);
  return said.length === 0 ? null : said.join("；");
}

/** A sheet's field → column map in which leader, department and person name a combined column when they have none. */
export function withResponsibleColumns(
  columns: ReadonlyMap<LedgerField, number>,
): ReadonlyMap<LedgerField, number> {
  const out = new Map(columns);
  const leaderCell = columns.get("leaderAndPerson");
  if (leaderCell !== undefined && !out.has("leader")) out.set("leader", leaderCell);
  for (const combined of COMBINED) {
    const column = columns.get(combined);
    if (column === undefined) continue;
    for (const field of ["department", "person"] as const) if (!out.has(field)) out.set(field, column);
  }
  return out;
}
