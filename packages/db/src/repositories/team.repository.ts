import type { TeamRecord, TeamRepository } from '@platform/core';
import type { PrismaClient } from '../generated/prisma/client.ts';

const include = {
  members: { where: { active: true }, orderBy: { name: 'asc' as const } },
  shifts: { select: { shiftId: true } },
} as const;

type Row = Awaited<ReturnType<PrismaClient['team']['findFirstOrThrow']>> & {
  members: { id: string; name: string; employeeNo: string | null; position: string | null; phone: string | null; userId: string | null }[];
  shifts: { shiftId: string }[];
};

function toTeam(row: Row): TeamRecord {
  return {
    id: row.id,
    enterpriseId: row.enterpriseId,
    name: row.name,
    leaderName: row.leaderName,
    active: row.active,
    shiftIds: row.shifts.map((s) => s.shiftId),
    members: row.members.map((m) => ({
      id: m.id,
      name: m.name,
      employeeNo: m.employeeNo,
      position: m.position,
      phone: m.phone,
      userId: m.userId,
    })),
  };
}

/** 班组, their rosters and shift assignments. */
export function createTeamRepository(prisma: PrismaClient): TeamRepository {
  return {
    async listByEnterprise(enterpriseId) {
      return (await prisma.team.findMany({ where: { enterpriseId }, include, orderBy: { name: 'asc' } })).map(toTeam);
    },
    async findById(id) {
      const row = await prisma.team.findUnique({ where: { id }, include });
      return row ? toTeam(row) : null;
    },
    async findIdByName(enterpriseId, name) {
      return (await prisma.team.findUnique({ where: { enterpriseId_name: { enterpriseId, name } }, select: { id: true } }))?.id ?? null;
    },
    async save(enterpriseId, input, id) {
      const row = await prisma.$transaction(async (tx) => {
        const team = id
          ? await tx.team.update({ where: { id }, data: { name: input.name, leaderName: input.leaderName ?? null } })
          : await tx.team.create({ data: { enterpriseId, name: input.name, leaderName: input.leaderName ?? null } });
        // Members who leave the roster are deactivated, not deleted: past attendance still points at them.
        const keep = input.members.flatMap((m) => (m.id ? [m.id] : []));
        await tx.teamMember.updateMany({ where: { teamId: team.id, id: { notIn: keep } }, data: { active: false } });
        for (const m of input.members) {
          const data = {
            name: m.name,
            employeeNo: m.employeeNo ?? null,
            position: m.position ?? null,
            phone: m.phone ?? null,
            active: true,
          };
          if (m.id) await tx.teamMember.update({ where: { id: m.id }, data });
          else await tx.teamMember.create({ data: { ...data, teamId: team.id } });
        }
        // Kept assignments keep their start date: meetings stay due from when the team took the shift.
        const shiftIds = [...new Set(input.shiftIds)];
        await tx.teamShift.deleteMany({ where: { teamId: team.id, shiftId: { notIn: shiftIds } } });
        await tx.teamShift.createMany({ data: shiftIds.map((shiftId) => ({ teamId: team.id, shiftId })), skipDuplicates: true });
        return tx.team.findUniqueOrThrow({ where: { id: team.id }, include });
      });
      return toTeam(row);
    },
  };
}
