import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskNumber, maskPhone } from './mask.ts';

describe('maskNumber', () => {
  it('shows the first 3 and last 4 of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('keeps separators and masks only digits between', () => {
    expect(maskPhone('+86 138-1234-5678')).toBe('+86 1**-****-5678');
  });

  it('masks an 18-character ID number, X included in what stays', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
  });

  it('hides at least half of a short number', () => {
    expect(maskPhone('23456789')).toBe('23****89');
    expect(maskPhone('1234567')).toBe('1*****7');
    expect(maskPhone('123')).toBe('***');
  });

  it('passes null, undefined and empty through', () => {
    expect(maskNumber(null)).toBeNull();
    expect(maskNumber(undefined)).toBeUndefined();
    expect(maskNumber('')).toBe('');
  });

  it('never shows the full number', () => {
    for (const phone of ['13812345678', '022-23456789', '+8613812345678', '110105194912310021']) {
      expect(maskNumber(phone)).not.toBe(phone);
      expect(maskNumber(phone)).toContain('*');
    }
  });
});
