import { describe, expect, it } from 'vitest';
import { activeTab, tabsFor } from './tabs.ts';

const officer = tabsFor('ENTERPRISE_OFFICER');
const active = (pathname: string, tabs = officer) => activeTab(tabs, pathname)?.id;

describe('the phone tab bar', () => {
  it('gives officers five tabs and workers four, and no tabs to desktop roles', () => {
    expect(officer.map((tab) => tab.id)).toEqual(['today', 'report', 'records', 'learn', 'me']);
    expect(tabsFor('WORKER').map((tab) => tab.id)).toEqual(['learn', 'certificates', 'library', 'me']);
    for (const role of ['ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'INSPECTOR', 'ZONE_OFFICER', 'COMMAND_OPERATOR'] as const) {
      expect(tabsFor(role)).toEqual([]);
    }
  });

  it('marks the tab of the page and of the pages under it', () => {
    expect(active('/enterprise')).toBe('today');
    expect(active('/enterprise/report')).toBe('report');
    expect(active('/enterprise/meetings')).toBe('records');
    expect(active('/enterprise/meetings/0b6e0d2c-8f0a-4a57-9a6a-0c8f7f3b1a11')).toBe('records');
    expect(active('/learn')).toBe('learn');
    expect(active('/showcase/abc')).toBe('learn');
    expect(active('/enterprise/me')).toBe('me');
    expect(active('/enterprise/me/teams')).toBe('me');
  });

  it('puts the full report form under 上报 and the administration pages under 我的', () => {
    expect(active('/enterprise/meetings/new')).toBe('report');
    expect(active('/enterprise/teams/new')).toBe('me');
    expect(active('/enterprise/shifts/abc')).toBe('me');
    expect(active('/enterprise/robots')).toBe('me');
    expect(active('/account')).toBe('me');
    expect(active('/account/password')).toBe('me');
  });

  it('matches whole path segments only', () => {
    expect(active('/enterprise/meetingsx')).toBe('today');
    expect(active('/learning')).toBeUndefined();
    expect(active('/compliance')).toBeUndefined();
  });

  it('keeps a worker on 学习 except on his own page', () => {
    const worker = tabsFor('WORKER');
    expect(active('/learn', worker)).toBe('learn');
    expect(active('/learn/courses/1', worker)).toBe('learn');
    expect(active('/learn/me', worker)).toBe('me');
    expect(active('/learn/certificates/1', worker)).toBe('certificates');
    expect(active('/library', worker)).toBe('library');
    expect(active('/account', worker)).toBe('me');
  });
});
