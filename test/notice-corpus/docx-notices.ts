// The .docx entries of the notice corpus (test/fixtures/notices-docx/<name>.expected.json), built with the
// `docx` package the way Word users write them: problems in a Word table, headings numbered by Word's automatic
// numbering (the number is in numbering.xml, not in the text), footnotes and an attachment table of measures.
// Fictional organisations only.

import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from "docx";

const p = (text: string): Paragraph => new Paragraph({ children: [new TextRun(text)] });
const row = (cells: readonly string[]): TableRow =>
  new TableRow({ children: cells.map((c) => new TableCell({ children: [p(c)] })) });
const table = (rows: readonly (readonly string[])[]): Table => new Table({ rows: rows.map(row) });

const pack = (doc: Document): Promise<Buffer> => Packer.toBuffer(doc);

/** A hospital's notice whose problems sit in a Word table with 问题/整改措施/整改进展/状态 columns. */
function hospitalWordTable(): Promise<Buffer> {
  return pack(
    new Document({
      sections: [
        {
          children: [
            p("中共临江市第二人民医院委员会关于市委巡察反馈意见整改情况的通报"),
            p(
              "2024年4月1日至5月24日，市委第四巡察组对临江市第二人民医院党委开展了巡察，2024年7月12日反馈了巡察意见，指出问题5个。医院党委制定整改措施19条，截至2024年11月30日，已完成整改4个，正在推进1个。现将整改情况通报如下：",
            ),
            p("一、整改工作组织情况"),
            p("医院党委成立整改工作领导小组，召开专题会议6次，逐项研究整改措施。"),
            p("二、反馈问题整改情况"),
            table([
              ["序号", "问题", "整改措施", "整改进展", "状态"],
              [
                "1",
                "党委领导下的院长负责制落实不到位",
                "修订党委会和院长办公会议事规则，明确决策事项清单。",
                "议事规则已于2024年8月印发执行。",
                "已完成",
              ],
              [
                "2",
                "大型医用设备采购论证不充分",
                "建立设备采购可行性论证和使用效益评价制度。",
                "对近三年采购的21台设备开展效益评价。",
                "已完成",
              ],
              [
                "3",
                "医保基金使用不规范，存在超标准收费",
                "开展医保基金使用专项自查，清退违规收费。",
                "已退回违规收费38.2万元。",
                "已完成",
              ],
              [
                "4",
                "临床科室绩效考核指标设置不合理",
                "重新设置绩效考核指标体系。",
                "新方案已征求意见，计划2025年1月起实施。",
                "推进中",
              ],
              [
                "5",
                "护理人员配置不足",
                "招聘护理人员，优化排班。",
                "新招聘护士42名，床护比达到1:0.6。",
                "已完成",
              ],
            ]),
            p("欢迎广大干部职工和群众对整改落实情况进行监督。联系电话：0523-86501234。"),
            p("中共临江市第二人民医院委员会"),
            p("2024年12月10日"),
          ],
        },
      ],
    }),
  );
}

/** The numbering of official documents as Word defines it: 一、 / （一） / 1. / ①, one level each. */
export const OUTLINE_LEVELS = [
  { level: 0, format: LevelFormat.CHINESE_COUNTING, text: "%1、", alignment: AlignmentType.LEFT },
  { level: 1, format: LevelFormat.CHINESE_COUNTING, text: "（%2）", alignment: AlignmentType.LEFT },
  { level: 2, format: LevelFormat.DECIMAL, text: "%3.", alignment: AlignmentType.LEFT },
  { level: 3, format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: "%4", alignment: AlignmentType.LEFT },
];

/** An education bureau's notice whose 一、/（一）/1. headings come from Word's automatic numbering. */
function educationAutoNumbering(): Promise<Buffer> {
  const h = (text: string, level: number): Paragraph =>
    new Paragraph({ children: [new TextRun(text)], numbering: { reference: "outline", level } });
  return pack(
    new Document({
      numbering: { config: [{ reference: "outline", levels: OUTLINE_LEVELS }] },
      sections: [
        {
          children: [
            p("中共桐山县教育局党组关于县委巡察反馈意见整改情况的通报"),
            p(
              "根据县委统一部署，2024年3月11日至4月26日，县委第五巡察组对县教育局党组开展了常规巡察，并于2024年6月7日反馈了巡察意见，指出2个方面4个问题。局党组制定整改措施15条，截至2024年10月31日，3个问题已整改完成，1个问题正在整改。现将整改情况通报如下：",
            ),
            h("整改工作开展情况", 0),
            p("局党组把巡察整改作为重要政治任务，成立整改工作领导小组，建立整改台账。"),
            h("反馈问题整改落实情况", 0),
            h("教育领域民生实事推进方面", 1),
            h("城区学校大班额问题化解不力。", 2),
            p("整改措施：新建城区小学2所、初中1所，新增学位3600个。"),
            p("整改情况：已完成整改。"),
            h("农村学校教师流失严重。", 2),
            p("整改措施：落实乡村教师生活补助，新建教师周转房120套。"),
            p("整改情况：正在整改，需持续推进。"),
            h("全面从严治党方面", 1),
            h("校园食堂经营管理不规范。", 2),
            p("整改措施：全县中小学食堂全部收回自营，推行“互联网+明厨亮灶”。"),
            p("整改情况：已完成整改。"),
            h("教辅材料征订存在违规收费。", 2),
            p("整改措施：开展教辅材料征订专项检查，清退违规收费12.4万元。"),
            p("整改情况：已完成整改。"),
            p("中共桐山县教育局党组"),
            p("2024年11月12日"),
          ],
        },
      ],
    }),
  );
}

/** A SOE's notice with footnotes on its counts and an 附件 table of measures after the signature. */
function footnotesAttachmentTable(): Promise<Buffer> {
  return pack(
    new Document({
      footnotes: {
        1: { children: [p("含立行立改问题2个。")] },
        2: { children: [p("整改措施明细见附件。")] },
      },
      sections: [
        {
          children: [
            p("中共北辰能源集团有限公司委员会关于市委巡察反馈意见整改情况的通报"),
            new Paragraph({
              children: [
                new TextRun(
                  "2024年5月6日至6月21日，市委第一巡察组对北辰能源集团有限公司党委进行了巡察，8月2日反馈了巡察意见，共指出问题4个",
                ),
                new FootnoteReferenceRun(1),
                new TextRun("。集团党委制定整改措施12条"),
                new FootnoteReferenceRun(2),
                new TextRun("，截至2024年12月15日，已全部完成整改。现将整改情况通报如下："),
              ],
            }),
            p("一、关于安全生产责任落实不到位的问题"),
            p("整改情况：修订安全生产责任制，开展隐患排查治理，整改隐患127处。已完成整改。"),
            p("二、关于煤炭采购定价机制不透明的问题"),
            p("整改情况：建立煤炭采购比价和集体决策机制，实行采购信息公开。已完成整改。"),
            p("三、关于所属企业违规对外出借资金的问题"),
            p("整改情况：收回出借资金2300万元，对3名责任人给予处分。已完成整改。"),
            p("四、关于职工培训经费使用效益不高的问题"),
            p("整改情况：修订职工教育培训管理办法，建立培训效果评估制度。已完成整改。"),
            p("中共北辰能源集团有限公司委员会"),
            p("2024年12月20日"),
            p("附件：整改措施明细表"),
            table([
              ["序号", "整改措施", "责任部门", "完成时限"],
              ["1", "修订安全生产责任制", "安全环保部", "2024年9月30日"],
              ["2", "开展隐患排查治理", "安全环保部", "2024年11月30日"],
              ["3", "建立煤炭采购比价机制", "物资采购中心", "2024年10月31日"],
              ["4", "收回出借资金", "财务部", "2024年12月15日"],
            ]),
          ],
        },
      ],
    }),
  );
}

/** Name (as in test/fixtures/notices-docx/<name>.expected.json) → builder of the .docx. */
export const DOCX_NOTICES: Readonly<Record<string, () => Promise<Buffer>>> = {
  "d01-hospital-word-table": hospitalWordTable,
  "d02-education-auto-numbering": educationAutoNumbering,
  "d03-soe-footnotes-attachment-table": footnotesAttachmentTable,
};
