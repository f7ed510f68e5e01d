// Evidence-check flags (疑点) in words: the `flags` section of ./zh-CN.ts. Each kind's sentence is
// built from the flag's params (measured values); the server's English detail is never shown.

type Params = Readonly<Record<string, string | number | boolean | null>>;

const num = (value: unknown) => (typeof value === 'number' ? value : Number(value ?? 0));
/** Minutes as "3 小时 30 分钟" / "45 分钟", without the sign. */
function duration(minutes: unknown): string {
  const m = Math.abs(Math.round(num(minutes)));
  if (m < 60) return `${m} 分钟`;
  return m % 60 ? `${Math.floor(m / 60)} 小时 ${m % 60} 分钟` : `${m / 60} 小时`;
}
const beforeAfter = (minutes: unknown) => (num(minutes) < 0 ? '前' : '后');
function distance(meters: unknown): string {
  const m = num(meters);
  return m >= 10_000 ? `${Math.round(m / 1000)} 公里` : m >= 1000 ? `${Number((m / 1000).toFixed(1))} 公里` : `${Math.round(m)} 米`;
}

/** What the capture-time and place findings are about: `mediaKind` is VIDEO for a video's. */
const fileOf = (p: Params) => (p.mediaKind === 'VIDEO' ? '视频' : '照片');

export const flagsZhCN = {
  title: '证据疑点',
  none: '未发现疑点',
  hint: '疑点由系统自动比对得出，仅供审核参考，不作为处罚依据。',
  resolved: '已处理',
  viewAsset: '查看该文件',
  viewRelated: (date: string, enterprise: string) => `查看${enterprise} ${date} 的班前会`,
  relatedHidden: '另一次班前会（无权查看）',
  kinds: {
    // Photos and videos alike (a video's own recording time and place are checked the same way).
    PHOTO_TAKEN_OTHER_DAY: '照片或视频不是当天拍摄',
    PHOTO_TIME_FAR_FROM_START: '拍摄时间与开会时间相差较大',
    PHOTO_LOCATION_FAR: '拍摄地点远离企业',
    PHOTO_REUSED: '照片疑似重复使用',
    VIDEO_REUSED: '视频重复使用',
    VIDEO_TOO_SHORT: '视频时长过短',
    ATTENDANCE_ABOVE_ROSTER: '参会人数超过班组人数',
    NO_MEDIA: '没有照片或视频',
    MANUAL: '审核人员标记',
  } as Record<string, string>,
  /** The sentence of each kind, from its params; an unknown kind gets the generic one. */
  details: {
    PHOTO_TAKEN_OTHER_DAY: (p: Params) =>
      `${fileOf(p)}拍摄于 ${p.capturedDate ?? '其他日期'}，而班前会在 ${p.meetingDate ?? '当天'}（相差 ${duration(p.minutes)}）。`,
    PHOTO_TIME_FAR_FROM_START: (p: Params) =>
      `${fileOf(p)}拍摄于开会时间${beforeAfter(p.minutes)} ${duration(p.minutes)}，超过允许的 ${duration(p.limitMinutes)}。`,
    PHOTO_LOCATION_FAR: (p: Params) => `${fileOf(p)}拍摄地点距企业登记位置 ${distance(p.meters)}，超过允许的 ${distance(p.limitMeters)}。`,
    PHOTO_REUSED: (p: Params) =>
      p.identical ? '与另一次班前会中的照片完全相同（同一文件）。' : `与另一次班前会中的照片高度相似（差异 ${num(p.distance)} / 64 位）。`,
    VIDEO_REUSED: () => '与另一次班前会中的视频是同一文件。',
    VIDEO_TOO_SHORT: (p: Params) => `视频时长 ${num(p.seconds)} 秒，少于要求的 ${num(p.minSeconds)} 秒。`,
    ATTENDANCE_ABOVE_ROSTER: () => '上报的实到人数超过班组花名册人数。',
    NO_MEDIA: () => '截止时仍未上传照片或视频。',
    MANUAL: (p: Params) => (typeof p.note === 'string' && p.note ? `审核人员标记：${p.note}` : '审核人员标记了此次班前会。'),
  } as Record<string, (p: Params) => string>,
  unknown: '系统发现一处疑点。',
};
