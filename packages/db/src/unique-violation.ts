import { ConflictError, type ErrorParams } from '@platform/core';
import type { ErrorCode } from '@platform/contracts';

/** What a unique index means to the user: the code and params of the conflict it reports. */
interface UniqueMeaning {
  model: string;
  /** The index's fields; an entry matches when the violated index has all of them. */
  fields: string[];
  code: ErrorCode;
  params?: (args: unknown) => ErrorParams;
}

// The services check these before writing, with the same codes; the index decides when two
// requests pass the check at the same moment. An index not listed here is a plain CONFLICT.
const MEANINGS: UniqueMeaning[] = [
  { model: 'User', fields: ['username'], code: 'USERNAME_TAKEN' },
  { model: 'Enterprise', fields: ['creditCode'], code: 'CREDIT_CODE_TAKEN' },
  { model: 'Zone', fields: ['code'], code: 'ZONE_TAKEN', params: () => ({ field: 'code' }) },
  { model: 'Zone', fields: ['name'], code: 'ZONE_TAKEN', params: () => ({ field: 'name' }) },
  { model: 'Team', fields: ['enterpriseId', 'name'], code: 'TEAM_NAME_TAKEN' },
  { model: 'Shift', fields: ['enterpriseId', 'name'], code: 'SHIFT_NAME_TAKEN' },
  { model: 'Course', fields: ['code'], code: 'COURSE_CODE_TAKEN' },
  { model: 'Camera', fields: ['enterpriseId', 'rtspUrlShown'], code: 'CAMERA_DUPLICATE' },
  { model: 'Meeting', fields: ['teamId', 'shiftId', 'meetingDate'], code: 'MEETING_ALREADY_REPORTED', params: meetingDateOf },
];

interface KnownRequestError {
  code?: unknown;
  meta?: {
    target?: unknown;
    driverAdapterError?: { cause?: { kind?: string; constraint?: { fields?: string[]; index?: string } } };
  };
}

/**
 * A unique-constraint violation (Prisma P2002) of a write to `model` as the ConflictError a user
 * can act on, or undefined for any other error. The violated index is named by its fields, or
 * (through driver adapters) by its name, whose parts are the fields.
 */
export function conflictOf(error: unknown, model: string | undefined, args: unknown): ConflictError | undefined {
  const known = error as KnownRequestError | null;
  if (!known || known.code !== 'P2002') return undefined;
  const constraint = known.meta?.driverAdapterError?.cause?.constraint;
  const target = known.meta?.target;
  const parts = Array.isArray(target)
    ? target.map(String)
    : (constraint?.fields ?? (constraint?.index ?? (typeof target === 'string' ? target : '')).split('_'));
  const meaning = MEANINGS.find((m) => m.model === model && m.fields.every((field) => parts.includes(field)));
  if (!meaning) return new ConflictError('CONFLICT', `A ${model ?? 'record'} with these values exists already.`, { cause: error });
  return new ConflictError(meaning.code, `A ${model} with this ${meaning.fields.join(' and ')} exists already.`, {
    params: meaning.params?.(args),
    cause: error,
  });
}

function meetingDateOf(args: unknown): ErrorParams {
  const date = (args as { data?: { meetingDate?: unknown } } | undefined)?.data?.meetingDate;
  return { date: date instanceof Date ? date.toISOString().slice(0, 10) : String(date ?? '') };
}
