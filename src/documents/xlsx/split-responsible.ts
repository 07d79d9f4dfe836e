// One cell holding the responsible department and person (牵头单位及责任人: 市场科 张三, 市场科（张三）,
// 张三（市场科）, 市场科：张三, 市场科张三, 人事科、财务科 赵六): split into departments and people by rule — a
// part ending in an organisation's word (科/处/室/局/办/中心/委/部/队/所/站/院/公司…) is a department, two or
// three Chinese characters (four after a compound surname) a person; a part that is neither is said, never
// guessed silently; a post (主任, 科长, 负责人, 分管副局长) is never taken for a name, and a cell giving no name, or
// another department than the row's own column, is said at the cell. A name written straight before a department (孙小明信息中心) ends like a department and is
// read as one: without a list of names nothing tells 孙小明 + 信息中心 from 江北 + 区城管局. Also expands such a
// cell of a row into department and person cells. Pure.

import type { RowCells, SheetCell } from "./collected-ledger.ts";
import type { LedgerField } from "./ledger-columns.ts";
import { splitNames } from "./ledger-row-inputs.ts";

const nameKey = (s: string): string => s.normalize("NFKC").replace(/\s+/g, "");

/** The parts of a combined cell; `undecided` are parts that read as neither a department nor a person. */
export interface ResponsibleParts {
  readonly departments: readonly string[];
  readonly people: readonly string[];
  readonly undecided: readonly string[];
  /** Posts written without a name (局长, 办公室主任's 主任, 分管副局长): no person, said at the cell. */
  readonly posts: readonly string[];
}

// Longest words first, so that 办公室 is not read as 室 alone (it makes no difference to the decision, but
// keeps the rule readable).
const ORG_SUFFIX =
  /(办公室|委员会|领导小组|工作专班|中心|公司|集团|大队|中队|支队|分局|街道|社区|党委|党组|工委|支部|总支|专班|科室|股室|处室|站所|科|处|室|局|办|委|部|队|所|站|院|校|股|组|厅|会|馆|社|镇|乡|村|行|厂|署|班)$/u;
const HAN = /^\p{Script=Han}+$/u;
const COMPOUND_SURNAME =
  /^(欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|夏侯|令狐|宇文|司徒|西门|独孤|南宫|端木|申屠|轩辕|呼延|万俟|澹台|百里|东郭|钟离|闻人)/u;
/**
 * A post (主任, 副局长, 分管副局长, 主要负责人, 市场科's 科长): beside a name (张三主任, 副局长李四) the ledger keeps
 * the person, not the post; alone it is no person's name.
 */
const POST_WORDS =
  "(?:分管|主要|常务|执行|党组|党委)?副?(?:主任|科长|局长|处长|部长|书记|经理|站长|所长|队长|院长|校长|主席|组长|股长|总监|总经理|董事长|委员|干事|专员|负责人|联系人|领导|负责同志)";
const POST = new RegExp(`^${POST_WORDS}$`, "u");
const POST_BEFORE = new RegExp(`^${POST_WORDS}`, "u");
const POST_AFTER = new RegExp(`${POST_WORDS}$`, "u");
/** Words that open a post or a role, never a name (分管, 主要, 牵头…). */
const NOT_NAME = /^(分管|主要|常务|牵头|负责|责任|相关|领导)/u;
const SEPARATORS = /[\s、,，;；:：/／|｜()（）[\]【】<>《》\-—–]+/u;

// The most common single-character surnames: a short part such as 李建科 starting with one may be a person
// whose given name ends like an office; the rest of the cell decides.
const SURNAME =
  /^[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤]/u;

const isOrg = (part: string): boolean => [...part].length >= 2 && ORG_SUFFIX.test(part);
/** Two or three characters after a common surname ending in 科 (李建科, 王科): an office or a given name. */
const mayBeName = (part: string): boolean =>
  HAN.test(part) && [2, 3].includes([...part].length) && SURNAME.test(part) && part.endsWith("科");
const isName = (part: string): boolean => {
  const length = [...part].length;
  if (!HAN.test(part) || isOrg(part) || POST.test(part) || NOT_NAME.test(part)) return false;
  return length === 2 || length === 3 || (length === 4 && COMPOUND_SURNAME.test(part));
};

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
  const parts = text
    .normalize("NFKC")
    .split(SEPARATORS)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const either: string[] = [];
  for (const part of parts) {
    const before = part.replace(POST_BEFORE, "");
    const bare = before.replace(POST_AFTER, "");
    const post = part.slice(0, part.length - before.length) + before.slice(bare.length);
    if (POST.test(part)) posts.push(part);
    else if (mayBeName(part)) either.push(part);
    else if (isOrg(part)) departments.push(part);
    else if (bare !== "" && isName(bare)) people.push(bare);
    // 办公室主任, 市场科负责人: the office and its post, no name.
    else if (bare !== "" && bare !== part && isOrg(bare)) {
      departments.push(bare);
      posts.push(post);
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
  return { departments, people, undecided, posts };
}

/**
 * The combined cell's parts as department and person cells, where the row has none of its own; `warning`
 * (Chinese) when a part read as neither department nor person and was put where the row was still empty.
 */
export function expandResponsibleCell(
  cells: RowCells,
): { cells: RowCells; column: number; warning: string | null } | null {
  const cell = cells.get("departmentAndPerson");
  if (!cell || cell.text === "") return null;
  const parts = splitResponsible(cell.text);
  const departments = [...parts.departments];
  const people = [...parts.people];
  const placed: string[] = [];
  for (const part of parts.undecided) {
    const toDepartment = departments.length === 0;
    (toDepartment ? departments : people).push(part);
    placed.push(`“${part}”记为${toDepartment ? "责任单位" : "责任人"}`);
  }
  const out = new Map<LedgerField, SheetCell>(cells);
  const said: string[] = [];
  const shown = cell.text.slice(0, 40);
  const put = (field: "department" | "person", names: readonly string[]) => {
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
    const label = field === "department" ? "责任部门" : "责任人";
    if (other.length > 0)
      said.push(
        `“${shown}”中的${other.map((n) => `“${n}”`).join("、")}与本行${label}“${own}”不一致，按${label}列导入“${own}”，请核对`,
      );
  };
  put("department", departments);
  put("person", people);
  if (placed.length > 0)
    said.unshift(
      `“${shown}”未能完全拆分为责任单位和责任人（${parts.undecided.map((p) => `“${p}”`).join("、")}既不像单位名称也不像人名），${placed.join("，")}，请核对`,
    );
  if (parts.posts.length > 0 && people.length === 0 && (cells.get("person")?.text.trim() ?? "") === "")
    said.unshift(
      departments.length === 0
        ? `“${shown}”中的${parts.posts.map((p) => `“${p}”`).join("、")}是职务，不是姓名，也没有单位名称，未导入责任单位和责任人，请补写姓名`
        : `“${shown}”中的${parts.posts.map((p) => `“${p}”`).join("、")}是职务，不是姓名，未记为责任人，请补写姓名`,
    );
  if (departments.length + people.length + parts.posts.length === 0)
    said.push(`“${shown}”中没有单位名称或人名，未导入责任单位和责任人，请核对`);
  return { cells: out, column: cell.column, warning: said.length === 0 ? null : said.join("；") };
}

/** A sheet's field → column map in which department and person name the combined column when they have none. */
export function withResponsibleColumns(
  columns: ReadonlyMap<LedgerField, number>,
): ReadonlyMap<LedgerField, number> {
  const combined = columns.get("departmentAndPerson");
  if (combined === undefined) return columns;
  const out = new Map(columns);
  for (const field of ["department", "person"] as const) if (!out.has(field)) out.set(field, combined);
  return out;
}
