import { describe, expect, it } from 'vitest';
import { mayOpenArea } from './roles.ts';

describe('who may open an area', () => {
  it('lets zone officers watch the wall as well as enforce', () => {
    expect(mayOpenArea('ZONE_OFFICER', 'command', '/command')).toBe(true);
    expect(mayOpenArea('ZONE_OFFICER', 'compliance', '/compliance')).toBe(true);
    expect(mayOpenArea('ENTERPRISE_OFFICER', 'command', '/command')).toBe(false);
  });

  it('opens the statistics page, and only it, of the enforcement area to command operators', () => {
    expect(mayOpenArea('COMMAND_OPERATOR', 'compliance', '/compliance/dashboard')).toBe(true);
    expect(mayOpenArea('COMMAND_OPERATOR', 'compliance', '/compliance')).toBe(false);
    expect(mayOpenArea('COMMAND_OPERATOR', 'compliance', '/compliance/meetings')).toBe(false);
    expect(mayOpenArea('COMMAND_OPERATOR', 'compliance', '/compliance/dashboardx')).toBe(false);
    expect(mayOpenArea('WORKER', 'compliance', '/compliance/dashboard')).toBe(false);
  });

  it('opens the 百千万 progress pages to the bureau, inspectors and zone officers only', () => {
    for (const role of ['ADMIN', 'INSPECTOR', 'ZONE_OFFICER'] as const) expect(mayOpenArea(role, 'training', '/training')).toBe(true);
    for (const role of ['ENTERPRISE_OFFICER', 'WORKER', 'COMMAND_OPERATOR', 'SECURITY_ADMIN'] as const)
      expect(mayOpenArea(role, 'training', '/training')).toBe(false);
  });
});
