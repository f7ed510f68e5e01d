// The columns of the meeting and missing-list exports, and how one record becomes one row of
// Chinese cells. Pure: the states come from `slotState`, the one rule the lists and boards use.
import type { DueMeetingRow } from '../compliance/due-meeting.port.ts';
import { slotState } from '../compliance/timeliness.ts';
import { clockFromMinutes } from '../org/clock.ts';
import type { ExportedMeeting } from './export.port.ts';
import { REVIEW_STATUS_ZH, RISK_LEVEL_ZH, SLOT_STATE_ZH, yesNo } from './labels.zh-CN.ts';
import { beijingTime, type Cell } from './table.ts';

export const MEETING_COLUMNS = [
  '会议日期',
  '企业名称',
  '统一社会信用代码',
  '区域',
  '行业',
  '风险等级',
  '班组',
  '班次',
  '按时时段',
  '会议开始时间',
  '主持人',
  '应到人数',
  '实到人数',
  '上报时间',
  '状态',
  '按时召开',
  '照片视频数',
  '疑点数',
  '审核状态',
  '优秀案例',
  '记录编号',
];

const shiftName = (s: { name: string; startMinute: number; endMinute: number }) =>
  `${s.name}（${clockFromMinutes(s.startMinute)}–${clockFromMinutes(s.endMinute)}）`;
const window = (s: { dueFrom: Date; dueUntil: Date }) => `${beijingTime(s.dueFrom).slice(11)}–${beijingTime(s.dueUntil).slice(11)}`;

/** One exported meeting; `now` decides whether a report without evidence is past its grace. */
export function meetingCells(m: ExportedMeeting, now: Date): Cell[] {
  const state = m.slot ? SLOT_STATE_ZH[slotState(now, m.slot)] : '';
  return [
    m.meetingDate,
    m.enterprise.name,
    m.enterprise.creditCode,
    m.zoneName,
    m.industryName,
    RISK_LEVEL_ZH[m.enterprise.riskLevel],
    m.teamName,
    shiftName(m.shift),
    m.slot ? window(m.slot) : '',
    beijingTime(m.startedAt),
    m.hostName,
    m.expectedCount,
    m.presentCount,
    beijingTime(m.reportedAt),
    state,
    yesNo(m.slot?.heldOnTime),
    m.slot?.evidenceCount ?? null,
    m.slot?.flagCount ?? null,
    REVIEW_STATUS_ZH[m.reviewStatus],
    m.bestPractice ? '是' : '',
    m.id,
  ];
}

export const MISSING_COLUMNS = ['日期', '企业名称', '区域', '行业', '班组', '班次', '按时时段', '上报截止', '状态', '已提醒时间', '编号'];

/** One row of the missing list. */
export function missingCells(r: DueMeetingRow, now: Date): Cell[] {
  return [
    r.date,
    r.enterprise.name,
    r.zone.name,
    r.industry.name,
    r.team.name,
    shiftName(r.shift),
    window(r),
    beijingTime(r.reportBy),
    SLOT_STATE_ZH[slotState(now, r)],
    beijingTime(r.remindedAt),
    r.id,
  ];
}
