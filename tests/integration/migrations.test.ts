import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { applyMigrations, createPrismaClient } from '@platform/db';
import { seedDatabase } from '@platform/seeds';
import { isValidCreditCode } from '@platform/core';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/database.ts';
import { PROJECT_ROOT } from '../support/test-app.ts';

describe('migrations', () => {
  it('apply on an empty database, record themselves like Prisma does, and apply nothing the second time', async () => {
    const url = await createTestDatabase('empty');
    const first = await applyMigrations(url);
    expect(first.length).toBeGreaterThan(0);
    expect(await applyMigrations(url)).toEqual([]);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const history = await client.query(
        'SELECT migration_name, finished_at, applied_steps_count, length(checksum) AS l FROM _prisma_migrations',
      );
      expect(history.rows.map((r) => r.migration_name)).toEqual(first);
      expect(history.rows.every((r) => r.finished_at && r.applied_steps_count === 1 && r.l === 64)).toBe(true);
      const tz = await client.query(
        "SELECT count(*)::int AS n FROM information_schema.columns WHERE table_schema = 'public' AND data_type = 'timestamp without time zone'",
      );
      expect(tz.rows[0].n).toBe(0); // every instant is timestamptz
    } finally {
      await client.end();
    }
  });

  it('cover every change in schema.prisma', async () => {
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'packages/db/scripts/create-migration.ts', '--check'], {
      cwd: PROJECT_ROOT,
    });
    expect(stdout).toContain('No schema changes');
  });
});

describe('seeds', () => {
  it('are idempotent and give the demo set the issue asks for', async () => {
    const url = await createTestDatabase('empty');
    await applyMigrations(url);
    const prisma = createPrismaClient(url);
    try {
      await seedDatabase(prisma, { demo: true });
      const count = async () => ({
        zones: await prisma.zone.count(),
        industries: await prisma.industry.count(),
        enterprises: await prisma.enterprise.count(),
        teams: await prisma.team.count(),
        shifts: await prisma.shift.count(),
        members: await prisma.teamMember.count(),
        users: await prisma.user.count(),
      });
      const before = await count();
      await seedDatabase(prisma, { demo: true });
      expect(await count()).toEqual(before);

      expect(before.enterprises).toBeGreaterThanOrEqual(40);
      const enterprises = await prisma.enterprise.findMany({ include: { _count: { select: { teams: true, shifts: true } } } });
      expect(enterprises.every((e) => isValidCreditCode(e.creditCode))).toBe(true);
      expect(enterprises.every((e) => e._count.teams > 0 && e._count.shifts > 0)).toBe(true);
      expect(new Set(enterprises.map((e) => e.zoneId)).size).toBeGreaterThanOrEqual(15);
      expect(new Set(enterprises.map((e) => e.industryId)).size).toBe(before.industries);

      const users = await prisma.user.findMany({ include: { enterprise: true } });
      expect(users.map((u) => u.username).sort()).toEqual([
        'admin',
        'auditor',
        'command',
        'inspector',
        'officer1',
        'officer2',
        'secadmin',
        'worker1',
        'worker2',
        'worker3',
        'worker4',
        'zone1',
      ]);
      // 三权分立: one account for each administrator role.
      expect(['admin', 'secadmin', 'auditor'].map((name) => byRole(users, name))).toEqual(['ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN']);
      const byName = new Map(users.map((u) => [u.username, u]));
      expect(byName.get('officer1')!.enterpriseId).not.toBe(byName.get('officer2')!.enterpriseId);
      expect(byName.get('officer1')!.enterprise!.zoneId).not.toBe(byName.get('officer2')!.enterprise!.zoneId);
      expect(byName.get('worker1')!.enterpriseId).toBe(byName.get('officer1')!.enterpriseId);
      expect(byName.get('zone1')!.zoneId).toBe(byName.get('officer1')!.enterprise!.zoneId);
    } finally {
      await prisma.$disconnect();
    }
  });

  it('create no accounts without demo seeding', async () => {
    const url = await createTestDatabase('empty');
    await applyMigrations(url);
    const prisma = createPrismaClient(url);
    try {
      await seedDatabase(prisma, { demo: false });
      expect(await prisma.zone.count()).toBeGreaterThan(20);
      expect(await prisma.user.count()).toBe(0);
      expect(await prisma.enterprise.count()).toBe(0);
    } finally {
      await prisma.$disconnect();
    }
  });
});

function byRole(users: { username: string; role: string }[], username: string): string | undefined {
  return users.find((u) => u.username === username)?.role;
}
