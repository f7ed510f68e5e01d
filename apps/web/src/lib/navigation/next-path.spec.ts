import { describe, expect, it } from 'vitest';
import { safeNextPath } from './next-path.ts';

const origin = 'https://safety.example.gov.cn';

/** Where the browser ends up when it follows the answer, as the router resolves it. */
function landsOn(next: string | null): string | null {
  return next === null ? null : new URL(next, origin).origin;
}

describe('safeNextPath', () => {
  it('keeps paths on this site, with their query and hash', () => {
    expect(safeNextPath('/enterprise/meetings?date=2026-03-01', origin)).toBe('/enterprise/meetings?date=2026-03-01');
    expect(safeNextPath('/admin/users#top', origin)).toBe('/admin/users#top');
  });

  it.each([
    ['a tab the URL parser strips', '/\t/evil.example/x'],
    ['a newline', '/\n/evil.example/x'],
    ['a carriage return', '/\r/evil.example/x'],
    ['a NUL', '/\u0000/evil.example'],
    ['a backslash that the parser reads as a slash', '/\\evil.example'],
    ['a protocol-relative URL', '//evil.example/x'],
    ['an absolute URL', 'https://evil.example/x'],
    ['a scheme with no slashes', 'https:evil.example'],
    ['javascript:', 'javascript:alert(1)'],
    ['a relative path', 'evil.example'],
    ['a dot segment that normalises to //host', '/..//evil.example/x'],
    ['nothing', ''],
  ])('refuses %s', (_name, next) => {
    expect(safeNextPath(next, origin)).toBeNull();
  });

  it('refuses the decoded forms of ?next=/%09/…, %0a and %0d the way the login page reads them', () => {
    for (const query of ['next=/%09/evil.example/x', 'next=/%0a/evil.example/x', 'next=/%0d/evil.example/x', 'next=/%5Cevil.example']) {
      const next = new URL(`/login?${query}`, origin).searchParams.get('next');
      expect(safeNextPath(next, origin)).toBeNull();
    }
  });

  it('keeps encoded slashes on this site, as a path segment and never a host', () => {
    const next = safeNextPath('/%2F%2Fevil.example/x', origin);
    expect(landsOn(next)).toBe(origin);
  });

  it('never throws and never answers with a path that leaves the site', () => {
    const hostile = [
      '/%09/x',
      '/\u0085/x',
      '/\u2028//x',
      '/\ud800',
      '/%',
      '/%zz',
      '/ /evil',
      '/@evil.example',
      '/:evil',
      '/?//evil',
      '/#//evil',
    ];
    for (const next of hostile) {
      const answer = safeNextPath(next, origin);
      if (answer !== null) expect(landsOn(answer)).toBe(origin);
    }
  });
});
