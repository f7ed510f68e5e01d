import type { CandidateRow, EnrolledEnterpriseRow, FigureRow, FigureWindow, ProgrammeRecord, ProgrammeRepository } from '@platform/core';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';

const dayOf = (date: Date) => date.toISOString().slice(0, 10);
const dateOf = (day: string) => new Date(`${day}T00:00:00Z`);

type StoredProgramme = Omit<ProgrammeRecord, 'startsOn' | 'endsOn'> & { startsOn: Date; endsOn: Date };

function recordOf(p: StoredProgramme): ProgrammeRecord {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    year: p.year,
    startsOn: dayOf(p.startsOn),
    endsOn: dayOf(p.endsOn),
    targetHazardousEnterprises: p.targetHazardousEnterprises,
    targetKeyEnterprises: p.targetKeyEnterprises,
    targetWorkers: p.targetWorkers,
  };
}

/** `%q%` for ILIKE with the user's own % and _ taken literally. */
const likeOf = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The enrolled enterprises a window selects (programme_enterprise `pe` joined to enterprise `e`). */
function enrolledWhere(w: FigureWindow, q?: string): Prisma.Sql {
  const parts = [Prisma.sql`pe."programmeId" = ${w.programmeId}::uuid`];
  if (w.scope.kind === 'zone') parts.push(Prisma.sql`e."zoneId" = ${w.scope.zoneId}::uuid`);
  if (w.scope.kind === 'enterprise') parts.push(Prisma.sql`e.id = ${w.scope.enterpriseId}::uuid`);
  if (w.scope.kind === 'none') parts.push(Prisma.sql`FALSE`);
  if (w.filter.zoneId) parts.push(Prisma.sql`e."zoneId" = ${w.filter.zoneId}::uuid`);
  if (w.filter.industryId) parts.push(Prisma.sql`e."industryId" = ${w.filter.industryId}::uuid`);
  if (w.filter.category) parts.push(Prisma.sql`pe.category = ${w.filter.category}::"ProgrammeCategory"`);
  if (q) parts.push(Prisma.sql`(e.name ILIKE ${likeOf(q)} OR e."creditCode" ILIKE ${likeOf(q)})`);
  return Prisma.join(parts, ' AND ');
}

/**
 * One row per enrolled enterprise (`ent`) with its figures, every figure from one pass over each
 * table and no per-enterprise queries. The definitions the dashboard documents live here:
 *
 * - workers: active WORKER accounts of the enterprise (an account's current enterprise counts);
 * - enrolled: workers with at least one enrolment in a course of this programme or of none;
 * - trained: workers with at least one such enrolment COMPLETED, or at least one certificate;
 * - certified: workers with at least one certificate neither revoked nor past `validUntil`;
 * - active: a worker of it had counted seconds or a completed lesson within the window — read
 *   from lesson_progress, which every counted heartbeat and completion updates (a table of one row
 *   per enrolment × lesson, not the years of raw heartbeats);
 * - complete: at least one worker, and every worker enrolled with every enrolment COMPLETED (a
 *   plant where one worker finished while the rest never started is not complete).
 */
function enterpriseFigures(w: FigureWindow, q?: string): Prisma.Sql {
  const ofProgramme = Prisma.sql`(c."programmeId" IS NULL OR c."programmeId" = ${w.programmeId}::uuid)`;
  // Each CTE is used once, so PostgreSQL inlines them all and plans one query from table
  // statistics. Facts are stacked (UNION ALL) and grouped per worker, then per enterprise: no join
  // ever meets an aggregate, whose row estimate could talk the planner into a nested loop.
  return Prisma.sql`
    wk AS (
      SELECT pe."enterpriseId" AS id, pe.category, pe."enrolledAt", e."zoneId", e."industryId", u.id AS "userId"
      FROM programme_enterprise pe
        JOIN enterprise e ON e.id = pe."enterpriseId"
        LEFT JOIN app_user u ON u."enterpriseId" = pe."enterpriseId" AND u.role = 'WORKER' AND u.active
      WHERE ${enrolledWhere(w, q)}
    ),
    facts AS (
      SELECT en."userId", 1 AS course, (en.status = 'COMPLETED')::int AS done, 0 AS cert, 0 AS valid, 0 AS learned
      FROM enrolment en JOIN course c ON c.id = en."courseId"
      WHERE ${ofProgramme}
      UNION ALL
      SELECT ce."userId", 0, 0, 1, (ce."revokedAt" IS NULL AND ce."validUntil" > ${w.now})::int, 0
      FROM certificate ce JOIN course c ON c.id = ce."courseId"
      WHERE ${ofProgramme}
      UNION ALL
      SELECT en."userId", 0, 0, 0, 0, 1
      FROM lesson_progress lp JOIN enrolment en ON en.id = lp."enrolmentId"
      WHERE lp."completedAt" >= ${w.activeSince} OR (lp."updatedAt" >= ${w.activeSince} AND lp."watchedSeconds" > 0)
    ),
    per_worker AS (
      SELECT wk.id, wk.category, wk."enrolledAt", wk."zoneId", wk."industryId", wk."userId",
        coalesce(sum(f.course), 0) AS courses, coalesce(sum(f.done), 0) AS done,
        coalesce(sum(f.cert), 0) AS certs, coalesce(sum(f.valid), 0) AS valid, coalesce(sum(f.learned), 0) AS learned
      FROM wk LEFT JOIN facts f ON f."userId" = wk."userId"
      GROUP BY wk.id, wk.category, wk."enrolledAt", wk."zoneId", wk."industryId", wk."userId"
    ),
    ent AS (
      SELECT id, category, "zoneId", "industryId", "enrolledAt",
        count("userId")::int AS workers,
        count("userId") FILTER (WHERE courses > 0)::int AS "workersEnrolled",
        count("userId") FILTER (WHERE done > 0 OR certs > 0)::int AS "workersTrained",
        count("userId") FILTER (WHERE valid > 0)::int AS "workersCertified",
        count("userId") > 0 AND count("userId") FILTER (WHERE courses = 0 OR done < courses) = 0 AS complete,
        count("userId") FILTER (WHERE learned > 0) > 0 AS active
      FROM per_worker
      GROUP BY id, category, "zoneId", "industryId", "enrolledAt"
    )`;
}

type EnrolledSqlRow = Omit<EnrolledEnterpriseRow, 'zone' | 'industry'> & {
  zoneId: string;
  zoneName: string;
  industryId: string;
  industryName: string;
  hazardous: boolean;
};

type CandidateSqlRow = Omit<CandidateRow, 'zone' | 'industry'> & {
  zoneId: string;
  zoneName: string;
  industryId: string;
  industryName: string;
  hazardous: boolean;
};

/** The 百千万 programme, its tiers and the progress figures, over Prisma and two grouped SQL reads. */
export function createProgrammeRepository(prisma: PrismaClient): ProgrammeRepository {
  return {
    async findById(id) {
      const p = await prisma.trainingProgramme.findUnique({ where: { id } });
      return p ? recordOf(p) : null;
    },

    async current(day) {
      const date = dateOf(day);
      const p =
        (await prisma.trainingProgramme.findFirst({
          where: { startsOn: { lte: date }, endsOn: { gte: date } },
          orderBy: [{ startsOn: 'desc' }, { id: 'asc' }],
        })) ?? (await prisma.trainingProgramme.findFirst({ orderBy: [{ startsOn: 'desc' }, { id: 'asc' }] }));
      return p ? recordOf(p) : null;
    },

    async update(id, changes) {
      const p = await prisma.trainingProgramme.update({
        where: { id },
        data: { ...changes, startsOn: dateOf(changes.startsOn), endsOn: dateOf(changes.endsOn) },
      });
      return recordOf(p);
    },

    async create(code, changes) {
      const p = await prisma.trainingProgramme.create({
        data: { code, ...changes, startsOn: dateOf(changes.startsOn), endsOn: dateOf(changes.endsOn) },
      });
      return recordOf(p);
    },

    async candidatesByIds(programmeId, ids) {
      const rows = await prisma.enterprise.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          name: true,
          zoneId: true,
          active: true,
          industry: { select: { name: true, hazardous: true } },
          programmeEnterprises: { where: { programmeId }, select: { category: true } },
        },
      });
      return rows.map(({ programmeEnterprises, ...e }) => ({ ...e, category: programmeEnterprises[0]?.category ?? null }));
    },

    async enrol(programmeId, category, enterpriseIds) {
      const { count } = await prisma.programmeEnterprise.createMany({
        data: enterpriseIds.map((enterpriseId) => ({ programmeId, enterpriseId, category })),
        skipDuplicates: true,
      });
      return count;
    },

    async setTier(programmeId, enterpriseId, category) {
      // A move keeps the enrolment date: the enterprise has been in the programme since then.
      return prisma.programmeEnterprise.upsert({
        where: { programmeId_enterpriseId: { programmeId, enterpriseId } },
        create: { programmeId, enterpriseId, category },
        update: { category },
        select: { category: true, enrolledAt: true },
      });
    },

    async remove(programmeId, enterpriseId) {
      const { count } = await prisma.programmeEnterprise.deleteMany({ where: { programmeId, enterpriseId } });
      return count > 0;
    },

    async figures(window) {
      const tier = (category: string, extra: Prisma.Sql) =>
        Prisma.sql`count(*) FILTER (WHERE category = ${category}::"ProgrammeCategory" AND ${extra})::int`;
      const [, rows] = await prisma.$transaction([
        // An analytic read over the whole programme: hash joins are right at every size, and the
        // planner, misled by statistics not yet refreshed after a bulk import, would otherwise pick
        // nested loops that take seconds instead of milliseconds.
        prisma.$executeRaw`SET LOCAL enable_nestloop = off`,
        prisma.$queryRaw<FigureRow[]>`
        WITH ${enterpriseFigures(window)}
        SELECT "zoneId"::text AS "zoneId", "industryId"::text AS "industryId",
          ${tier('HAZARDOUS_CHEMICAL', Prisma.sql`TRUE`)} AS "hazardousEnrolled",
          ${tier('HAZARDOUS_CHEMICAL', Prisma.sql`active`)} AS "hazardousActive",
          ${tier('HAZARDOUS_CHEMICAL', Prisma.sql`complete`)} AS "hazardousComplete",
          ${tier('KEY_INDUSTRIAL', Prisma.sql`TRUE`)} AS "keyEnrolled",
          ${tier('KEY_INDUSTRIAL', Prisma.sql`active`)} AS "keyActive",
          ${tier('KEY_INDUSTRIAL', Prisma.sql`complete`)} AS "keyComplete",
          sum(workers)::int AS workers,
          sum("workersEnrolled")::int AS "workersEnrolled",
          sum("workersTrained")::int AS "workersTrained",
          sum("workersCertified")::int AS "workersCertified"
        FROM ent
        GROUP BY 1, 2`,
      ]);
      return rows;
    },

    async enrolled(window, page) {
      const [counted] = await prisma.$queryRaw<{ total: number }[]>`
        SELECT count(*)::int AS total FROM programme_enterprise pe JOIN enterprise e ON e.id = pe."enterpriseId"
        WHERE ${enrolledWhere(window, page.q)}`;
      const [, rows] = await prisma.$transaction([
        prisma.$executeRaw`SET LOCAL enable_nestloop = off`,
        prisma.$queryRaw<EnrolledSqlRow[]>`
        WITH ${enterpriseFigures(window, page.q)}
        SELECT ent.id::text AS id, e.name, e."creditCode", e."riskLevel"::text AS "riskLevel", ent.category::text AS category,
          ent."enrolledAt", ent.workers, ent."workersEnrolled", ent."workersTrained", ent."workersCertified", ent.active, ent.complete,
          z.id::text AS "zoneId", z.name AS "zoneName", i.id::text AS "industryId", i.name AS "industryName", i.hazardous
        FROM ent JOIN enterprise e ON e.id = ent.id JOIN zone z ON z.id = ent."zoneId" JOIN industry i ON i.id = ent."industryId"
        ORDER BY e.name, e.id
        LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`,
      ]);
      return {
        total: counted?.total ?? 0,
        items: rows.map(({ zoneId, zoneName, industryId, industryName, hazardous, ...e }) => ({
          ...e,
          zone: { id: zoneId, name: zoneName },
          industry: { id: industryId, name: industryName, hazardous },
        })),
      };
    },

    async candidates(programmeId, filter, page) {
      const parts = [
        Prisma.sql`e.active`,
        Prisma.sql`NOT EXISTS (SELECT 1 FROM programme_enterprise pe WHERE pe."programmeId" = ${programmeId}::uuid AND pe."enterpriseId" = e.id)`,
      ];
      if (filter.zoneId) parts.push(Prisma.sql`e."zoneId" = ${filter.zoneId}::uuid`);
      if (filter.industryId) parts.push(Prisma.sql`e."industryId" = ${filter.industryId}::uuid`);
      if (filter.hazardous !== undefined) parts.push(Prisma.sql`i.hazardous = ${filter.hazardous}`);
      if (filter.q) parts.push(Prisma.sql`(e.name ILIKE ${likeOf(filter.q)} OR e."creditCode" ILIKE ${likeOf(filter.q)})`);
      const where = Prisma.join(parts, ' AND ');
      const [counted] = await prisma.$queryRaw<{ total: number }[]>`
        SELECT count(*)::int AS total FROM enterprise e JOIN industry i ON i.id = e."industryId" WHERE ${where}`;
      const rows = await prisma.$queryRaw<CandidateSqlRow[]>`
        SELECT e.id::text AS id, e.name, e."creditCode", e."riskLevel"::text AS "riskLevel",
          z.id::text AS "zoneId", z.name AS "zoneName", i.id::text AS "industryId", i.name AS "industryName", i.hazardous,
          (SELECT count(*) FROM app_user u WHERE u."enterpriseId" = e.id AND u.role = 'WORKER' AND u.active)::int AS workers
        FROM enterprise e JOIN zone z ON z.id = e."zoneId" JOIN industry i ON i.id = e."industryId"
        WHERE ${where}
        ORDER BY e.name, e.id
        LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`;
      return {
        total: counted?.total ?? 0,
        items: rows.map(({ zoneId, zoneName, industryId, industryName, hazardous, ...e }) => ({
          ...e,
          zone: { id: zoneId, name: zoneName },
          industry: { id: industryId, name: industryName, hazardous },
        })),
      };
    },

    async names() {
      const [zones, industries] = await Promise.all([
        prisma.zone.findMany({ select: { id: true, name: true } }),
        prisma.industry.findMany({ select: { id: true, name: true } }),
      ]);
      return { zones: new Map(zones.map((z) => [z.id, z.name])), industries: new Map(industries.map((i) => [i.id, i.name])) };
    },
  };
}
