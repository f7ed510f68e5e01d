import type { NewWorker, TakenValues, WorkerRecord, WorkerRepository } from '@platform/core';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { UserWhereInput } from '../generated/prisma/models.ts';
import { enterpriseWhere } from './scope-filter.ts';

const select = {
  id: true,
  username: true,
  displayName: true,
  phone: true,
  idNumber: true,
  active: true,
  lastLoginAt: true,
  createdAt: true,
  enterprise: { select: { id: true, name: true, zoneId: true } },
  teamMember: { select: { active: true, employeeNo: true, position: true, team: { select: { id: true, name: true } } } },
} as const;

interface Row {
  id: string;
  username: string;
  displayName: string;
  phone: string | null;
  idNumber: string | null;
  active: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
  enterprise: { id: string; name: string; zoneId: string } | null;
  teamMember: { active: boolean; employeeNo: string | null; position: string | null; team: { id: string; name: string } } | null;
}

function toRecord(row: Row): WorkerRecord {
  const member = row.teamMember?.active ? row.teamMember : null;
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    phone: row.phone,
    idNumber: row.idNumber,
    // A WORKER always has an enterprise (the user service and this repository make sure of it).
    enterprise: row.enterprise!,
    active: row.active,
    lastLoginAt: row.lastLoginAt,
    createdAt: row.createdAt,
    member: member
      ? { teamId: member.team.id, teamName: member.team.name, employeeNo: member.employeeNo, position: member.position }
      : null,
  };
}

// Phone and ID number have no unique index (phones of officers are free text; ID numbers were added
// for workers only), so imports take this lock for their check-and-insert: two officers importing
// the same person at the same moment cannot both pass.
const WORKER_ACCOUNTS_LOCK = 1_104_211;

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

async function takenIn(db: Pick<PrismaClient, 'user'> | Tx, phones: string[], idNumbers: string[]): Promise<TakenValues> {
  if (!phones.length && !idNumbers.length) return { phones: [], idNumbers: [] };
  const rows = await db.user.findMany({
    where: { OR: [{ phone: { in: phones } }, { username: { in: phones } }, { idNumber: { in: idNumbers } }] },
    select: { phone: true, username: true, idNumber: true },
  });
  const wantedPhones = new Set(phones);
  const wantedIds = new Set(idNumbers);
  return {
    phones: [...new Set(rows.flatMap((r) => [r.phone, r.username].filter((v): v is string => v !== null && wantedPhones.has(v))))],
    idNumbers: [...new Set(rows.flatMap((r) => (r.idNumber && wantedIds.has(r.idNumber) ? [r.idNumber] : [])))],
  };
}

/** Worker accounts with their roster entries. */
export function createWorkerRepository(prisma: PrismaClient): WorkerRepository {
  return {
    async list(scope, query) {
      const where: UserWhereInput = {
        AND: [
          { role: 'WORKER', enterprise: enterpriseWhere(scope) },
          query.enterpriseId ? { enterpriseId: query.enterpriseId } : {},
          query.status === 'all' ? {} : { active: query.status === 'active' },
          query.teamId ? { teamMember: { teamId: query.teamId, active: true } } : {},
          query.q
            ? {
                OR: [
                  { displayName: { contains: query.q } },
                  { username: { contains: query.q, mode: 'insensitive' } },
                  { teamMember: { employeeNo: { contains: query.q, mode: 'insensitive' } } },
                ],
              }
            : {},
        ],
      };
      const [rows, total] = await Promise.all([
        prisma.user.findMany({
          where,
          select,
          orderBy: [{ displayName: 'asc' }, { id: 'asc' }],
          skip: (query.page - 1) * query.pageSize,
          take: query.pageSize,
        }),
        prisma.user.count({ where }),
      ]);
      return { items: rows.map(toRecord), total, page: query.page, pageSize: query.pageSize };
    },

    async findById(id) {
      const row = await prisma.user.findFirst({ where: { id, role: 'WORKER', enterpriseId: { not: null } }, select });
      return row ? toRecord(row) : null;
    },

    findTaken: (phones, idNumbers) => takenIn(prisma, phones, idNumbers),

    async createAll(enterpriseId, workers, now) {
      const ids = await prisma.$transaction(
        async (tx): Promise<{ taken: TakenValues } | { userIds: string[] }> => {
          await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${WORKER_ACCOUNTS_LOCK})`);
          const taken = await takenIn(
            tx,
            workers.map((w) => w.phone),
            workers.map((w) => w.idNumber),
          );
          if (taken.phones.length || taken.idNumbers.length) return { taken };
          const users = await tx.user.createManyAndReturn({
            data: workers.map((w) => ({
              username: w.username,
              displayName: w.displayName,
              role: 'WORKER' as const,
              enterpriseId,
              phone: w.phone,
              idNumber: w.idNumber,
              passwordHash: w.passwordHash,
              passwordChangedAt: now,
              // Whoever chose the first password is not its owner: the first login must change it.
              mustChangePassword: true,
            })),
            select: { id: true, username: true },
          });
          const idOf = new Map(users.map((u) => [u.username, u.id]));
          const userIds = workers.map((w) => idOf.get(w.username)!);
          await tx.passwordHistory.createMany({
            data: workers.map((w, i) => ({ userId: userIds[i]!, passwordHash: w.passwordHash, createdAt: now })),
          });
          await joinRosters(tx, workers, userIds);
          return { userIds };
        },
        // A 2,000-row import writes a few thousand rows; the default 5 s is for single requests.
        { timeout: 60_000, maxWait: 10_000 },
      );
      if ('taken' in ids) return { taken: ids.taken };
      const rows = await prisma.user.findMany({ where: { id: { in: ids.userIds } }, select });
      const byId = new Map(rows.map((r) => [r.id, toRecord(r)]));
      return { created: ids.userIds.map((id) => byId.get(id)!) };
    },
  };
}

/**
 * Puts each worker with a team on its roster: an active entry without an account and with the same
 * employee no. (or, when none is given, the only one with the same name) is linked to the account,
 * otherwise a new entry is added. An entry is linked once, so two rows never take the same one.
 */
async function joinRosters(tx: Tx, workers: NewWorker[], userIds: string[]): Promise<void> {
  const teamIds = [...new Set(workers.flatMap((w) => (w.teamId ? [w.teamId] : [])))];
  if (!teamIds.length) return;
  const free = await tx.teamMember.findMany({
    where: { teamId: { in: teamIds }, active: true, userId: null },
    select: { id: true, teamId: true, name: true, employeeNo: true },
  });
  const used = new Set<string>();
  const fresh: { teamId: string; name: string; employeeNo: string | null; position: string | null; phone: string; userId: string }[] = [];
  for (const [i, w] of workers.entries()) {
    if (!w.teamId) continue;
    const candidates = free.filter((m) => m.teamId === w.teamId && !used.has(m.id));
    const byNumber = w.employeeNo ? candidates.filter((m) => m.employeeNo === w.employeeNo) : [];
    const byName = w.employeeNo ? [] : candidates.filter((m) => m.name === w.displayName);
    const match = byNumber.length === 1 ? byNumber[0] : byName.length === 1 ? byName[0] : undefined;
    if (match) {
      used.add(match.id);
      await tx.teamMember.update({
        where: { id: match.id },
        data: { userId: userIds[i]!, phone: w.phone, ...(w.position ? { position: w.position } : {}) },
      });
    } else {
      fresh.push({
        teamId: w.teamId,
        name: w.displayName,
        employeeNo: w.employeeNo,
        position: w.position,
        phone: w.phone,
        userId: userIds[i]!,
      });
    }
  }
  if (fresh.length) await tx.teamMember.createMany({ data: fresh });
}
