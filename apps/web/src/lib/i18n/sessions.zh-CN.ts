// Strings of the signed-in devices list (登录设备) and of a security administrator ending an
// account's sessions; the `sessions` section of ./zh-CN.ts.

export const sessionsZhCN = {
  title: '登录设备',
  hint: '以下是您的账号当前有效的登录。如有不认识的设备，请将其退出并修改密码。',
  loading: '正在读取…',
  empty: '没有其他有效登录。',
  device: '设备/浏览器',
  unknownDevice: '未知设备',
  ip: 'IP 地址',
  createdAt: '登录时间',
  lastSeenAt: '最近活动',
  current: '本机',
  signOut: '退出该设备',
  signingOut: '退出中…',
  signedOut: '已退出该设备的登录。',
  revoke: {
    title: '登录会话',
    hint: '结束该账号在所有设备上的登录（如手机丢失、疑似账号被盗用）。该用户下次操作时会被告知并需重新登录。',
    button: '结束全部登录',
    confirm: '确定结束该用户在所有设备上的登录吗？',
    done: (count: number) => (count ? `已结束 ${count} 个登录。` : '该用户当前没有有效登录。'),
  },
} as const;
