// The Chinese words of files the server writes itself (CSV, Excel, PDF): those leave the web app,
// so the server owns their language. One place, so another language is one more file like this.
import type { FlagKind, ReviewEntry, ReviewStatus, RiskLevel, SlotState } from '@platform/contracts';

type Params = Record<string, string | number | boolean | null>;

export const SLOT_STATE_ZH: Record<SlotState, string> = {
  UPCOMING: '未到时间',
  DUE: '待上报',
  REPORTED: '按时上报',
  LATE: '迟报',
  NO_EVIDENCE: '无照片视频佐证',
  MISSING: '未上报',
};

export const REVIEW_STATUS_ZH: Record<ReviewStatus, string> = {
  PENDING: '待审核',
  APPROVED: '已通过',
  FLAGGED: '已标记问题',
  CORRECTION_REQUESTED: '要求整改',
  RESUBMITTED: '已整改待复核',
};

export const REVIEW_ACTION_ZH: Record<ReviewEntry['action'], string> = {
  APPROVE: '通过',
  FLAG: '标记问题',
  REQUEST_CORRECTION: '要求整改',
  MARK_BEST_PRACTICE: '评为优秀案例',
  UNMARK_BEST_PRACTICE: '取消优秀案例',
  RESPOND: '企业整改答复',
};

export const RISK_LEVEL_ZH: Record<RiskLevel, string> = { RED: '重大风险', ORANGE: '较大风险', YELLOW: '一般风险', BLUE: '低风险' };

export const MEDIA_KIND_ZH: Record<'VIDEO' | 'PHOTO' | 'DOCUMENT', string> = { VIDEO: '视频', PHOTO: '照片', DOCUMENT: '文件' };

export const ROLE_ZH: Record<string, string> = {
  ADMIN: '系统管理员',
  INSPECTOR: '执法人员',
  ZONE_OFFICER: '园区/街镇监管人员',
  COMMAND_OPERATOR: '指挥中心值班员',
  ENTERPRISE_OFFICER: '企业安全员',
};

const n = (v: Params[string] | undefined) => (typeof v === 'number' ? String(v) : String(v ?? ''));

/** A flag as a sentence with its measured values, e.g. 「照片拍摄时间与会议开始相差 95 分钟（上限 30 分钟）」. */
export function flagText(kind: FlagKind, params: Params): string {
  // The capture findings are one kind for photos and videos; `mediaKind` says which (older flags: photos).
  const file = params.mediaKind === 'VIDEO' ? '视频' : '照片';
  switch (kind) {
    case 'PHOTO_TAKEN_OTHER_DAY':
      return `${file}拍摄日期 ${n(params.capturedDate)} 不是会议日期 ${n(params.meetingDate)}`;
    case 'PHOTO_TIME_FAR_FROM_START':
      return `${file}拍摄时间与会议开始相差 ${n(params.minutes)} 分钟（上限 ${n(params.limitMinutes)} 分钟）`;
    case 'PHOTO_LOCATION_FAR':
      return `${file}拍摄地点距企业 ${n(params.meters)} 米（上限 ${n(params.limitMeters)} 米）`;
    case 'PHOTO_REUSED':
      return params.identical ? '照片与其他班前会的照片完全相同' : '照片与其他班前会的照片高度相似';
    case 'VIDEO_REUSED':
      return params.identical ? '视频与其他班前会的视频完全相同' : '视频与其他班前会的视频高度相似';
    case 'VIDEO_TOO_SHORT':
      return `视频时长 ${n(params.seconds)} 秒，短于 ${n(params.minSeconds)} 秒`;
    case 'ATTENDANCE_ABOVE_ROSTER':
      return '实到人数超过班组花名册人数';
    case 'NO_MEDIA':
      return '上报后未在规定时间内上传照片或视频';
    case 'MANUAL':
      return params.note ? `监管人员标记：${n(params.note)}` : '监管人员标记问题';
  }
}

/** 是 / 否 / blank for a fact not known (no report yet). */
export function yesNo(value: boolean | null | undefined): string {
  return value === null || value === undefined ? '' : value ? '是' : '否';
}
