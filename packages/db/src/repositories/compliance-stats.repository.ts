import type { ComplianceFilter, ComplianceStatsRepository, EnterpriseScope } from '@platform/core';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';

/** The WHERE of every compliance aggregate: the scope, the filters and the period, on due_meeting `d`. */
function whereOf(scope: EnterpriseScope, filter: ComplianceFilter, period: { from: string; to: string }): Prisma.Sql {
  const parts = [Prisma.sql`d.date BETWEEN ${period.from}::date AND ${period.to}::date`];
  if (scope.kind === 'zone') parts.push(Prisma.sql`d."zoneId" = ${scope.zoneId}::uuid`);
  if (scope.kind === 'enterprise') parts.push(Prisma.sql`d."enterpriseId" = ${scope.enterpriseId}::uuid`);
  if (scope.kind === 'none') parts.push(Prisma.sql`FALSE`);
  if (filter.zoneId) parts.push(Prisma.sql`d."zoneId" = ${filter.zoneId}::uuid`);
  if (filter.industryId) parts.push(Prisma.sql`d."industryId" = ${filter.industryId}::uuid`);
  if (filter.enterpriseId) parts.push(Prisma.sql`d."enterpriseId" = ${filter.enterpriseId}::uuid`);
  if (filter.riskLevel) parts.push(Prisma.sql`d."riskLevel" = ${filter.riskLevel}::"RiskLevel"`);
  return Prisma.join(parts, ' AND ');
}

type CountRow = { date: string; zoneId: string; industryId: string } & Record<
  'due' | 'reported' | 'onTime' | 'late' | 'noEvidence' | 'missing' | 'heldOutsideWindow' | 'flagged',
  number
>;

/**
 * Dashboards read due_meeting alone (zone, industry and risk are copied onto it) with the same
 * state rules as `slotState`: a report without evidence past its deadline counts there, not as
 * late or on time; an open slot past its deadline is missing even before the sweep closed it.
 */
export function createComplianceStatsRepository(prisma: PrismaClient): ComplianceStatsRepository {
  return {
    async counts(scope, filter, period) {
      const now = period.now;
      const noEvidence = Prisma.sql`(d.status = 'REPORTED' AND d."evidenceCount" = 0 AND d."evidenceBy" < ${now})`;
      // One pass over the period, grouped finely enough that zones, industries, days and totals
      // are all sums of these rows: one scan instead of one per view.
      return prisma.$queryRaw<CountRow[]>`
        SELECT to_char(d.date, 'YYYY-MM-DD') AS date, d."zoneId"::text AS "zoneId", d."industryId"::text AS "industryId",
          count(*) FILTER (WHERE d.status <> 'OPEN' OR d."dueFrom" <= ${now})::int AS due,
          count(*) FILTER (WHERE d.status = 'REPORTED')::int AS reported,
          count(*) FILTER (WHERE d.status = 'REPORTED' AND d."reportedOnTime" AND NOT ${noEvidence})::int AS "onTime",
          count(*) FILTER (WHERE d.status = 'REPORTED' AND NOT d."reportedOnTime" AND NOT ${noEvidence})::int AS late,
          count(*) FILTER (WHERE ${noEvidence})::int AS "noEvidence",
          count(*) FILTER (WHERE d.status = 'MISSING' OR (d.status = 'OPEN' AND d."reportBy" < ${now}))::int AS missing,
          count(*) FILTER (WHERE d.status = 'REPORTED' AND d."heldOnTime" = FALSE)::int AS "heldOutsideWindow",
          count(*) FILTER (WHERE d."flagCount" > 0)::int AS flagged
        FROM due_meeting d
        WHERE ${whereOf(scope, filter, period)}
        GROUP BY 1, 2, 3`;
    },

    async topMissing(scope, filter, period, limit) {
      const now = period.now;
      return prisma.$queryRaw<{ id: string; name: string; zoneName: string; missing: number; due: number }[]>`
        WITH missing AS (
          SELECT d."enterpriseId", count(*)::int AS missing FROM due_meeting d
          WHERE ${whereOf(scope, filter, period)} AND (d.status = 'MISSING' OR (d.status = 'OPEN' AND d."reportBy" < ${now}))
          GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${limit})
        SELECT e.id::text AS id, e.name, z.name AS "zoneName", m.missing,
          (SELECT count(*)::int FROM due_meeting d WHERE d."enterpriseId" = m."enterpriseId" AND ${whereOf(scope, filter, period)}
             AND (d.status <> 'OPEN' OR d."dueFrom" <= ${now})) AS due
        FROM missing m JOIN enterprise e ON e.id = m."enterpriseId" JOIN zone z ON z.id = e."zoneId"
        ORDER BY m.missing DESC, e.name`;
    },

    async names() {
      const [zones, industries] = await Promise.all([
        prisma.zone.findMany({ select: { id: true, name: true } }),
        prisma.industry.findMany({ select: { id: true, name: true } }),
      ]);
      return { zones: new Map(zones.map((z) => [z.id, z.name])), industries: new Map(industries.map((i) => [i.id, i.name])) };
    },

    async flagsByKind(scope, filter, period) {
      return prisma.$queryRaw<{ kind: string; count: number }[]>`
        SELECT f.kind::text AS kind, count(*)::int AS count
        FROM meeting_flag f JOIN due_meeting d ON d."meetingId" = f."meetingId"
        WHERE f."resolvedAt" IS NULL AND ${whereOf(scope, filter, period)}
        GROUP BY 1 ORDER BY 2 DESC`;
    },
  };
}
