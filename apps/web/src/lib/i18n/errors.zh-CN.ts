// What every error code of the API says to the user, filled in with the code's params. Keyed by
// the registry in @platform/contracts, so a code without a translation fails the typecheck, and
// errors.zh-CN.spec.ts checks each translation uses its params and is free of English.
import type { EntityName, ErrorCode, ErrorParams, FieldFormat } from '@platform/contracts';
import { shanghaiDateTime } from '../format/shanghai-time.ts';

/** One translation per registry code; params are typed by the names the registry declares. */
export type ErrorCatalogue = { readonly [C in ErrorCode]: (params: ErrorParams<C>) => string };

const entities: Record<EntityName, string> = {
  zone: '区域',
  industry: '行业',
  enterprise: '企业',
  team: '班组',
  shift: '班次',
  user: '用户',
  meeting: '班前会记录',
  media: '照片或视频',
  upload: '上传任务',
  file: '文件',
  teamMember: '班组成员',
  session: '登录设备',
  webhook: '群机器人',
  notification: '消息',
  calendarDay: '休息日或调休安排',
  course: '课程',
  lesson: '课时',
  quiz: '测验',
  question: '试题',
};

const formats: Record<FieldFormat, string> = {
  uuid: '请从列表中选择',
  date: '请选择日期',
  datetime: '请填写完整的日期和时间',
  time: '请输入 24 小时制时间，如 07:30',
  phone: '请输入电话号码（7–20 位数字，可含 + - ( )）',
  username: '只能使用字母、数字和 _ . -',
  zoneCode: '只能使用大写字母、数字和 -',
  mimeType: '文件类型无法识别，请重新选择文件',
  courseCode: '只能使用字母、数字和 -',
};

/** What a lesson's file must be, by the media kind LESSON_MEDIA_KIND expects. */
const lessonMediaKinds: Record<string, string> = { VIDEO: '视频', PHOTO: '图片', DOCUMENT: '文档' };

const types: Record<string, string> = { string: '文字', number: '数字', boolean: '是或否', array: '列表', object: '一组内容' };

const zoneFields: Record<string, string> = { code: '代码', name: '名称' };

const uploadStates: Record<string, string> = { COMPLETED: '已完成', ABORTED: '已取消', EXPIRED: '已过期' };

const entity = (name: string | number) => entities[name as EntityName] ?? '记录';

export const errorsZhCN: ErrorCatalogue = {
  // Requests
  VALIDATION_FAILED: () => '请修改标出的内容后再提交。',
  BAD_REQUEST: () => '请求无法处理，请刷新页面后重试。',
  PAYLOAD_TOO_LARGE: () => '内容超出大小限制。',
  ORIGIN_REJECTED: () => '请求来源不被允许，请从平台页面操作。',
  RATE_LIMITED: (p) =>
    Number(p.seconds) < 60
      ? `操作过于频繁，请 ${Math.max(1, Number(p.seconds))} 秒后再试。`
      : `操作过于频繁，请 ${Math.ceil(Number(p.seconds) / 60)} 分钟后再试。`,
  UPLOAD_QUOTA_USER: (p) => `您已有 ${p.limit} 个未完成的上传，请等其完成或取消后再上传。`,
  UPLOAD_QUOTA_ENTERPRISE: (p) => `本企业已有 ${p.limit} 个未完成的上传，请稍后再试。`,
  UPLOAD_QUOTA_BYTES: (p) => `本企业未完成的上传合计将超过 ${p.limit}，请等已有上传完成后再试。`,
  EVENT_STREAMS_LIMIT: (p) => `实时更新连接已达 ${p.limit} 个上限，请关闭多余的页面或窗口。`,
  ROUTE_NOT_FOUND: () => '请求的功能不存在，请刷新页面后重试。',
  EXPORT_TOO_LARGE: (p) => `导出内容共 ${p.count} 行，超过单次上限 ${p.limit} 行，请缩小筛选范围后再导出。`,
  REPORT_FONT_MISSING: () => '服务器未安装中文字体，暂时无法生成报告文件，请使用打印页面。',
  INTERNAL: (p) => `服务器出错，请稍后再试。如需反馈，请提供编号 ${p.requestId}。`,

  // Sign-in and sessions
  UNAUTHENTICATED: () => '请先登录。',
  UNAUTHORIZED: () => '登录已失效，请重新登录。',
  INVALID_CREDENTIALS: () => '用户名或密码错误。',
  ACCOUNT_LOCKED: (p) => `登录失败次数过多，已暂停从本机登录该账号，请 ${p.minutes} 分钟后再试。`,
  SESSION_INVALID: () => '登录已失效，请重新登录。',
  SESSION_REPLACED: () => '您的账号已在其他地方登录，本机已退出。如非本人操作，请尽快修改密码。',
  SESSION_REVOKED_PASSWORD: () => '账号密码已更改，请使用新密码重新登录。',
  SESSION_REVOKED_ADMIN: () => '安全管理员已结束您账号的登录，请重新登录。',
  SESSION_SIGNED_OUT: () => '本机的登录已在其他设备上被退出，请重新登录。',
  ACCOUNT_DEACTIVATED: () => '您的账号已被停用，如有疑问请联系管理员。',
  SESSION_EXPIRED: (p) => `登录已超过 ${p.hours} 小时，请重新登录。`,
  SESSION_IDLE_TIMEOUT: (p) => `已有 ${p.minutes} 分钟未操作，登录已过期，请重新登录。`,
  TOKEN_INVALID: () => '接口令牌无效或已被吊销。',
  TOKEN_EXPIRED: () => '接口令牌已过期，请向企业安全员申请新的令牌。',
  LINK_EXPIRED: () => '播放链接已过期，请刷新页面。',
  LINK_SESSION_ENDED: () => '播放链接所属的登录已结束，请重新登录后打开。',
  MFA_REQUIRED: () => '请先完成二次验证。',
  MFA_ENROLMENT_REQUIRED: () => '该账号须先绑定身份验证器（二次验证）才能使用。',
  PASSWORD_CHANGE_REQUIRED: () => '请先修改密码后再继续使用。',

  // Access
  FORBIDDEN: () => '您没有权限执行此操作。',
  ROLE_NOT_ALLOWED: () => '您的角色无权执行此操作。',
  LINK_INVALID: () => '播放链接与文件不符，请刷新页面。',
  UPLOAD_CONTENT_ADMIN_ONLY: () => '只有系统管理员可以上传培训课程和资源库资料。',
  ACCOUNT_MANAGEMENT_FORBIDDEN: () => '只有系统管理员和企业安全员可以管理账号。',
  ACCOUNT_OUTSIDE_SCOPE: () => '企业安全员只能管理本企业的安全员和职工账号。',
  OWN_ACCOUNT_CHANGE: () => '不能停用自己的账号或修改自己的角色。',
  ADMINISTRATOR_ACCOUNT_RESERVED: () => '管理员账号（系统、安全、审计管理员）只能由安全管理员创建和修改。',
  MFA_NOT_PENDING: () => '本次登录无需二次验证。',
  MFA_ALREADY_ENABLED: () => '该账号已绑定身份验证器；如需更换，请联系安全管理员重置二次验证。',
  MFA_NOT_ENROLLING: () => '请先重新开始绑定身份验证器。',

  // Missing things
  NOT_FOUND: (p) => `未找到该${entity(p.entity)}，或您无权查看。`,
  FILE_NOT_READY: () => '文件还在处理中，请稍后再看。',

  // Conflicts
  CONFLICT: () => '与已有数据冲突，请刷新后重试。',
  USERNAME_TAKEN: () => '该用户名已被使用，请换一个。',
  CREDIT_CODE_TAKEN: () => '已有企业使用该统一社会信用代码。',
  ZONE_TAKEN: (p) => `已有区域使用该${zoneFields[p.field] ?? '代码或名称'}，请换一个。`,
  TEAM_NAME_TAKEN: () => '本企业已有同名班组。',
  SHIFT_NAME_TAKEN: () => '本企业已有同名班次。',
  MEETING_ALREADY_REPORTED: (p) => `该班组 ${p.date} 这一班次的班前会已上报，请打开原记录修改。`,
  COURSE_CODE_TAKEN: () => '该课程编号已被其他课程使用，请换一个编号。',
  COURSE_NO_LESSONS: () => '课程至少要有一个课时才能发布。',
  COURSE_BANK_TOO_SMALL: (p) => `测验每次抽取 ${p.drawCount} 道题，题库只有 ${p.count} 道，请先补充试题或减少抽题数。`,
  QUIZ_HAS_ATTEMPTS: (p) => `已有 ${p.count} 次作答记录，测验不能删除，只能修改。`,
  LESSON_HAS_RECORDS: (p) => `该课时已有 ${p.count} 条学习记录，需按规定留存，不能删除；可将其改为选学。`,
  QUESTION_IN_ATTEMPTS: (p) => `该试题已出现在 ${p.count} 次测验中，需留存备查，不能删除。`,
  MEETING_ALREADY_REVIEWED: () => '该记录已审核，不能再修改。',
  REVIEW_NOT_APPLICABLE: () => '这条记录当前不能执行该操作，请刷新后再试',
  NO_CORRECTION_REQUESTED: () => '这条记录没有待整改的要求，或已经提交过整改答复',

  // Uploads and media
  MEDIA_REJECTED: () => '文件无法使用，请换一个视频或照片。',
  RANGE_NOT_SATISFIABLE: () => '文件读取位置无效，请刷新页面。',
  UPLOAD_GONE: () => '上传任务已失效，请重新选择文件上传。',
  PARTS_INCOMPLETE: () => '文件未传完整，请重新上传。',
  UPLOAD_NOT_ACTIVE: (p) => `该上传任务${uploadStates[p.status] ?? '已结束'}，请重新选择文件上传。`,
  UPLOAD_EXPIRED: () => '上传任务已过期，请重新选择文件上传。',
  PARTS_MISSING: (p) => `共 ${p.count} 段，其中第 ${p.parts} 段未传完整，正在补传。`,
  UPLOAD_TYPE_NOT_MEDIA: (p) => `所选文件（${p.contentType}）不是视频、录音或照片。`,
  UPLOAD_VIDEO_TOO_LARGE: (p) => `视频大小 ${p.size}，超过 ${p.limit} 的上限，请剪短或压缩后再上传。`,
  UPLOAD_PHOTO_TOO_LARGE: (p) => `照片大小 ${p.size}，超过 ${p.limit} 的上限，请压缩后再上传。`,
  UPLOAD_DOCUMENT_TOO_LARGE: (p) => `文档大小 ${p.size}，超过 ${p.limit} 的上限，请压缩或拆分后再上传。`,
  UPLOAD_CONTENT_NO_MEETING: () => '培训和资源库资料不属于任何班前会，请不要指定班前会。',
  MEDIA_NOT_MEDIA: (p) => `“${p.fileName}”不是视频、录音或照片，请重新选择。`,
  MEDIA_UNREADABLE: () => '文件无法读取，可能已损坏或不完整，请重新录制或导出。',
  MEDIA_NO_STREAMS: () => '文件中没有画面或声音。',
  MEDIA_UNSUPPORTED_CODEC: (p) => `暂不支持该视频编码（${p.codec}），请在手机相机设置中选择“兼容性最佳”后重新录制。`,
  MEDIA_TOO_LONG: (p) =>
    `视频长 ${Math.round(Number(p.seconds) / 60)} 分钟，超过 ${Math.round(Number(p.limitSeconds) / 60)} 分钟的上限，请剪短后再上传。`,
  MEDIA_EMPTY: () => '文件中没有可播放的画面或声音。',
  MEDIA_DAMAGED: () => '视频中途损坏，无法转换，请重新录制或导出。',
  MEDIA_PHOTO_UNREADABLE: () => '照片无法读取，可能已损坏，请重新拍摄或导出。',
  MEDIA_PHOTO_TOO_LARGE: (p) => `照片有 ${p.megapixels} 百万像素，超过 ${p.limitMegapixels} 百万像素的上限，请缩小后再上传。`,
  MEDIA_PROCESSING_FAILED: () => '文件处理失败，请稍后重试或联系管理员。',
  MEDIA_DOCUMENT_UNREADABLE: () => '文档不是完整可读的 PDF 文件，可能已损坏或未传完整，请重新导出为 PDF 后上传。',
  MEDIA_DOCUMENT_TOO_LARGE: (p) => `文档大小 ${p.size}，超过 ${p.limit} 的上限，请压缩或拆分后再上传。`,

  // Field rules from the request schema
  FIELD_REQUIRED: () => '必填',
  FIELD_INVALID_TYPE: (p) => `应填写${types[p.expected] ?? '正确的内容'}`,
  FIELD_NOT_EMPTY: () => '不能为空',
  FIELD_TOO_SHORT: (p) => `至少 ${p.min} 个字符`,
  FIELD_TOO_LONG: (p) => `最多 ${p.max} 个字符`,
  FIELD_TOO_FEW: (p) => `请至少选择 ${p.min} 项`,
  FIELD_TOO_MANY: (p) => `最多 ${p.max} 项`,
  FIELD_TOO_SMALL: (p) => `不能小于 ${p.min}`,
  FIELD_NOT_ABOVE: (p) => `应大于 ${p.min}`,
  FIELD_TOO_BIG: (p) => `不能大于 ${p.max}`,
  FIELD_NOT_INTEGER: () => '请输入整数',
  FIELD_INVALID_ENUM: () => '请从选项中选择',
  FIELD_INVALID_FORMAT: (p) => formats[p.format as FieldFormat] ?? '格式不正确',
  FIELD_CONTROL_CHARACTER: () => '含有换行或不可见的控制字符，请删除后重新输入',
  FIELD_UNKNOWN: () => '无法识别的内容，请刷新页面后重试',
  FIELD_INVALID: () => '内容不正确',

  // Field rules from the services
  CREDIT_CODE_LENGTH: (p) => `统一社会信用代码应为 18 位，当前为 ${p.length} 位`,
  CREDIT_CODE_CHARACTER: (p) => `第 ${p.position} 位“${p.character}”不是有效字符（信用代码不使用 I、O、Z、S、V）`,
  CREDIT_CODE_DIVISION: () => '第 3–8 位应为 6 位行政区划代码',
  CREDIT_CODE_CHECK_DIGIT: (p) => `校验位应为“${p.expected}”，不是“${p.actual}”，请对照营业执照重新输入`,
  CREDIT_CODE_ORG_CHECK_DIGIT: (p) => `第 17 位（组织机构代码校验位）应为“${p.expected}”，请对照营业执照重新输入`,
  PASSWORD_TOO_WEAK: () => '须同时包含字母和数字',
  PASSWORD_TOO_SHORT: (p) => `密码至少 ${p.min} 位`,
  PASSWORD_TOO_FEW_CLASSES: (p) => `须包含大写字母、小写字母、数字、符号中的至少 ${p.min} 类`,
  PASSWORD_CONTAINS_USERNAME: () => '密码不能包含用户名',
  PASSWORD_COMMON: () => '密码过于常见，容易被猜中，请换一个',
  PASSWORD_REUSED: (p) => `不能与最近 ${p.count} 次使用过的密码相同`,
  CURRENT_PASSWORD_WRONG: () => '当前密码不正确',
  MFA_CODE_INVALID: () => '验证码不正确，请核对身份验证器上的 6 位数字（并检查手机时间是否准确）',
  MFA_CODE_REUSED: () => '该验证码已使用过，请等待身份验证器显示下一个验证码',
  MFA_RECOVERY_CODE_INVALID: () => '恢复码不正确或已使用过',
  REFERENCE_NOT_FOUND: (p) => `所选${entity(p.entity)}不存在，请重新选择`,
  COORDINATES_INCOMPLETE: () => '经纬度须同时填写或同时留空',
  PLACEMENT_REQUIRED: (p) => `该角色必须选择所属${entity(p.entity)}`,
  PLACEMENT_NOT_ALLOWED: (p) => `该角色不应选择所属${entity(p.entity)}`,
  SHIFT_ZERO_LENGTH: () => '下班时间不能与上班时间相同',
  TEAM_MEMBER_UNKNOWN: () => '该成员不属于本班组，请刷新页面',
  SHIFT_NOT_IN_ENTERPRISE: () => '所选班次不属于本企业',
  SHIFT_NOT_OF_TEAM: (p) => `班组“${p.team}”不上“${p.shift}”班，请先在“班组与班次”中为班组选择该班次`,
  NOT_ON_ROSTER: () => '不在该班组花名册中，请刷新页面',
  STAGED_MEDIA_UNKNOWN: () => '这个文件在服务器上找不到了（可能已超过保留期限），请删除后重新拍摄或选择',
  MEDIA_OF_OTHER_MEETING: () => '这个文件已是另一次班前会的佐证，请删除后重新选择',
  DUPLICATE_MEDIA: () => '同一个文件添加了两次',
  ORIGINAL_NOT_OF_MEETING: () => '原文件对应的压缩文件不在这次班前会中，请作为新文件上传',
  ABSENCE_REASON_REQUIRED: () => '请填写缺勤原因',
  DUPLICATE_MEMBER: () => '有成员重复出现',
  END_BEFORE_START: () => '应晚于开始时间',
  START_IN_FUTURE: () => '会议尚未召开，请在会后上报',
  START_NOT_ON_DATE: (p) => `不在 ${p.date} 这一班的当天，请核对会议日期和开始时间`,
  DATE_IN_PAST: () => '已过去的日期不能修改，请选择今天或以后的日期',
  RANGE_REVERSED: () => '开始日期不能晚于结束日期',
  RANGE_TOO_LONG: (p) => `时间范围最长 ${p.days} 天`,
  REVIEW_NOTE_REQUIRED: () => '请写明问题和整改要求',
  SLOT_NOT_OPEN: (p) => `该班次的班前会时段 ${shanghaiDateTime(String(p.opensAt))} 才开始，请开完会再上报`,
  END_IN_FUTURE: () => '结束时间不能晚于现在',
  PART_OUT_OF_RANGE: (p) => `文件只有 ${p.count} 段，请重新上传`,
  PART_SIZE_MISMATCH: (p) => `这一段应为 ${p.expected} 字节，实际收到 ${p.actual} 字节，正在重传`,
  PART_TOO_LARGE: (p) => `这一段超过了 ${p.limitBytes} 字节，未被保存，请重新上传`,
  WEBHOOK_URL_INVALID: () => '请粘贴群机器人设置里复制的完整地址',
  WEBHOOK_URL_INSECURE: () => '地址必须是加密的安全链接，请使用机器人设置里提供的原地址',
  WEBHOOK_URL_PRIVATE: () => '不能使用内网、本机或保留地址，请填写企业微信或钉钉提供的地址',
  WEBHOOK_SECRET_NOT_ALLOWED: () => '企业微信机器人没有加签密钥，请留空',
  LESSON_MEDIA_KIND: (p) => `文件类型与课时类型不符，请上传${lessonMediaKinds[p.expected] ?? '对应类型的文件'}`,
  LESSON_MEDIA_FAILED: () => '该文件处理失败，请重新上传',
  LESSON_ORDER_MISMATCH: () => '课时顺序与课程现有课时不一致，请刷新页面后重试',
  QUESTION_ONE_ANSWER: () => '单选题和判断题只能有一个正确答案',
  QUESTION_ANSWERS_TOO_FEW: (p) => `多选题至少要有 ${p.min} 个正确答案`,
  QUESTION_ANSWER_OUT_OF_RANGE: (p) => `正确答案超出了选项范围（共 ${p.count} 个选项）`,
  QUESTION_ANSWER_DUPLICATE: () => '正确答案重复了',
  QUESTION_OPTION_DUPLICATE: () => '选项内容重复了',
  QUESTION_OPTIONS_FIXED: () => '判断题的选项固定为“正确”和“错误”',
};
