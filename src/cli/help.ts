// Help text in Chinese and English. Lists only commands that work.

export const VERSION = "0.1.0";

export const HELP = `zhenggai ${VERSION} — 整改台账 / rectification ledger

用法 Usage:
  zhenggai serve [--port N] [--host H] [--data DIR]
      启动服务（API），默认 http://127.0.0.1:8080，数据存放在 ./data（SQLite）
      Start the server; default http://127.0.0.1:8080, data in ./data (SQLite)
  zhenggai db migrate [--data DIR]
      将数据库结构升级到最新版本 / Apply pending database migrations
  zhenggai import notice FILE [--dry-run] [--json] [--unit NAME] [--allow-duplicate] [--data DIR]
      导入整改情况通报（.txt/.md/.docx）为新台账；--dry-run 只检查不写入；--json 输出识别结果；
      同一单位已导入过内容相同的通报时拒绝，--allow-duplicate 仍再建一份
      Import a rectification notice into a new ledger; --dry-run checks only; --json prints what was read;
      the same notice is not imported twice for a unit unless --allow-duplicate
  zhenggai report notice --inspection ID --version internal|public [--layout status|aspect]
                        [--format docx|md|html|pdf] --out FILE [--date YYYY-MM-DD] [--grid portable|word]
                        [--issuer 发文机关] [--issuer-mark 发文机关标志] [--doc-number 发文字号] [--signer 签发人 …]
                        [--addressee 主送机关] [--attachment 附件名 …] [--contact-person 联系人] [--contact-phone 电话]
                        [--public-contact 监督联系方式] [--copy-to 抄送机关 …] [--printed-by 印发机关]
                        [--printed-on YYYY-MM-DD]
      由台账生成整改情况通报（GB/T 9704 版式，每页22行、每行28字），数字均由台账计算；公开版略去不公开问题并留存记录；
      版头、版记取自单位设置（ZHENGGAI_NOTICE_SETTINGS），上述参数仅对本次生效；pdf 需安装 LibreOffice
      Generate the notice from the ledger (GB/T 9704 layout, 22 lines × 28 characters); the public version leaves
      out withheld problems; 版头/版记 from the unit's settings file, flags override them; pdf needs LibreOffice
  zhenggai report supervision --inspection ID --out 督办单.docx [--format docx|pdf|md] [--doc-number 发文字号]
                        [--reply-days N]
      下发督办通知：列出逾期和红色预警的整改措施、责任部门和责任人，书面回复时限为下发之日起N个工作日（默认5），
      版头取自巡察办的设置（ZHENGGAI_NOTICE_SETTINGS），记入审计；pdf 需安装 LibreOffice
      Issue a supervision notice: overdue and red-level measures with who answers for them, a written reply due
      N working days after issue (default 5); recorded in the audit trail
  zhenggai report bulletin (--inspection ID | --round 轮次) --month YYYY-MM --out FILE [--format docx|pdf|xlsx]
                        [--doc-number 发文字号]
      生成月度整改进展通报：截至月末的完成率、按期完成率（延期另计）、逾期未完成，各责任部门进展报送情况；
      按单位或按轮次；docx/pdf 为公文版式，xlsx 为数据、未按期报送、逾期未完成三张表；pdf 需安装 LibreOffice
      Monthly progress bulletin of a unit or a round: rates as of the month's end (extensions apart), overdue
      measures, missing progress reports by department; recorded in the audit trail
  zhenggai export ledger (--inspection ID | --round 轮次 | --all) --out FILE.xlsx
      导出整改台账 Excel（问题清单、任务清单、责任清单、成效统计、汇总；流式写出）
      Export the ledger as a styled workbook (streamed; lists, responsibilities, outcomes, summary)
  zhenggai import ledger FILE.xlsx [--dry-run] [--inspection ID] [--unit NAME] [--map 列名=字段 …]
                        [--skip-invalid] [--row-limit N] [--json]
      导入 Excel 台账：自动识别表头与同义列名，有错误时全部不导入（--skip-invalid 只导入无误的行）
      Import a ledger workbook; all or nothing unless --skip-invalid; --json prints problems and errors
  zhenggai audit verify [--checkpoint 序号:哈希前缀 …] [--seal] [--json]
      校验审计链：逐条重算哈希，核对链头与已发布通报所印的“台账校验”；完好退出码 0，损坏时指出第一个断点、退出码 1
      --checkpoint 核对手中通报附注上的校验点（如 128:3f2a9c0d5e7b8a61）；--seal 启用密钥后封存已核验的早期记录
      Verify the audit chain (hashes, head, checkpoints printed in published notices): exit 0 when intact,
      1 naming the first broken link; --checkpoint checks one from a notice in hand; --seal puts a verified
      unkeyed chain under a newly configured key; --json for machines
  zhenggai inspections [--json]
      列出已存的台账（编号、被巡察单位、轮次、日期、问题与措施数、完成率），编号可用于 --inspection
      List stored inspections (id, unit, round, dates, counts); the id is what --inspection takes
  zhenggai orgs [--json]
      列出单位与部门（编号、类型、名称、路径），编号可用于 --org / List orgs (id, kind, name, path) for --org
  zhenggai user add --login 登录名 --name 姓名 --org 单位编号 [--role 角色] [--password-file 文件]
      新建账号；不给密码文件时生成随机密码并只显示一次
      Create an account; without --password-file a random password is generated and printed once
  zhenggai user grant --login 登录名 --role 角色 --org 单位编号
      授予角色，范围为该单位及其下级（admin 不需要 --org）/ Grant a role over an org's subtree
  zhenggai user passwd --login 登录名 [--password-file 文件]
      重设密码并退出该账号的所有会话 / Reset a password and sign the account out everywhere
  zhenggai user list [--json]
      列出账号及其角色 / List accounts and their roles
      角色 Roles: admin 系统管理员 · oversight 巡察办 · inspection_team 巡察组 · unit_office 单位整改办 ·
      unit_leader 单位领导 · department_reporter 责任部门填报人 · supervisor 纪检监督 · viewer 只读
  zhenggai calendar list [--json]
      列出节假日调整（管理员录入的放假、调休上班日）及已有放假安排的年份
      List the working-day overrides and the years with holiday data
  zhenggai calendar set --date YYYY-MM-DD --kind working|holiday --name 名称
      录入或修改某天：working 上班（调休）、holiday 放假，优先于软件包自带的放假安排（如次年国务院通知已发布）
      Enter or replace one day's override (wins over the chinese-days package), e.g. next year's notice
  zhenggai calendar delete --date YYYY-MM-DD
      删除某天的调整 / Remove one day's override
  zhenggai calendar import 通知.txt [--year YYYY] [--dry-run] [--json]
      导入一年的节假日安排：国务院办公厅的通知全文，或每行“日期 放假/上班 名称”的表格；全部识别才录入
      Enter a whole year from the State Council's notice (or a table of days), all or nothing
  zhenggai supervision list --inspection 巡察编号 [--json]
      督办台账：已下发的督办通知（回复情况）、告诫和约谈 / The supervision register with reply states
  zhenggai supervision reply 督办通知编号 --date YYYY-MM-DD --summary 摘要 [--evidence 文号或文件名]
      登记单位对督办通知的书面回复，晚于回复时限的标为逾期回复 / Record the unit's written reply
  zhenggai supervision admonish --inspection 巡察编号 --content 告诫内容 --person "王五（党组书记）"… [--measure 措施编号…]
  zhenggai supervision talk --inspection 巡察编号 --date YYYY-MM-DD --place 地点 --person 被约谈人… --held-by 约谈人…
      --summary 摘要 --follow-up 后续要求 [--measure 措施编号…]
      登记告诫、约谈：仅限督办通知书面回复时限届满后仍逾期的措施 / Record a 告诫 or 约谈 after a notice's reply time
  zhenggai --help | -h      显示本帮助 / Show this help
  zhenggai --version | -v   显示版本 / Show the version

环境变量 Environment:
  PORT            端口 / port (default 8080)
  HOST            监听地址 / interface (default 127.0.0.1)
  ZHENGGAI_DATA   数据目录 / data folder (default ./data)
  DATABASE_URL    postgres://… 使用 PostgreSQL；未设置或 file:路径 使用 SQLite
                  postgres://… selects PostgreSQL; unset or file:PATH selects SQLite
  LOG_LEVEL       日志级别 / log level (info)
  ZHENGGAI_ALLOWED_HOSTS  允许访问的主机名，逗号分隔（本机名与监听地址总是允许；其他 Host 一律拒绝）
                  host names the server answers to, comma-separated (loopback and the bind address always)
  ZHENGGAI_EXAMPLE_DATA  0 = 空库启动时不载入示例台账 / do not load the example ledger into an empty database
  ZHENGGAI_AUDIT_KEY / ZHENGGAI_AUDIT_KEY_FILE  审计链密钥（至少 16 个字符，存放在数据库之外）
                  key of the audit chain (HMAC-SHA256, at least 16 characters, kept outside the database)
  ZHENGGAI_ADMIN_PASSWORD  首次启动（尚无账号）时系统管理员 admin 的密码；未设置则随机生成并只显示一次
                  password of the first admin account; unset = generated and printed once
  ZHENGGAI_SESSION_IDLE_MINUTES / ZHENGGAI_SESSION_ABSOLUTE_HOURS  会话空闲超时（30 分钟）与最长时限（12 小时）
                  session idle timeout (30 min) and absolute timeout (12 h)
  ZHENGGAI_TRUST_PROXY  1 = 信任反向代理的 X-Forwarded-Proto（https 时 Cookie 加 Secure）
                  trust the reverse proxy's X-Forwarded-* (Secure cookie for https)
  ZHENGGAI_AUDIT_ON_TAMPER  warn（默认，告警）或 refuse（审计链损坏时拒绝一切写入）
                  warn (default) or refuse every write while the audit chain is broken
  ZHENGGAI_NOTICE_GRID  通报网格：portable（默认，Word/WPS/LibreOffice 均每行28字）或 word（Word 文档网格）
                  notice grid: portable (default) or word (Word's character grid)
  ZHENGGAI_NOTICE_SETTINGS  各单位的版头、版记设置（JSON 文件，见 docs/notices.md）/ per-unit 版头 and 版记 (JSON)
  ZHENGGAI_SOFFICE / ZHENGGAI_FONTCONFIG  生成 PDF 用的 LibreOffice 与字体映射文件（默认：PATH 中的 soffice、
                  assets/fontconfig/official-fonts.conf）/ LibreOffice and the font mapping for PDF notices

退出码 Exit codes: 0 成功 ok · 1 执行失败 failure · 2 命令或输入有误 usage/input error
`;
