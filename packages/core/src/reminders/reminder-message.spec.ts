import { describe, expect, it } from 'vitest';
import { dayLink, missingMeetingMessage, windowText } from './reminder-message.ts';

const facts = {
  enterpriseName: '天津滨海化工有限公司',
  teamName: '甲班',
  shiftName: '早班',
  date: '2026-12-01',
  // 06:30–07:15 in Shanghai.
  dueFrom: new Date('2026-11-30T22:30:00Z'),
  dueUntil: new Date('2026-11-30T23:15:00Z'),
};

describe('missingMeetingMessage', () => {
  it('names the enterprise, team, shift, date, window and links to the day', () => {
    const { title, text } = missingMeetingMessage(facts, 'https://safety.example.cn/');
    expect(title).toBe('班前会未上报：甲班 早班');
    for (const part of ['天津滨海化工有限公司', '**班组**：甲班', '**班次**：早班', '2026-12-01', '06:30–07:15'])
      expect(text).toContain(part);
    expect(text).toContain('(https://safety.example.cn/enterprise?date=2026-12-01)');
  });

  it('escapes markdown in names so a team name cannot inject a link', () => {
    const { text } = missingMeetingMessage({ ...facts, teamName: '[点我](https://evil.example)' }, 'https://x.cn');
    expect(text).toContain('\\[点我\\]\\(https://evil.example\\)');
    expect(text).not.toContain('[点我](https://evil.example)');
  });

  it('shows a window that crosses midnight in Shanghai time', () => {
    expect(windowText({ dueFrom: new Date('2026-12-01T15:30:00Z'), dueUntil: new Date('2026-12-01T16:15:00Z') })).toBe('23:30–00:15');
  });

  it('joins the base URL and the path with one slash', () => {
    expect(dayLink('http://localhost:3000//', '2026-01-02')).toBe('http://localhost:3000/enterprise?date=2026-01-02');
  });
});
