import { LIBRARY_CAMPAIGNS, type Campaign, type ResourceKind } from '@platform/contracts';
import { apiFor } from '$lib/api/client.ts';
import { requireUser } from '$lib/navigation/guard.ts';
import type { PageLoad } from './$types';

const KINDS: readonly ResourceKind[] = ['POSTER', 'VIDEO', 'DOCUMENT', 'CAMPAIGN'];

export const load: PageLoad = async ({ fetch, url }) => {
  const api = apiFor(fetch);
  const me = await requireUser(api, url);
  const p = url.searchParams;
  const kind = KINDS.find((k) => k === p.get('kind'));
  const campaign = LIBRARY_CAMPAIGNS.find((c) => c === p.get('campaign')) as Campaign | undefined;
  const filters = { q: (p.get('q') ?? '').trim().slice(0, 100), kind, campaign, tag: p.get('tag')?.trim().slice(0, 20) || undefined };
  const page = Math.max(1, Math.floor(Number(p.get('page')) || 1));
  const browsing = !filters.q && !filters.kind && !filters.campaign && !filters.tag && page === 1;
  const [result, showcase] = await Promise.all([
    api.library.list({ q: filters.q || undefined, kind, campaign, tag: filters.tag, page, pageSize: 24 }),
    // Best-practice meetings head the library when it is browsed, not searched.
    browsing ? api.library.showcase({ pageSize: 4 }) : null,
  ]);
  return { me, filters, result, showcase };
};
