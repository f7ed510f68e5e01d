import { describe, expect, it } from 'vitest';
import { changedFields, maskPersonal } from './changed-fields.ts';

describe('changedFields', () => {
  const before = {
    displayName: '王强',
    phone: '13812345678' as string | null,
    active: true,
    zoneId: null as string | null,
    at: new Date('2026-01-01T00:00:00Z'),
  };

  it('lists only the fields that changed, with old and new values', () => {
    expect(changedFields(before, { displayName: '王强', active: false, zoneId: 'z1' })).toEqual({
      active: { from: true, to: false },
      zoneId: { from: null, to: 'z1' },
    });
  });

  it('ignores keys absent from the update and compares dates by instant', () => {
    expect(changedFields(before, {})).toEqual({});
    expect(changedFields(before, { at: new Date('2026-01-01T00:00:00.000Z') })).toEqual({});
    expect(changedFields(before, { at: new Date('2026-01-02T00:00:00Z') })).toEqual({
      at: { from: '2026-01-01T00:00:00.000Z', to: '2026-01-02T00:00:00.000Z' },
    });
  });

  it('masks personal data but still shows that it changed, and omits secrets entirely', () => {
    const changes = changedFields(
      { ...before, passwordHash: 'x' },
      { phone: '13987654321', passwordHash: 'y' },
      { mask: ['phone'], omit: ['passwordHash'] },
    );
    expect(changes).toEqual({ phone: { from: '138****5678', to: '139****4321' } });
    expect(JSON.stringify(changes)).not.toContain('13812345678');
    expect(changedFields(before, { phone: null }, { mask: ['phone'] })).toEqual({ phone: { from: '138****5678', to: null } });
  });

  it('masks short values down to their last character', () => {
    expect(maskPersonal('1234')).toBe('***4');
    expect(maskPersonal('')).toBeNull();
  });
});
