// Strings of the phone layout's frame: the bottom tabs, the compact header and the 我的 pages; the
// `shell` section of ./zh-CN.ts.

export const shellZhCN = {
  tabs: {
    label: '主导航',
    today: '今日',
    report: '上报',
    records: '记录',
    learn: '学习',
    certificates: '证书',
    library: '资源',
    me: '我的',
  },
  /** The header's title on each tab's own page (今日 shows the enterprise's name when there is one). */
  titles: {
    today: '企业工作台',
    report: '上报班前会',
    records: '班前会记录',
    learn: '学习',
    certificates: '证书',
    library: '资源',
    me: '我的',
  },
  me: {
    manage: '企业设置',
    teams: '班组与花名册',
    teamsHint: '班组长、成员名单和所属班次',
    shiftsHint: '上下班时间、工作日和班前会时段',
    calendarHint: '节假日、停产检修日和调休上班日',
    account: '账号与安全',
    accountHint: '修改密码、二次验证、登录设备',
  },
} as const;
