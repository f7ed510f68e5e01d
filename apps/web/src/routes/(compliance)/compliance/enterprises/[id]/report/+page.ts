import { apiFor } from '$lib/api/client.ts';
import { addDays, isDay, shanghaiDay } from '$lib/format/shanghai-time.ts';
import type { PageLoad } from './$types';

/** The evidence report of `?from=&to=` (default the last 30 days up to today, Beijing time). */
export const load: PageLoad = async ({ fetch, params, url }) => {
  const api = apiFor(fetch);
  const to = isDay(url.searchParams.get('to')) ? url.searchParams.get('to')! : shanghaiDay();
  const from = isDay(url.searchParams.get('from')) ? url.searchParams.get('from')! : addDays(to, -29);
  const report = await api.compliance.evidenceReport(params.id, { from, to });
  return { report, from, to, pdfUrl: api.compliance.evidenceReportPdfUrl(params.id, { from, to }) };
};
