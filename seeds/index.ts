import { hashPassword } from '@platform/core';
import type { PrismaClient } from '@platform/db';
import { seedCatalogue } from './catalogue.ts';
import { DEMO_ENTERPRISES, demoPersonName, type DemoEnterprise } from './data/demo-enterprises.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './data/demo-users.ts';
import { INDUSTRIES } from './data/industries.ts';
import { ZONES } from './data/zones.ts';

export { DEMO_ENTERPRISES, DEMO_PASSWORD, DEMO_USERS, INDUSTRIES, ZONES };
export { attachCatalogueMedia, CATALOGUE_SAMPLES_DIR, type CatalogueMediaResult } from './catalogue-media.ts';
export { catalogueMediaItems, renderCatalogueMedia } from './media/render-catalogue.ts';
export { BRIEFING_FIRST_LESSON_SECONDS, COURSES, PROGRAMME, QUIZ_SETTINGS } from './data/catalogue.ts';
export { CAMPAIGNS, LIBRARY_RESOURCES } from './data/library.ts';

/** The demo enterprises' shifts and teams date from here. */
const DEMO_SCHEDULE_FROM = new Date('2026-01-01T00:00:00Z');

export interface SeedResult {
  zones: number;
  industries: number;
  enterprises: number;
  users: number;
  /** Courses and library entries this run created (the 百千万 catalogue, demo only). */
  coursesCreated: number;
  resourcesCreated: number;
}

/**
 * Idempotent: reference data (zones, industries) always; demo enterprises, teams, shifts,
 * accounts and the 百千万 catalogue (programme, courses, library) only with `demo`. Existing rows are matched by natural keys and left as people edited
 * them, so a restart never undoes an admin's change or resets a password.
 */
export async function seedDatabase(prisma: PrismaClient, options: { demo: boolean }): Promise<SeedResult> {
  for (const [i, z] of ZONES.entries()) {
    await prisma.zone.upsert({ where: { code: z.code }, create: { ...z, sortOrder: i }, update: {} });
  }
  for (const [i, ind] of INDUSTRIES.entries()) {
    await prisma.industry.upsert({ where: { code: ind.code }, create: { ...ind, sortOrder: i }, update: {} });
  }
  const result = { zones: ZONES.length, industries: INDUSTRIES.length, enterprises: 0, users: 0, coursesCreated: 0, resourcesCreated: 0 };
  if (!options.demo) return result;

  const zoneIds = new Map((await prisma.zone.findMany({ select: { id: true, code: true } })).map((z) => [z.code, z.id]));
  const industryIds = new Map((await prisma.industry.findMany({ select: { id: true, code: true } })).map((i) => [i.code, i.id]));
  const enterpriseIds: string[] = [];
  for (const [i, e] of DEMO_ENTERPRISES.entries()) {
    enterpriseIds.push(await seedEnterprise(prisma, e, i, zoneIds.get(e.zoneCode)!, industryIds.get(e.industryCode)!));
  }
  result.enterprises = enterpriseIds.length;

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    const enterpriseId = 'enterpriseIndex' in u ? enterpriseIds[u.enterpriseIndex]! : null;
    const zoneId = 'zoneCode' in u ? zoneIds.get(u.zoneCode)! : null;
    const user = await prisma.user.upsert({
      where: { username: u.username },
      create: {
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        enterpriseId,
        zoneId,
        passwordHash,
        phone: 'phone' in u ? u.phone : null,
        idNumber: 'idNumber' in u ? u.idNumber : null,
      },
      update: {},
    });
    if (u.role === 'WORKER' && enterpriseId) await linkWorkerToRoster(prisma, user.id, enterpriseId, u.displayName);
  }
  result.users = DEMO_USERS.length;
  const catalogue = await seedCatalogue(prisma);
  result.coursesCreated = catalogue.coursesCreated;
  result.resourcesCreated = catalogue.resourcesCreated;
  return result;
}

async function seedEnterprise(prisma: PrismaClient, e: DemoEnterprise, index: number, zoneId: string, industryId: string): Promise<string> {
  const { zoneCode: _z, industryCode: _i, shiftPattern, ...fields } = e;
  const existing = await prisma.enterprise.findUnique({ where: { creditCode: e.creditCode }, select: { id: true } });
  if (existing) return existing.id;
  const enterprise = await prisma.enterprise.create({ data: { ...fields, zoneId, industryId } });
  const shifts =
    shiftPattern === 'three'
      ? [
          { name: '早班', startMinute: 8 * 60, endMinute: 16 * 60, overnight: false, daysOfWeek: [1, 2, 3, 4, 5, 6, 7] },
          { name: '中班', startMinute: 16 * 60, endMinute: 0, overnight: true, daysOfWeek: [1, 2, 3, 4, 5, 6, 7] },
          { name: '夜班', startMinute: 0, endMinute: 8 * 60, overnight: false, daysOfWeek: [1, 2, 3, 4, 5, 6, 7] },
        ]
      : [{ name: '白班', startMinute: 8 * 60 + 30, endMinute: 17 * 60 + 30, overnight: false, daysOfWeek: [1, 2, 3, 4, 5] }];
  const shiftIds: string[] = [];
  for (const s of shifts) shiftIds.push((await prisma.shift.create({ data: { ...s, enterpriseId: enterprise.id } })).id);
  // The demo plant has worked these shifts all year, so past days have meetings due too.
  await prisma.shiftRevision.updateMany({ where: { shiftId: { in: shiftIds } }, data: { effectiveFrom: DEMO_SCHEDULE_FROM } });
  const teamNames = shiftPattern === 'three' ? ['甲班', '乙班', '丙班'] : ['生产一组', '生产二组'];
  for (const [t, teamName] of teamNames.entries()) {
    const people = Array.from({ length: 6 }, (_, m) => demoPersonName(index * 31 + t * 7 + m + 5));
    await prisma.team.create({
      data: {
        enterpriseId: enterprise.id,
        name: teamName,
        leaderName: people[0],
        members: {
          create: people.map((name, m) => ({
            name,
            employeeNo: `E${String(index + 1).padStart(3, '0')}${t}${m}`,
            position: m === 0 ? '班组长' : '操作工',
          })),
        },
        // Three-shift plants rotate: each team is on one shift in this demo calendar.
        shifts: { create: [{ shiftId: shiftPattern === 'three' ? shiftIds[t]! : shiftIds[0]! }] },
      },
    });
  }
  await prisma.teamShift.updateMany({ where: { shiftId: { in: shiftIds } }, data: { effectiveFrom: DEMO_SCHEDULE_FROM } });
  return enterprise.id;
}

async function linkWorkerToRoster(prisma: PrismaClient, userId: string, enterpriseId: string, displayName: string): Promise<void> {
  if (await prisma.teamMember.findUnique({ where: { userId } })) return;
  const team = await prisma.team.findFirst({ where: { enterpriseId }, orderBy: { name: 'asc' } });
  if (!team) return;
  await prisma.teamMember.create({ data: { teamId: team.id, name: displayName.replace(/^职工\s*/, ''), position: '操作工', userId } });
}
