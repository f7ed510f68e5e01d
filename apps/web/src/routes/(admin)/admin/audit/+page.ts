import type { AuditOutcome } from '@platform/contracts';
import { apiFor } from '$lib/api/client.ts';
import { ACTION_GROUPS, isoFromLocal } from '$lib/components/audit/action-groups.ts';
import type { PageLoad } from './$types';

// A literal list: the zod schema would pull zod into the browser bundle.
const OUTCOMES: readonly AuditOutcome[] = ['SUCCESS', 'DENIED', 'FAILURE'];

/** The filters live in the URL (a GET form), so a filtered view can be bookmarked and paged. */
export const load: PageLoad = async ({ fetch, url }) => {
  const api = apiFor(fetch);
  const param = (name: string) => url.searchParams.get(name) ?? '';
  const group = param('action');
  const outcome = param('outcome');
  const filters = {
    from: param('from'),
    to: param('to'),
    actor: param('actor').trim().slice(0, 64),
    action: (ACTION_GROUPS as string[]).includes(group) ? group : '',
    outcome: (OUTCOMES.find((o) => o === outcome) ?? '') as AuditOutcome | '',
  };
  const query = {
    from: isoFromLocal(filters.from),
    to: isoFromLocal(filters.to),
    actor: filters.actor || undefined,
    action: filters.action ? `${filters.action}.` : undefined,
    outcome: filters.outcome || undefined,
  };
  const pageNumber = Math.max(1, Math.floor(Number(url.searchParams.get('page')) || 1));
  const result = await api.audit.list({ ...query, page: pageNumber, pageSize: 50 });
  return { filters, result, exportUrl: api.audit.exportUrl(query) };
};
