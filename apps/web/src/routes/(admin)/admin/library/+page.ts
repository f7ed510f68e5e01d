import { LIBRARY_CAMPAIGNS, type Campaign, type ResourceKind } from '@platform/contracts';
import { apiFor } from '$lib/api/client.ts';
import type { PageLoad } from './$types';

const KINDS: readonly ResourceKind[] = ['POSTER', 'VIDEO', 'DOCUMENT', 'CAMPAIGN'];

export const load: PageLoad = async ({ fetch, url, depends }) => {
  depends('app:library-admin');
  const p = url.searchParams;
  const status = p.get('status');
  const filters = {
    q: (p.get('q') ?? '').trim().slice(0, 100),
    kind: KINDS.find((k) => k === p.get('kind')) ?? ('' as const),
    campaign: (LIBRARY_CAMPAIGNS.find((c) => c === p.get('campaign')) ?? '') as Campaign | '',
    status: (status === 'published' || status === 'draft' ? status : '') as '' | 'published' | 'draft',
  };
  const page = Math.max(1, Math.floor(Number(p.get('page')) || 1));
  const result = await apiFor(fetch).library.list({
    q: filters.q || undefined,
    kind: filters.kind || undefined,
    campaign: filters.campaign || undefined,
    published: filters.status === '' ? undefined : filters.status === 'published' ? 'true' : 'false',
    page,
    pageSize: 30,
  });
  return { filters, result };
};
