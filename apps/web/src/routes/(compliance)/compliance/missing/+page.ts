import { apiFor } from '$lib/api/client.ts';
import { isDay, shanghaiDay } from '$lib/format/shanghai-time.ts';
import type { PageLoad } from './$types';

const ID = /^[0-9a-f-]{36}$/i;

/** The missing list of `?date=` (default today, Beijing time), optionally of one zone or industry. */
export const load: PageLoad = async ({ fetch, url }) => {
  const api = apiFor(fetch);
  const p = url.searchParams;
  const today = shanghaiDay();
  const date = isDay(p.get('date') ?? '') ? p.get('date')! : today;
  const id = (key: string) => (ID.test(p.get(key) ?? '') ? p.get(key)! : undefined);
  const page = Math.max(1, Number(p.get('page')) || 1);
  const query = { date, zoneId: id('zoneId'), industryId: id('industryId'), page, pageSize: 50 };
  const [result, zones, industries] = await Promise.all([api.compliance.missing(query), api.zones.list(), api.industries.list()]);
  return { date, today, query, result, zones, industries, page };
};
