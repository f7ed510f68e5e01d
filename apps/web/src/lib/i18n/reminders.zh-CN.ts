// Strings of the group-robot settings (群机器人提醒) and the notifications in the header; the
// `reminders` section of ./zh-CN.ts.

type Params = Readonly<Record<string, string | number>>;

/** What a robot's last status code (`OK`, `HTTP_500`, `ERRCODE_310000`, `TIMEOUT` …) means. */
function statusText(status: string | null): string {
  if (status === null) return '尚未发送';
  if (status === 'OK') return '发送成功';
  if (status === 'TIMEOUT') return '失败：对方无响应（超时）';
  if (status === 'UNREACHABLE') return '失败：无法连接';
  if (status === 'ADDRESS_REFUSED') return '失败：地址指向内网，已拒绝';
  if (status === 'BAD_REPLY') return '失败：对方返回内容无法识别';
  const http = /^HTTP_(\d+)$/.exec(status);
  if (http) return `失败：HTTP ${http[1]}`;
  const errcode = /^ERRCODE_(-?\d+)$/.exec(status);
  if (errcode) return `失败：机器人返回错误码 ${errcode[1]}（请检查地址、密钥或安全设置）`;
  return `失败：${status}`;
}

/** The text of a notification, by its kind and params; unknown kinds get a generic sentence. */
function notificationText(kind: string, p: Params): string {
  if (kind === 'MEETING_MISSING') return `${p.date} ${p.team}「${p.shift}」班前会（${p.from}–${p.until}）未上报，请尽快补报。`;
  return '您有一条新消息。';
}

export const remindersZhCN = {
  robots: {
    title: '群机器人提醒',
    tile: '群机器人提醒',
    tileHint: '班前会未上报时推送到企业微信、钉钉群',
    hint: '班前会在应开会时段结束后仍未上报时，平台会在站内提醒本企业安全员，并推送到下面启用的企业微信或钉钉群机器人。',
    empty: '尚未添加群机器人。',
    add: '添加群机器人',
    adding: '添加中…',
    added: '已添加。地址和密钥已加密保存，之后不再显示。',
    kind: '类型',
    kinds: { WECOM: '企业微信', DINGTALK: '钉钉' } as Record<string, string>,
    name: '名称',
    namePlaceholder: '如：安全生产群',
    url: 'Webhook 地址',
    urlHint: '在群设置 → 群机器人中复制完整地址（含 key 或 access_token）。',
    secret: '加签密钥（钉钉，可选）',
    secretHint: '钉钉机器人安全设置选择“加签”时填写，以 SEC 开头。',
    host: '地址',
    signed: '已加签',
    active: '已启用',
    inactive: '已停用',
    enable: '启用',
    disable: '停用',
    test: '发送测试消息',
    testing: '发送中…',
    tested: (delivered: boolean, status: string) => (delivered ? '测试消息已送达。' : `测试消息未送达：${statusText(status)}`),
    remove: '删除',
    confirmRemove: (name: string) => `确定删除群机器人“${name}”吗？`,
    lastStatus: '最近发送',
    statusText,
  },
  notifications: {
    title: '消息',
    open: (unread: number) => (unread ? `消息（${unread} 条未读）` : '消息'),
    empty: '暂无消息。',
    markAll: '全部标为已读',
    loadFailed: '消息加载失败',
    text: notificationText,
  },
} as const;
