import { apiFor } from '$lib/api/client.ts';
import { RISK_LEVELS } from '$lib/loaders/enterprise-list.ts';
import type { PageLoad } from './$types';

/**
 * Enterprise counts per zone and per risk level. The API has no statistics endpoint yet, so each
 * count is the `total` of a one-item page; that is a few dozen tiny requests, fine for one screen.
 */
export const load: PageLoad = async ({ fetch }) => {
  const api = apiFor(fetch);
  const zones = await api.zones.list();
  const count = async (query: Parameters<typeof api.enterprises.list>[0]) => (await api.enterprises.list({ ...query, pageSize: 1 })).total;
  const [total, perZone, perRisk] = await Promise.all([
    count({}),
    Promise.all(zones.map(async (zone) => ({ zone, count: await count({ zoneId: zone.id }) }))),
    Promise.all(RISK_LEVELS.map(async (level) => ({ level, count: await count({ riskLevel: level }) }))),
  ]);
  return { total, perZone: perZone.filter((z) => z.count > 0).sort((a, b) => b.count - a.count), perRisk };
};
