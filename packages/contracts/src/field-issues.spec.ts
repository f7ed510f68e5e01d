import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ShiftInput, EnterpriseInput } from './org.ts';
import { UserInput } from './users.ts';
import { CreateUploadBody } from './media.ts';
import { codeOfZodIssue } from './field-issues.ts';

/** Codes per field for `value` parsed by `schema`, as the API reports them. */
function codes(schema: z.ZodType, value: Record<string, unknown>) {
  const issues = schema.safeParse(value).error?.issues ?? [];
  return Object.fromEntries(
    issues.map((issue) => {
      const present = issue.path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown> | undefined)?.[k], value) !== undefined;
      return [issue.path.join('.'), codeOfZodIssue(issue, present)];
    }),
  );
}

describe('codeOfZodIssue', () => {
  it('tells a missing field from one of the wrong type, and reads lengths and ranges', () => {
    expect(codes(ShiftInput, { name: '', startTime: 730, daysOfWeek: [0, 8, 1.5], meetingWindowBefore: 999 })).toEqual({
      name: { code: 'FIELD_NOT_EMPTY' },
      startTime: { code: 'FIELD_INVALID_TYPE', params: { expected: 'string' } },
      endTime: { code: 'FIELD_REQUIRED' },
      'daysOfWeek.0': { code: 'FIELD_TOO_SMALL', params: { min: 1 } },
      'daysOfWeek.1': { code: 'FIELD_TOO_BIG', params: { max: 7 } },
      'daysOfWeek.2': { code: 'FIELD_NOT_INTEGER' },
      meetingWindowBefore: { code: 'FIELD_TOO_BIG', params: { max: 240 } },
    });
  });

  it('names the format of the contract’s own patterns and of dates and times', () => {
    expect(codes(ShiftInput, { name: 'A', startTime: '7:30', endTime: '24:00', daysOfWeek: [] })).toMatchObject({
      startTime: { code: 'FIELD_INVALID_FORMAT', params: { format: 'time' } },
      daysOfWeek: { code: 'FIELD_TOO_FEW', params: { min: 1 } },
    });
    const enterprise = codes(EnterpriseInput, {
      name: 'x'.repeat(200),
      creditCode: 'X',
      zoneId: 'nope',
      industryId: 'nope',
      riskLevel: 'PINK',
      address: 'a',
      contactName: 'b',
      contactPhone: 'call me',
    });
    expect(enterprise).toMatchObject({
      name: { code: 'FIELD_TOO_LONG', params: { max: 128 } },
      zoneId: { code: 'FIELD_INVALID_FORMAT', params: { format: 'uuid' } },
      riskLevel: { code: 'FIELD_INVALID_ENUM' },
      contactPhone: { code: 'FIELD_INVALID_FORMAT', params: { format: 'phone' } },
    });
  });

  it('takes the code of a refinement from its params, and reports sizes that must be above 0', () => {
    // The password policy needs the user name and history, so the service checks it, not the contract.
    expect(codes(UserInput, { username: 'a b', displayName: 'A\u0007', role: 'WORKER', password: 'longbutnodigits' })).toEqual({
      username: { code: 'FIELD_INVALID_FORMAT', params: { format: 'username' } },
      displayName: { code: 'FIELD_CONTROL_CHARACTER' },
    });
    expect(
      codes(CreateUploadBody, { meetingId: '00000000-0000-4000-8000-000000000000', fileName: 'a.mp4', size: 0, contentType: 'video' }),
    ).toMatchObject({
      size: { code: 'FIELD_NOT_ABOVE', params: { min: 0 } },
      contentType: { code: 'FIELD_INVALID_FORMAT', params: { format: 'mimeType' } },
    });
  });

  it('falls back to FIELD_INVALID for a refinement without a registry code', () => {
    expect(codeOfZodIssue({ code: 'custom', params: { code: 'NOT_A_CODE' } }, true)).toEqual({ code: 'FIELD_INVALID' });
    expect(codeOfZodIssue({ code: 'invalid_format', format: 'regex' }, true)).toEqual({ code: 'FIELD_INVALID' });
  });
});
