// The words of a reminder, built by pure code so a spec can read them. Chinese: the robots post
// into the enterprise's own group chat.

/** What a message says; the facts of a missing meeting, already loaded. */
export interface ReminderFacts {
  enterpriseName: string;
  teamName: string;
  shiftName: string;
  /** YYYY-MM-DD, the shift's day. */
  date: string;
  dueFrom: Date;
  dueUntil: Date;
}

/** A robot message: a title (DingTalk shows it in the chat list) and markdown text. */
export interface RobotMessage {
  title: string;
  text: string;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** HH:mm in Asia/Shanghai (no daylight saving, so a fixed offset is exact). */
export function shanghaiClock(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16);
}

/** The in-app path of an enterprise's day, where the missing meeting can be reported late. */
export function dayPath(date: string): string {
  return `/enterprise?date=${date}`;
}

/** The absolute link a robot message carries: `base` is the platform's public URL. */
export function dayLink(baseUrl: string, date: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${dayPath(date)}`;
}

/** The window as `06:30–07:15`, with the day it falls on when it runs past midnight. */
export function windowText(facts: Pick<ReminderFacts, 'dueFrom' | 'dueUntil'>): string {
  return `${shanghaiClock(facts.dueFrom)}–${shanghaiClock(facts.dueUntil)}`;
}

/**
 * Markdown is the robots' format; names come from the enterprise's own data, so characters that
 * would change the layout (links, emphasis, headings) are escaped rather than trusted.
 */
function plain(value: string): string {
  return value.replace(/[\\`*_[\]()#>!|~<]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
}

/** The missing-meeting reminder for one team and shift. */
export function missingMeetingMessage(facts: ReminderFacts, baseUrl: string): RobotMessage {
  const link = dayLink(baseUrl, facts.date);
  const title = `班前会未上报：${plain(facts.teamName)} ${plain(facts.shiftName)}`;
  const text = [
    `### 班前会未上报提醒`,
    `**企业**：${plain(facts.enterpriseName)}`,
    `**班组**：${plain(facts.teamName)}`,
    `**班次**：${plain(facts.shiftName)}`,
    `**日期**：${facts.date}`,
    `**应开会时段**：${windowText(facts)}`,
    `该班次的班前会在时段结束时仍未上报，请安全员尽快补报并说明原因。`,
    `[打开平台补报](${link})`,
  ].join('\n\n');
  return { title, text };
}

/** The message "send a test message" posts, so an officer sees the robot works. */
export function testMessage(enterpriseName: string, baseUrl: string): RobotMessage {
  return {
    title: '班前会平台测试消息',
    text: [
      `### 班前会平台测试消息`,
      `**企业**：${plain(enterpriseName)}`,
      `这是一条测试消息：班前会未按时上报时，平台会通过本机器人提醒。`,
      `[打开平台](${baseUrl.replace(/\/+$/, '')}/enterprise)`,
    ].join('\n\n'),
  };
}
