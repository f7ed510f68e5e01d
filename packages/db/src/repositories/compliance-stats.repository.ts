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

const GROUPS = {
  zone: {
    key: Prisma.sql`d."zoneId"::text`,
    name: Prisma.sql`z.name`,
    zoneName: Prisma.sql`z.name`,
    join: Prisma.sql`JOIN zone z ON z.id = d."zoneId"`,
  },
  industry: {
    key: Prisma.sql`d."industryId"::text`,
    name: Prisma.sql`i.name`,
    zoneName: Prisma.sql`''`,
    join: Prisma.sql`JOIN industry i ON i.id = d."industryId"`,
  },
  day: { key: Prisma.sql`to_char(d.date, 'YYYY-MM-DD')`, name: Prisma.sql`''`, zoneName: Prisma.sql`''`, join: Prisma.empty },
  enterprise: {
    key: Prisma.sql`d."enterpriseId"::text`,
    name: Prisma.sql`e.name`,
    zoneName: Prisma.sql`z.name`,
    join: Prisma.sql`JOIN enterprise e ON e.id = d."enterpriseId" JOIN zone z ON z.id = d."zoneId"`,
  },
} as const;

type CountRow = { key: string; name: string; zoneName: string } & Record<
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
    async countsBy(by, scope, filter, period) {
      const g = GROUPS[by];
      const now = period.now;
      const noEvidence = Prisma.sql`(d.status = 'REPORTED' AND d."evidenceCount" = 0 AND d."evidenceBy" < ${now})`;
      const rows = await prisma.$queryRaw<CountRow[]>`
        SELECT ${g.key} AS key, ${g.name} AS name, ${g.zoneName} AS "zoneName",
          count(*) FILTER (WHERE d.status <> 'OPEN' OR d."dueFrom" <= ${now})::int AS due,
          count(*) FILTER (WHERE d.status = 'REPORTED')::int AS reported,
          count(*) FILTER (WHERE d.status = 'REPORTED' AND d."reportedOnTime" AND NOT ${noEvidence})::int AS "onTime",
          count(*) FILTER (WHERE d.status = 'REPORTED' AND NOT d."reportedOnTime" AND NOT ${noEvidence})::int AS late,
          count(*) FILTER (WHERE ${noEvidence})::int AS "noEvidence",
          count(*) FILTER (WHERE d.status = 'MISSING' OR (d.status = 'OPEN' AND d."reportBy" < ${now}))::int AS missing,
          count(*) FILTER (WHERE d.status = 'REPORTED' AND d."heldOnTime" = FALSE)::int AS "heldOutsideWindow",
          count(*) FILTER (WHERE d."flagCount" > 0)::int AS flagged
        FROM due_meeting d ${g.join}
        WHERE ${whereOf(scope, filter, period)}
        GROUP BY 1, 2, 3`;
      return rows;
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
