// The field a ledger header cell names, read from the words it contains (措施/任务 → measure, 领导 → leader…)
// when it is none of the exact synonyms. Pure. Rules run from the most specific to the most general, so
// 措施类别 is a kind and not a measure, 整改措施完成情况 a status, 问题类别 an aspect and 问题表现 symptoms.

import { fieldForHeader, normalizeHeader, type ColumnMap, type LedgerField } from "./ledger-columns.ts";

/** How sure a header match is: an explicit --map or exact synonym beats a keyword. */
export interface HeaderMatch {
  readonly field: LedgerField;
  /** 3 = --map or an exact synonym; 2 = a keyword rule. */
  readonly strength: 2 | 3;
}

/** Header cells are short; longer text is data or a title, never read by keywords. */
const MAX_HEADER_LENGTH = 16;

// A count or rate column (涉及问题数, 整改措施数, 按期完成率) names no field even when it mentions one; nor
// does where a problem came from (问题来源: 巡视、审计…), which is no problem text.
const TALLY = /(数|个数|条数|总数|数量|率|比例|占比)$|来源$/;

/** A count or rate column (涉及问题数, 按期完成率): a statistics table has several, a list none. */
export const isTallyHeader = (text: string): boolean => TALLY.test(normalizeHeader(text));

const KEYWORD_RULES: readonly (readonly [RegExp, LedgerField])[] = [
  // A measure's own number (措施序号, 任务编号, 举措编号) is never the problem's 编号.
  [/(措施|任务|举措)(序号|编号|号)$/, "measureNo"],
  [/被(巡察|巡视|审计|督察|检查)(单位|党组织|对象)/, "unit"],
  [/配合|协办|协同|参与(部门|单位)/, "cooperating"],
  // 问题类型 sorts problems (党的建设, 四风…) like 问题类别; only a measure's type is a kind.
  [/问题(类型|类别|分类)/, "aspect"],
  [/(措施|整改|任务)(类型|类别|分类|方式)|类型/, "kind"],
  // 整改措施及进展情况: one cell holding the measure and how it went is read as the measure.
  [/(措施|举措|任务)(及|和|与|、)(进展|进度|完成|落实|成效)/, "measure"],
  [/(销号|办结|实际完成)(时间|日期)/, "closedOn"],
  [/审核人|审核/, "reviewer"],
  [/佐证|证明材料|附件/, "evidenceCount"],
  [/备注|说明/, "note"],
  [/状态|完成情况|是否(完成|办结|销号)|办理情况|(整改|完成)进度|销号情况/, "status"],
  [/成效|效果|进展|进度|情况$/, "progress"],
  [/责任人|经办人|联系人|负责人|承办人/, "person"],
  [/领导/, "leader"],
  // Any other 责任… (责任主体, 责任站所, 责任股室) names who answers for the measure: a department.
  [/部门|科室|处室|单位|责任|牵头|承办|站所|股室/, "department"],
  [/时限|期限|时间|日期|截止|完成时/, "deadline"],
  [/反馈原文|反馈意见|原文/, "feedbackText"],
  [/表现|具体问题/, "symptoms"],
  [/措施|任务|举措|整改内容|整改要求|工作要求|整改事项|整改(计划|方案|办法|思路)/, "measure"],
  [/(问题)(类别|分类|方面)|方面|领域|类别|分类/, "aspect"],
  [/问题/, "problem"],
  [/^(序号|编号|序|号|No\.?|NO\.?)$|序号|编号/, "no"],
];

// One column for the department and its person (牵头单位及责任人, 责任单位/责任人, 责任单位（责任人）): read
// before the exact synonyms, which would take 责任单位（责任人） for 责任单位 without its bracket.
const DEPARTMENT_AND_PERSON =
  /(单位|部门|科室|处室|站所|股室)[及和与、/(]?(具体)?(责任人|负责人|联系人|经办人)\)?$/;

// One column for the leader and who else answers (责任领导及责任人, 责任领导/责任科室/责任人, 分管领导及责任科室).
const LEADER_AND_PERSON = /领导[及和与、/(].*(责任人|负责人|联系人|经办人|单位|部门|科室|处室|站所|股室)\)?$/;

/** The field of a header cell: --map, then the exact synonyms, then the keyword rules; undefined when none. */
export function matchHeader(text: string, map?: ColumnMap): HeaderMatch | undefined {
  const exact = fieldForHeader(text, map);
  const mapped = map?.has(normalizeHeader(text)) === true;
  if (!mapped && LEADER_AND_PERSON.test(normalizeHeader(text)))
    return { field: "leaderAndPerson", strength: 3 };
  if (!mapped && DEPARTMENT_AND_PERSON.test(normalizeHeader(text)))
    return { field: "departmentAndPerson", strength: 3 };
  if (exact !== undefined) return { field: exact, strength: 3 };
  const bare = normalizeHeader(text).replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, "");
  if (bare === "" || bare.length > MAX_HEADER_LENGTH || TALLY.test(bare)) return undefined;
  for (const [pattern, field] of KEYWORD_RULES) if (pattern.test(bare)) return { field, strength: 2 };
  return undefined;
}
