import { z } from 'zod';
import { Id, PageQuery, RiskLevel, text } from './common.ts';
import { namedFormat } from './rules.ts';

export const ZoneKind = z.enum(['DEVELOPMENT_ZONE', 'STREET', 'TOWN']);

export const Zone = z
  .object({ id: Id, code: z.string(), name: z.string(), kind: ZoneKind, sortOrder: z.number().int() })
  .meta({ id: 'Zone' });
export type Zone = z.infer<typeof Zone>;

export const ZoneInput = z.object({
  code: text(32).check(namedFormat('zoneCode', /^[A-Z0-9-]+$/, 'use upper-case letters, digits and dashes')),
  name: text(64),
  kind: ZoneKind,
  sortOrder: z.number().int().min(0).default(0),
});
export type ZoneInput = z.infer<typeof ZoneInput>;

export const Industry = z.object({ id: Id, code: z.string(), name: z.string(), hazardous: z.boolean() }).meta({ id: 'Industry' });
export type Industry = z.infer<typeof Industry>;

const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);
const phone = z
  .string()
  .trim()
  .check(namedFormat('phone', /^[0-9+\-() ]{7,20}$/, 'must be a phone number (7–20 digits, + - ( ) allowed)'));

export const EnterpriseInput = z.object({
  name: text(128),
  creditCode: z.string().trim().toUpperCase().meta({ description: '18-character unified social credit code (GB 32100-2015)' }),
  zoneId: Id,
  industryId: Id,
  riskLevel: RiskLevel,
  address: text(256),
  latitude: latitude.nullable().optional(),
  longitude: longitude.nullable().optional(),
  contactName: text(64),
  contactPhone: phone,
  active: z.boolean().default(true),
});
export type EnterpriseInput = z.infer<typeof EnterpriseInput>;

export const Enterprise = z
  .object({
    id: Id,
    name: z.string(),
    creditCode: z.string(),
    zone: z.object({ id: Id, name: z.string() }),
    industry: z.object({ id: Id, name: z.string() }),
    riskLevel: RiskLevel,
    address: z.string(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    contactName: z.string(),
    contactPhone: z.string(),
    active: z.boolean(),
  })
  .meta({ id: 'Enterprise' });
export type Enterprise = z.infer<typeof Enterprise>;

export const EnterpriseQuery = PageQuery.extend({
  q: z.string().trim().max(64).optional(),
  zoneId: Id.optional(),
  industryId: Id.optional(),
  riskLevel: RiskLevel.optional(),
});
export type EnterpriseQuery = z.infer<typeof EnterpriseQuery>;

export const TeamMemberInput = z.object({
  id: Id.optional(),
  name: text(32),
  employeeNo: z.string().trim().max(32).nullable().optional(),
  position: z.string().trim().max(32).nullable().optional(),
  phone: phone.nullable().optional(),
});

export const TeamInput = z.object({
  name: text(64),
  leaderName: z.string().trim().max(32).nullable().optional(),
  shiftIds: z.array(Id).max(10).default([]),
  members: z.array(TeamMemberInput).max(500).default([]),
});
export type TeamInput = z.infer<typeof TeamInput>;

export const Team = z
  .object({
    id: Id,
    enterpriseId: Id,
    name: z.string(),
    leaderName: z.string().nullable(),
    active: z.boolean(),
    shiftIds: z.array(Id),
    members: z.array(
      z.object({
        id: Id,
        name: z.string(),
        employeeNo: z.string().nullable(),
        position: z.string().nullable(),
        phone: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'Team' });
export type Team = z.infer<typeof Team>;

const clock = z.iso.time({ precision: -1, error: 'must be a 24-hour time HH:MM, e.g. 07:30' });

export const ShiftInput = z.object({
  name: text(32),
  startTime: clock,
  endTime: clock,
  daysOfWeek: z
    .array(z.number().int().min(1, { error: 'weekday must be 1 (Mon) … 7 (Sun)' }).max(7, { error: 'weekday must be 1 (Mon) … 7 (Sun)' }))
    .min(1, { error: 'pick at least one weekday' })
    .max(7),
  meetingWindowBefore: z.number().int().min(0).max(240).default(60),
  meetingWindowAfter: z.number().int().min(0).max(240).default(30),
});
export type ShiftInput = z.infer<typeof ShiftInput>;

export const Shift = z
  .object({
    id: Id,
    enterpriseId: Id,
    name: z.string(),
    startTime: z.string(),
    endTime: z.string(),
    overnight: z.boolean().meta({ description: 'true when the shift ends on the next day' }),
    daysOfWeek: z.array(z.number().int()),
    meetingWindowBefore: z.number().int(),
    meetingWindowAfter: z.number().int(),
    active: z.boolean(),
  })
  .meta({ id: 'Shift' });
export type Shift = z.infer<typeof Shift>;
