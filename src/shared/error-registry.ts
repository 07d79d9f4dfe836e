// Every error code the system can answer with: its HTTP status and a default Chinese message (used when the
// error carries none). One line per code; test/architecture/error-registry.test.ts fails for a code thrown or
// answered anywhere in src/ that is missing here, and for a code listed here that nothing uses.

/** How one code is answered: HTTP status and the default message, Chinese and safe to show. */
export interface ErrorEntry {
  readonly status: number;
  readonly message: string;
}

const e = (status: number, message: string): ErrorEntry => ({ status, message });

export const ERROR_REGISTRY = {
  // Input.
  invalid_input: e(400, "输入有误，请检查后重试"),
  invalid_amount: e(400, "金额格式不正确（应为元，最多两位小数）"),
  invalid_outcome_quantity: e(400, "成效数量应为非负整数"),

  // Accounts, sessions, tokens and permissions (docs/accounts.md).
  unauthenticated: e(401, "请先登录（未登录或登录已过期）"),
  sign_in_failed: e(401, "登录名或密码不正确"),
  sign_in_locked: e(429, "登录失败次数过多，该账号已暂时锁定，请稍后再试"),
  csrf_token_invalid: e(403, "请求缺少有效的防伪令牌（X-CSRF-Token），请刷新页面后重试"),
  forbidden: e(403, "您没有权限进行此操作"),
  session_required: e(403, "此操作需要登录后在页面上进行，不能使用 API 令牌"),
  token_invalid: e(401, "API 令牌无效、已撤销或已过期"),
  token_read_only: e(403, "该 API 令牌为只读令牌，只能查询，不能修改数据"),
  token_not_found: e(404, "未找到该令牌（或无权查看）"),
  user_not_found: e(404, "未找到该账号（或无权查看）"),
  grant_not_found: e(404, "未找到该授权（或无权查看）"),
  person_not_found: e(404, "未找到该人员"),
  login_taken: e(409, "该登录名已被使用，请换一个"),
  grant_exists: e(409, "该账号已拥有这一角色和范围"),
  last_admin: e(409, "这是最后一个系统管理员授权，撤销后将无人能管理账号"),
  user_changed: e(409, "该账号已被他人修改，请刷新后重试"),
  person_name_taken: e(409, "该单位已有同名人员"),
  password_too_weak: e(400, "密码不符合要求"),
  password_incorrect: e(400, "当前密码不正确"),
  precondition_required: e(428, "请在 If-Match 请求头中给出您看到的版本号，以免覆盖他人的修改"),

  // Orgs, inspections and the ledger.
  org_not_found: e(404, "未找到该单位（或无权查看）"),
  org_name_taken: e(409, "上级单位下已有同名的单位或部门，请换一个名称"),
  org_parent_invalid: e(400, "上级单位的类型不合适"),
  unit_not_found: e(404, "被巡察单位不存在"),
  inspection_not_found: e(404, "未找到该巡察（或无权查看）"),
  measure_not_found: e(404, "未找到该整改措施（或无权查看）"),
  measure_changed: e(409, "该整改措施已被他人修改，请刷新后重试"),

  // The measure state machine and the review cycle (docs/review-cycle.md).
  measure_not_draft: e(409, "该整改措施不在待启动状态"),
  measure_not_in_progress: e(409, "该整改措施不在推进中"),
  measure_not_submitted: e(409, "该整改措施不在待审核状态"),
  measure_not_returned: e(409, "该整改措施不在已退回状态"),
  measure_not_closed: e(409, "该整改措施尚未销号"),
  measure_not_long_term: e(409, "只有长期坚持类整改措施可以开启下一阶段"),
  measure_closed: e(409, "该整改措施已销号"),
  not_reviewer: e(403, "您无权办理这一级审核"),
  invalid_review_chain: e(400, "审核流程设置有误"),
  evidence_required: e(409, "该整改措施要求上传佐证材料，请先上传后再提交"),
  extension_not_later: e(400, "申请的新时限须晚于现有时限"),
  extension_pending: e(409, "该整改措施已有待审批的延期申请"),
  extension_not_found: e(404, "未找到该延期申请（或无权查看）"),
  extension_decided: e(409, "该延期申请已审批，不能重复审批"),
  deadline_locked: e(409, "整改时限已确定，如需调整请提出延期申请"),
  closeout_held: e(409, "纪检监督已暂缓该整改措施销号"),
  hold_not_found: e(404, "该整改措施没有暂缓销号"),

  // Supervision: the working-day calendar, deadline profiles, warnings (docs/supervision.md).
  calendar_override_not_found: e(404, "该日期没有节假日调整记录"),
  invalid_holiday_notice: e(400, "节假日安排中有无法识别的内容，未导入任何日期"),
  invalid_warning_thresholds: e(
    400,
    "预警天数须为不小于0的整数，且绿色预警天数 ≥ 黄色预警天数 ≥ 红色预警天数",
  ),
  deadline_profile_changed: e(409, "该巡察的督办设置已被他人修改，请刷新后重试"),

  // Notifications (docs/notifications.md).
  notification_not_found: e(404, "未找到该提醒（或不是发给您的）"),
  notification_delivery_not_found: e(404, "未找到该发送记录"),
  delivery_not_retryable: e(409, "只有发送失败或已放弃的通知可以重试"),
  notification_target_not_found: e(404, "未找到该通知机器人"),

  // Evidence and uploads (docs/evidence.md).
  evidence_not_found: e(404, "未找到该佐证材料（或无权查看）"),
  evidence_content_missing: e(410, "佐证材料的文件内容缺失，请联系系统管理员"),
  upload_not_multipart: e(415, "请以 multipart/form-data 格式提交表单和文件"),
  upload_missing_file: e(400, "请至少上传一个文件"),
  upload_too_large: e(413, "上传的文件过大"),
  upload_too_many_files: e(413, "一次上传的文件过多"),
  upload_too_many_parts: e(413, "表单的字段或部分过多，请减少后重试"),
  upload_type_not_allowed: e(415, "不是允许上传的文件类型"),

  // Documents in: reading notices and workbooks (CLI and HTTP imports).
  unsupported_file_type: e(
    415,
    "不支持的文件类型：请上传整改情况通报（.docx、.txt、.md）或整改台账（.xlsx）",
  ),
  unsupported_format: e(400, "不支持的格式，请另存为 .docx 或 .txt"),
  file_too_large: e(413, "文件过大，未读取"),
  file_not_found: e(400, "找不到文件"),
  file_not_readable: e(400, "没有读取该文件的权限"),
  file_unreadable: e(400, "无法读取文件，请确认文件完好后重新导入"),
  not_a_file: e(400, "指定的是文件夹，不是文件"),
  not_regular_file: e(400, "不是保存在磁盘上的普通文件，未读取"),
  invalid_archive: e(400, "文件不是有效的压缩包，可能已损坏"),
  archive_too_large: e(400, "文件解压后过大，已拒绝读取"),
  archive_too_many_entries: e(400, "压缩包中的文件过多，已拒绝读取"),
  archive_ratio_too_high: e(400, "文件压缩比异常，疑似压缩炸弹，已拒绝读取"),
  archive_size_mismatch: e(400, "压缩包内文件的实际大小与声明不符，已拒绝读取"),
  corrupt_docx: e(400, "Word 文档已损坏或无效"),
  not_word_document: e(400, "不是 Word 文档，请另存为 .docx 后再导入"),
  document_too_complex: e(400, "文档内容过多，超出可安全读取的范围，未导入"),
  no_rectification_structure: e(400, "未识别出整改情况通报的结构，未导入任何内容"),
  corrupt_xlsx: e(400, "Excel 文件无法读取，未导入任何内容"),
  not_xlsx: e(400, "不是 Excel 工作簿（.xlsx），未导入任何内容"),
  legacy_xls: e(400, "旧版 .xls 文件，请另存为 .xlsx 再导入"),
  password_protected: e(400, "Excel 文件设置了打开密码，无法读取"),
  too_many_rows: e(400, "工作簿行数过多，未导入"),
  header_not_found: e(400, "没有找到台账表头"),
  invalid_column_map: e(400, "列名对应（--map）有误"),
  invalid_row_limit: e(400, "行数上限应为正整数"),
  unit_unknown: e(400, "没有写明被巡察单位"),
  nothing_to_import: e(400, "没有可导入的问题或整改措施，未导入任何内容"),
  import_file_missing: e(400, "请上传一个文件"),
  pending_import_not_found: e(404, "未找到该待确认的导入"),
  import_already_confirmed: e(409, "该导入已确认过，不能重复确认"),
  import_not_confirmable: e(409, "该导入有错误行，不能确认"),
  import_changed: e(409, "该导入的预览已被修改，请刷新后重试"),
  duplicate_import: e(409, "该文件与本单位已导入的一份台账内容相同，未重复导入"),
  too_many_pending_imports: e(429, "待确认的导入过多，请先确认或放弃其中的导入"),
  too_many_corrections: e(400, "该导入保存的修改过多，请放弃后重新上传"),
  import_correction_not_found: e(404, "没有这一项修改"),
  correction_depends: e(409, "之后的修改是在这一项修改的基础上做的，请先撤销之后的修改"),

  // Documents out.
  nothing_to_export: e(400, "没有可导出的台账"),
  withholding_reason_missing: e(400, "有不公开的问题缺少不公开理由，不能生成公开版"),
  pdf_converter_missing: e(503, "生成 PDF 需要 LibreOffice，本机未安装"),
  pdf_conversion_failed: e(500, "PDF 转换失败或超时，请改为生成 .docx"),
  public_notice_not_found: e(404, "未找到该公开通报（可能已撤回）"),
  public_notice_withdrawn: e(409, "该公开通报已撤回"),
  public_notice_content_missing: e(410, "公开通报的文件内容缺失，请联系系统管理员"),
  public_notice_approval_required: e(403, "公开通报须经单位领导审批后发布，请提交审批"),
  public_notice_request_pending: e(409, "该巡察已有一份待审批的公开通报"),
  public_notice_request_not_found: e(404, "未找到该公开通报审批申请（或无权查看）"),
  public_notice_request_decided: e(409, "该公开通报审批申请已处理，不能再处理"),
  public_notice_own_request: e(403, "不能审批本人提交的申请"),
  output_exists: e(400, "文件已存在，请换一个文件名"),
  output_folder_missing: e(400, "输出目录不存在"),
  output_in_data_folder: e(400, "不能把文件写入数据目录"),
  output_not_writable: e(400, "没有写入权限"),
  nothing_to_supervise: e(409, "没有逾期或到期未完成的整改措施，无需下发督办通知"),
  supervision_number_taken: e(409, "该发文字号已被另一份督办通知使用"),
  supervision_step_missing: e(409, "告诫、约谈须在督办通知的书面回复时限届满后，针对仍然逾期的整改措施进行"),
  supervision_action_not_found: e(404, "未找到该督办记录（或无权查看）"),
  supervision_reply_not_expected: e(409, "只有督办通知需要登记书面回复"),
  supervision_reply_exists: e(409, "该督办通知的书面回复已经登记过"),

  // The audit trail (docs/audit-trail.md).
  audit_chain_broken: e(503, "审计链校验未通过，已暂停一切写入"),
  audit_key_required: e(503, "审计链已使用密钥记录，但未配置审计密钥"),
  audit_seal_refused: e(400, "不需要或不能封存审计链"),

  // Storage (src/storage/storage-errors.ts).
  storage_unavailable: e(503, "数据库暂时无法使用，请稍后重试"),
  storage_conflict: e(409, "与同时进行的其他操作冲突，未保存任何内容，请重试"),

  // HTTP itself: routing, hosts and what the framework refuses (src/http/framework-errors.ts).
  not_found: e(404, "请求的地址不存在"),
  method_not_allowed: e(405, "该地址不支持这种请求方法"),
  host_missing: e(400, "请求缺少 Host 头，无法确认要访问的主机名"),
  host_not_allowed: e(421, "本服务不接受以该主机名访问"),
  bad_url: e(400, "请求地址中的百分号编码（%xx）无效，无法解码"),
  uri_too_long: e(414, "请求地址中的参数过长"),
  invalid_json: e(400, "请求体不是有效的 JSON"),
  empty_json_body: e(400, "请求体为空，但 Content-Type 声明为 JSON"),
  unsupported_media_type: e(415, "不支持该请求体类型（Content-Type），请使用 application/json"),
  body_too_large: e(413, "请求体过大，超过服务器允许的上限"),
  invalid_content_length: e(400, "请求体的实际长度与 Content-Length 不符"),
  request_timeout: e(408, "请求超时，请重试"),
  headers_too_large: e(431, "请求头过大"),
  malformed_request: e(400, "请求不符合 HTTP 格式，无法解析"),
  bad_request: e(400, "请求格式不正确，无法处理"),
  internal_error: e(500, "服务器内部错误，请稍后重试"),
} as const satisfies Record<string, ErrorEntry>;

/** A registered error code. */
export type ErrorCode = keyof typeof ERROR_REGISTRY;

export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(ERROR_REGISTRY, code);

/** The registry's entry for a code, or undefined when the code was never registered (a bug: answer 500). */
export const errorEntry = (code: string): ErrorEntry | undefined =>
  isErrorCode(code) ? ERROR_REGISTRY[code] : undefined;
