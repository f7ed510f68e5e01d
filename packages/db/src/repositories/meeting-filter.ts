import type { MeetingQuery } from '@platform/contracts';
import type { EnterpriseScope } from '@platform/core';
import type { MeetingOrderByWithRelationInput, MeetingWhereInput } from '../generated/prisma/models.ts';
import { enterpriseWhere } from './scope-filter.ts';

/** The filters and order of the reviewers' meeting list; its export holds exactly what the list shows. */
export type MeetingListFilter = Omit<MeetingQuery, 'page' | 'pageSize'>;

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * The WHERE of a meeting list in `scope`. Relation filters only when something is asked of the
 * relation: an empty one still costs a join per row, and an empty `dueMeeting` filter would even
 * require a due-meeting row (hiding meetings reported before slots existed).
 */
export function meetingListWhere(scope: EnterpriseScope, query: MeetingListFilter): MeetingWhereInput {
  const enterprise = { zoneId: query.zoneId, industryId: query.industryId, riskLevel: query.riskLevel };
  const onEnterprise = scope.kind !== 'all' || query.zoneId || query.industryId || query.riskLevel;
  const onSlot = query.evidence || query.flagged;
  return {
    status: 'REPORTED',
    enterpriseId: query.enterpriseId,
    ...(onEnterprise ? { enterprise: { AND: [enterpriseWhere(scope), enterprise] } } : {}),
    ...(onSlot
      ? {
          dueMeeting: {
            evidenceCount: query.evidence === 'WITHOUT' ? 0 : query.evidence === 'WITH' ? { gt: 0 } : undefined,
            flagCount: query.flagged === 'true' ? { gt: 0 } : query.flagged === 'false' ? 0 : undefined,
          },
        }
      : {}),
    teamId: query.teamId,
    timeliness: query.timeliness,
    heldOnTime: query.held ? query.held === 'ON_TIME' : undefined,
    bestPractice: query.bestPractice ? query.bestPractice === 'true' : undefined,
    reviewStatus: query.reviewStatus,
    meetingDate: { gte: query.from ? asDate(query.from) : undefined, lte: query.to ? asDate(query.to) : undefined },
  };
}

/** The list's order; the id last so pages never overlap and an export is in a total order. */
export function meetingListOrder(query: Pick<MeetingQuery, 'sort' | 'order'>): MeetingOrderByWithRelationInput[] {
  const direction = query.order;
  switch (query.sort) {
    case 'meetingDate':
      return [{ meetingDate: direction }, { reportedAt: direction }, { id: direction }];
    case 'enterprise':
      return [{ enterprise: { name: direction } }, { meetingDate: 'desc' }, { id: direction }];
    default:
      return [{ reportedAt: direction }, { id: direction }];
  }
}
