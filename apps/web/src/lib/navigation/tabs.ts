import type { Role } from '@platform/contracts';

export type TabId = 'today' | 'report' | 'records' | 'learn' | 'certificates' | 'library' | 'me';

/** One entry of the phone layout's bottom tab bar. */
export interface Tab {
  id: TabId;
  href: string;
  /** Pages that belong to the tab besides `href` itself (their sub-pages too). */
  sections: readonly string[];
}

const OFFICER_TABS: readonly Tab[] = [
  { id: 'today', href: '/enterprise', sections: [] },
  // The board's 上报 buttons open the full form; it is still reporting.
  { id: 'report', href: '/enterprise/report', sections: ['/enterprise/meetings/new'] },
  { id: 'records', href: '/enterprise/meetings', sections: [] },
  // Officers may open /learn (AREA_ROLES); the showcase of best practice is theirs to learn from too.
  { id: 'learn', href: '/learn', sections: ['/showcase', '/library'] },
  // Where the administration moved from the landing page: its pages are reached from 我的.
  {
    id: 'me',
    href: '/enterprise/me',
    sections: ['/enterprise/teams', '/enterprise/shifts', '/enterprise/robots', '/enterprise/live', '/enterprise/cameras', '/account'],
  },
];

// A worker learns: his courses (resume, lessons, quizzes), his certificates, the library, his account.
const WORKER_TABS: readonly Tab[] = [
  { id: 'learn', href: '/learn', sections: [] },
  { id: 'certificates', href: '/learn/certificates', sections: [] },
  { id: 'library', href: '/library', sections: [] },
  { id: 'me', href: '/learn/me', sections: ['/account'] },
];

/**
 * The bottom tabs of `role` on the phone layout; empty for the roles whose home is a desktop
 * page (they keep the full header, with its area links and 退出登录, wherever they go).
 */
export function tabsFor(role: Role): readonly Tab[] {
  if (role === 'ENTERPRISE_OFFICER') return OFFICER_TABS;
  if (role === 'WORKER') return WORKER_TABS;
  return [];
}

function covers(prefix: string, pathname: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

/**
 * The tab `pathname` belongs to: the one whose page or section is the longest prefix of it, so
 * /enterprise/meetings/new is 上报 rather than 记录, and /enterprise/teams/… is 我的 rather than 今日.
 */
export function activeTab(tabs: readonly Tab[], pathname: string): Tab | undefined {
  let best: { tab: Tab; length: number } | undefined;
  for (const tab of tabs) {
    for (const prefix of [tab.href, ...tab.sections]) {
      if (covers(prefix, pathname) && (!best || prefix.length > best.length)) best = { tab, length: prefix.length };
    }
  }
  return best?.tab;
}
