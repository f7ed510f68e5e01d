// Live video (直播) on the command-centre wall and in the shared live player: the `liveWall`
// section of ./zh-CN.ts.

export const liveWallZhCN = {
  player: {
    connecting: '连接中…',
    reconnecting: '直播中断，正在重连…',
    ended: '直播已结束',
    unsupported: '此浏览器无法播放直播。',
  },
  /** The badge of a live tile. */
  badge: '直播',
  interrupted: '信号中断',
  startedAt: (time: string) => `开始于 ${time}`,
  cameraTitle: (name: string) => `摄像头 · ${name}`,
  cameras: {
    button: '摄像头',
    title: '摄像头列表',
    hint: '点击在线的摄像头全屏查看实时画面。',
    close: '关闭',
    empty: '暂无可查看的摄像头。',
    loadFailed: '摄像头列表加载失败',
    status: { ONLINE: '在线', OFFLINE: '离线', UNKNOWN: '未检测' },
    open: '查看',
    count: (online: number, total: number) => `在线 ${online} / ${total}`,
  },
} as const;
