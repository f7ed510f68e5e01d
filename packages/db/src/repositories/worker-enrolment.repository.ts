import type { Enrolment } from '@platform/contracts';
import type { EnrolmentRepository } from '@platform/core';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { EnrolmentWhereInput } from '../generated/prisma/models.ts';
import { enterpriseWhere } from './scope-filter.ts';

const listSelect = {
  id: true,
  status: true,
  enrolledAt: true,
  completedAt: true,
  course: { select: { id: true, title: true, _count: { select: { lessons: { where: { required: true } } } } } },
  user: {
    select: {
      id: true,
      displayName: true,
      active: true,
      teamMember: { select: { active: true, employeeNo: true, team: { select: { id: true, name: true } } } },
    },
  },
  certificate: { select: { serialNo: true, issuedAt: true, validUntil: true, revokedAt: true } },
  _count: {
    select: {
      progress: { where: { completedAt: { not: null }, lesson: { required: true } } },
      attempts: { where: { passed: true } },
    },
  },
} as const;

/** Enrolments of enterprises' workers in courses, with where each stands. */
export function createWorkerEnrolmentRepository(prisma: PrismaClient): EnrolmentRepository {
  /** True when the enrolment has progress, attempts, a certificate or any viewing on record. */
  async function learned(db: Pick<PrismaClient, 'lessonProgress' | 'quizAttempt' | 'certificate' | 'playSession'>, id: string) {
    const [progress, attempts, certificates, viewings] = await Promise.all([
      db.lessonProgress.count({ where: { enrolmentId: id, OR: [{ watchedSeconds: { gt: 0 } }, { completedAt: { not: null } }] } }),
      db.quizAttempt.count({ where: { enrolmentId: id } }),
      db.certificate.count({ where: { enrolmentId: id } }),
      // Viewings are the learning record kept for years, even when none of their heartbeats counted.
      db.playSession.count({ where: { enrolmentId: id } }),
    ]);
    return progress + attempts + certificates + viewings > 0;
  }

  return {
    async listCourses(enterpriseId) {
      const [courses, counts] = await Promise.all([
        prisma.course.findMany({
          where: { published: true },
          select: { id: true, code: true, title: true, category: true, description: true, _count: { select: { lessons: true } } },
          orderBy: [{ code: 'asc' }],
        }),
        prisma.enrolment.groupBy({ by: ['courseId', 'status'], where: { enterpriseId }, _count: { _all: true } }),
      ]);
      return courses.map((c) => {
        const mine = counts.filter((n) => n.courseId === c.id);
        return {
          id: c.id,
          code: c.code,
          title: c.title,
          category: c.category,
          description: c.description,
          lessonCount: c._count.lessons,
          enrolled: mine.reduce((sum, n) => sum + n._count._all, 0),
          completed: mine.filter((n) => n.status === 'COMPLETED').reduce((sum, n) => sum + n._count._all, 0),
        };
      });
    },

    findCourse: (id) => prisma.course.findUnique({ where: { id }, select: { id: true, published: true } }),

    async workersOf(enterpriseId, userIds) {
      if (!userIds.length) return [];
      const rows = await prisma.user.findMany({
        where: { id: { in: userIds }, role: 'WORKER', enterpriseId, active: true },
        select: { id: true },
      });
      return rows.map((r) => r.id);
    },

    async workersOnTeams(enterpriseId, teamIds) {
      if (!teamIds.length) return [];
      const rows = await prisma.teamMember.findMany({
        where: {
          teamId: { in: teamIds },
          active: true,
          team: { enterpriseId, active: true },
          user: { role: 'WORKER', enterpriseId, active: true },
        },
        select: { userId: true },
      });
      return rows.flatMap((r) => (r.userId ? [r.userId] : []));
    },

    async enrol(courseId, enterpriseId, userIds) {
      const result = await prisma.enrolment.createMany({
        data: userIds.map((userId) => ({ courseId, userId, enterpriseId })),
        skipDuplicates: true,
      });
      return result.count;
    },

    async list(scope, query) {
      const where: EnrolmentWhereInput = {
        AND: [
          { enterprise: enterpriseWhere(scope) },
          query.enterpriseId ? { enterpriseId: query.enterpriseId } : {},
          query.courseId ? { courseId: query.courseId } : {},
          query.status ? { status: query.status } : {},
          query.teamId ? { user: { teamMember: { teamId: query.teamId, active: true } } } : {},
          query.q
            ? {
                user: {
                  OR: [{ displayName: { contains: query.q } }, { teamMember: { employeeNo: { contains: query.q, mode: 'insensitive' } } }],
                },
              }
            : {},
        ],
      };
      const [rows, total] = await Promise.all([
        prisma.enrolment.findMany({
          where,
          select: listSelect,
          orderBy: [{ enrolledAt: 'desc' }, { id: 'asc' }],
          skip: (query.page - 1) * query.pageSize,
          take: query.pageSize,
        }),
        prisma.enrolment.count({ where }),
      ]);
      const items = rows.map((r): Enrolment => ({
        id: r.id,
        course: { id: r.course.id, title: r.course.title },
        worker: {
          id: r.user.id,
          displayName: r.user.displayName,
          employeeNo: r.user.teamMember?.active ? r.user.teamMember.employeeNo : null,
          team: r.user.teamMember?.active ? r.user.teamMember.team : null,
          active: r.user.active,
        },
        status: r.status,
        enrolledAt: r.enrolledAt.toISOString(),
        completedAt: r.completedAt?.toISOString() ?? null,
        lessonsCompleted: r._count.progress,
        lessonsRequired: r.course._count.lessons,
        quizPassed: r._count.attempts > 0,
        certificate:
          r.certificate && !r.certificate.revokedAt
            ? {
                serialNo: r.certificate.serialNo,
                issuedAt: r.certificate.issuedAt.toISOString(),
                validUntil: r.certificate.validUntil.toISOString(),
              }
            : null,
      }));
      return { items, total, page: query.page, pageSize: query.pageSize };
    },

    async findById(id) {
      const row = await prisma.enrolment.findUnique({
        where: { id },
        select: { id: true, enterpriseId: true, userId: true, courseId: true, status: true, enterprise: { select: { zoneId: true } } },
      });
      if (!row) return null;
      const { enterprise, ...facts } = row;
      return { ...facts, zoneId: enterprise.zoneId, learned: row.status !== 'ENROLLED' || (await learned(prisma, id)) };
    },

    async deleteUnlearned(id) {
      return prisma.$transaction(async (tx) => {
        // Lock the row so a first heartbeat cannot slip in between the check and the delete.
        const locked = await tx.$queryRaw<{ status: string }[]>`SELECT status::text FROM enrolment WHERE id = ${id}::uuid FOR UPDATE`;
        if (!locked.length || locked[0]!.status !== 'ENROLLED' || (await learned(tx, id))) return false;
        await tx.enrolment.delete({ where: { id } });
        return true;
      });
    },
  };
}
