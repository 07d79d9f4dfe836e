// What a part of a responsibility cell is, by rules of Chinese names and posts: an organisation (it ends in an
// office word: 科/处/室/局/中心/队…), a person (two or three Han characters, four after a compound surname), a
// post (主任, 分管副镇长, 办公室主任) that is never a name, or a name written with its post (副镇长张伟, 李强镇长,
// 王明（副院长）). Pure; shared by the combined-cell split and the leader and person columns.

// Longest words first, so that 办公室 is not read as 室 alone (it makes no difference to the decision, but
// keeps the rule readable).
const ORG_SUFFIX =
  /(办公室|委员会|领导小组|工作专班|中心|公司|集团|大队|中队|支队|分局|街道|社区|党委|党组|工委|支部|总支|专班|科室|股室|处室|站所|科|处|室|局|办|委|部|队|所|站|院|校|股|组|厅|会|馆|社|镇|乡|村|行|厂|署|班)$/u;
const HAN = /^\p{Script=Han}+$/u;
export const COMPOUND_SURNAME =
  /^(欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|夏侯|令狐|宇文|司徒|西门|独孤|南宫|端木|申屠|轩辕|呼延|万俟|澹台|百里|东郭|钟离|闻人)/u;
/**
 * A post (主任, 副局长, 分管副镇长, 主要负责人, 市场科's 科长): beside a name (张三主任, 副局长李四) the ledger keeps
 * the person, not the post; alone it is no person's name.
 */
const POST_WORDS =
  "(?:分管|主要|常务|执行|党组|党委|党工委|纪委)?副?(?:主任|科长|局长|处长|部长|书记|经理|站长|所长|队长|院长|校长|镇长|乡长|县长|区长|市长|行长|厂长|馆长|社长|庭长|会长|秘书长|主席|组长|股长|总监|总经理|董事长|委员|干事|专员|主管|负责人|联系人|领导|负责同志)";
export const POST = new RegExp(`^${POST_WORDS}$`, "u");
export const POST_BEFORE = new RegExp(`^${POST_WORDS}`, "u");
export const POST_AFTER = new RegExp(`${POST_WORDS}$`, "u");
/** Words that open a post or a role, never a name (分管, 主要, 牵头…). */
const NOT_NAME = /^(分管|主要|常务|牵头|负责|责任|相关|领导)/u;
// A place (江北区, 城东镇) is no name: it keeps 江北区城管局 whole instead of reading a person 江北.
const PLACE_END = /[省市县区州镇乡村]$/u;

// The most common single-character surnames: a short part such as 李建科 starting with one may be a person
// whose given name ends like an office; the rest of the cell decides.
export const SURNAME =
  /^[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤]/u;

export const isOrg = (part: string): boolean => [...part].length >= 2 && ORG_SUFFIX.test(part);

export const isName = (part: string): boolean => {
  const length = [...part].length;
  if (!HAN.test(part) || isOrg(part) || POST.test(part) || NOT_NAME.test(part) || PLACE_END.test(part))
    return false;
  return length === 2 || length === 3 || (length === 4 && COMPOUND_SURNAME.test(part));
};

/** A name written with its post around it: 副镇长张伟 → 张伟 and 副镇长; undefined when no post is there. */
export function withoutPostWords(part: string): { bare: string; post: string } | undefined {
  const before = part.replace(POST_BEFORE, "");
  const bare = before.replace(POST_AFTER, "");
  if (bare === part || bare === "") return undefined;
  return { bare, post: part.slice(0, part.length - before.length) + before.slice(bare.length) };
}

/**
 * One name of a leader or person cell: a bracketed post dropped (张三（副局长）), a post before or after a name
 * dropped (副镇长张伟, 李强镇长); `name` null when the part is a post alone (站长, 分管副镇长) or an office with its
 * post (办公室主任) — no person's name, said by the caller. Anything else is kept as written.
 */
export function personName(written: string): { name: string | null; post: string | null } {
  const part = written.replace(/\s*[（(][^（）()]*[）)]$/u, "").trim() || written.trim();
  const squeezed = part.normalize("NFKC").replace(/\s+/g, "");
  if (POST.test(squeezed)) return { name: null, post: squeezed };
  const around = withoutPostWords(squeezed);
  if (around && isName(around.bare)) return { name: around.bare, post: around.post };
  if (around && isOrg(around.bare)) return { name: null, post: squeezed };
  return { name: part, post: null };
}
