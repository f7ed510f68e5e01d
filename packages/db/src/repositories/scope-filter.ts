import type { EnterpriseScope } from '@platform/core';
import type { EnterpriseWhereInput } from '../generated/prisma/models.ts';

/** The Prisma filter on enterprises that a scope allows. */
export function enterpriseWhere(scope: EnterpriseScope): EnterpriseWhereInput {
  switch (scope.kind) {
    case 'all':
      return {};
    case 'zone':
      return { zoneId: scope.zoneId };
    case 'enterprise':
      return { id: scope.enterpriseId };
    case 'none':
      // An impossible id: an actor without placement sees nothing.
      return { id: '00000000-0000-0000-0000-000000000000' };
  }
}
