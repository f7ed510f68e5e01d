// The operations `npm run bench:compliance` times, each called in-process exactly as its route
// calls it: the service with the actor's scope, the query parsed by the route's own schema.
import { DashboardQuery, MeetingExportQuery, MeetingQuery, MissingQuery } from '@platform/contracts';
import { csvChunks, reuseProbes, type Actor, type EvidenceSubject, type PhotoHashSet } from '@platform/core';
import type { Platform } from '../../../apps/api/src/platform.ts';
import { time, type Figure } from './timing.ts';

/** The two readers of issue 9: the bureau's inspector (everything) and one zone's officer. */
export interface Readers {
  inspector: Actor;
  zoneOfficer: Actor;
}

/** Dates of the generated data the operations read. */
export interface Period {
  /** The last generated day (yesterday). */
  lastDay: string;
  /** First day of the last full calendar month generated. */
  monthFrom: string;
  monthTo: string;
}

const label = (who: keyof Readers) => (who === 'inspector' ? 'inspector' : 'zone officer');

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A plain range count of the dashboard's 30 days: the machine's speed now, the ratios' denominator. */
export async function baseline(platform: Platform, period: Period, n: number): Promise<Figure> {
  const from = addDays(period.lastDay, -29);
  const samples = await time(
    n,
    () => platform.prisma.$queryRaw`SELECT count(*) FROM due_meeting WHERE date BETWEEN ${from}::date AND ${period.lastDay}::date`,
  );
  return { name: 'baseline: count(*) of 30 days of due_meeting', note: 'plain SQL, no service', samples, unit: 'ms' };
}

/** The dashboard (default 30 days to today) and the missing list of a past day, both scopes. */
export async function complianceFigures(platform: Platform, readers: Readers, period: Period, n: number): Promise<Figure[]> {
  const { compliance } = platform.services;
  const figures: Figure[] = [];
  for (const [who, actor] of Object.entries(readers) as [keyof Readers, Actor][]) {
    figures.push({
      name: `dashboard, 30 days to today (${label(who)})`,
      note: who === 'inspector' ? 'all zones' : 'one zone',
      samples: await time(n, () => compliance.dashboard(actor, DashboardQuery.parse({}))),
      unit: 'ms',
    });
  }
  figures.push({
    name: 'dashboard, 365 days (inspector)',
    note: 'all zones, a year',
    samples: await time(Math.max(5, Math.floor(n / 4)), () =>
      compliance.dashboard(readers.inspector, DashboardQuery.parse({ from: addDays(period.lastDay, -364), to: period.lastDay })),
    ),
    unit: 'ms',
  });
  for (const [who, actor] of Object.entries(readers) as [keyof Readers, Actor][]) {
    figures.push({
      name: `missing list, yesterday, page 1 (${label(who)})`,
      note: who === 'inspector' ? 'all zones' : 'one zone',
      samples: await time(n, () => compliance.missing(actor, MissingQuery.parse({ date: period.lastDay, pageSize: 20 }))),
      unit: 'ms',
    });
  }
  // The list derives (materialises) a day it has not read in the last minute: a first read of
  // each earlier day pays for loading the district's schedule and writing nothing new.
  figures.push({
    name: 'missing list, first read of a past day (inspector)',
    note: 'all zones, a new day each sample',
    samples: await time(n, (i) =>
      compliance.missing(readers.inspector, MissingQuery.parse({ date: addDays(period.lastDay, -1 - i), pageSize: 20 })),
    ),
    unit: 'ms',
  });
  return figures;
}

/** The reviewer's list (GET /api/meetings) with the filter combinations its page offers. */
export async function meetingListFigures(platform: Platform, readers: Readers, period: Period, n: number): Promise<Figure[]> {
  const { meetings } = platform.services;
  const zoneId = readers.zoneOfficer.zoneId!;
  const month = { from: period.monthFrom, to: period.monthTo };
  const cases: [string, Actor, Record<string, string>][] = [
    ['no filter, newest first (inspector)', readers.inspector, {}],
    ['no filter, page 50 (inspector)', readers.inspector, { page: '50' }],
    ['no filter, newest first (zone officer)', readers.zoneOfficer, {}],
    ['zone + month (inspector)', readers.inspector, { zoneId, ...month }],
    ['month, late, by enterprise (inspector)', readers.inspector, { ...month, timeliness: 'LATE', sort: 'enterprise', order: 'asc' }],
    ['flagged, pending review (inspector)', readers.inspector, { flagged: 'true', reviewStatus: 'PENDING' }],
    ['without evidence + month (zone officer)', readers.zoneOfficer, { evidence: 'WITHOUT', ...month }],
    ['red risk, held outside window (inspector)', readers.inspector, { riskLevel: 'RED', held: 'OUTSIDE_WINDOW' }],
    ['one day by date (inspector)', readers.inspector, { from: period.lastDay, to: period.lastDay, sort: 'meetingDate' }],
  ];
  const figures: Figure[] = [];
  for (const [name, actor, query] of cases) {
    const parsed = MeetingQuery.parse({ pageSize: '20', ...query });
    figures.push({
      name: `meeting list: ${name}`,
      note: 'page of 20 + total',
      samples: await time(n, () => meetings.list(actor, parsed)),
      unit: 'ms',
    });
  }
  return figures;
}

/**
 * The CSV export of a month as the route streams it, read to the last byte. A district's month is
 * above the export's row cap (100,000) and refused; a zone's month and a filtered district month are not.
 */
export async function exportFigures(
  platform: Platform,
  readers: Readers,
  period: Period,
  runs: number,
): Promise<{ figures: Figure[]; notes: string[] }> {
  const { exports } = platform.services;
  const month = { from: period.monthFrom, to: period.monthTo, format: 'csv' };
  const notes: string[] = [];
  const figures: Figure[] = [];
  const cases: [string, Actor, Record<string, string>][] = [
    ['CSV export, a month (zone officer)', readers.zoneOfficer, month],
    ['CSV export, a month, red risk (inspector)', readers.inspector, { ...month, riskLevel: 'RED' }],
  ];
  for (const [name, actor, query] of cases) {
    let rows = 0;
    let bytes = 0;
    const samples = await time(
      runs,
      async () => {
        const table = await exports.meetings(actor, MeetingExportQuery.parse(query));
        rows = 0;
        bytes = 0;
        for await (const chunk of csvChunks(table)) {
          bytes += Buffer.byteLength(chunk);
          rows += chunk.split('\n').length - 1;
        }
      },
      1,
    );
    figures.push({ name, note: `${rows - 1} rows, ${(bytes / 1e6).toFixed(1)} MB`, samples, unit: 's' });
  }
  const refused = await exports.meetings(readers.inspector, MeetingExportQuery.parse(month)).then(
    () => 'exported',
    (e: Error) => `${e.name}: ${e.message}`,
  );
  notes.push(`CSV export of a whole district month (inspector, no filter): ${refused}`);
  return { figures, notes };
}

/**
 * The reused-photo lookup of the evidence check: the index probes of a photo's hashes and the
 * candidates they find (at most 2,000, as the check reads them), for photos of the last day.
 */
export async function reuseFigure(platform: Platform, n: number, photoScale: string): Promise<Figure | null> {
  const photos = await platform.prisma.$queryRaw<{ id: string; meetingId: string; photoHashes: PhotoHashSet }[]>`
    SELECT id, "meetingId", "photoHashes" FROM media_asset WHERE kind = 'PHOTO'
    ORDER BY "createdAt" DESC LIMIT ${n + 2}`;
  if (!photos.length) return null;
  const repo = platform.repos.evidenceChecks;
  let found = 0;
  const samples = await time(n, async (i) => {
    const p = photos[i % photos.length]!;
    const subject: EvidenceSubject = {
      asset: { id: p.id, kind: 'PHOTO', sha256: null, capturedAt: null, gps: null, durationMs: null, photoHashes: p.photoHashes },
      meeting: { id: p.meetingId, meetingDate: '', startedAt: new Date() },
      enterpriseLocation: null,
    };
    found += (await repo.findHashCandidates(subject, reuseProbes(p.photoHashes), 2000)).length;
  });
  return {
    name: 'reused-photo lookup (hash band probes)',
    note: `${photoScale}; ${(found / n).toFixed(0)} candidates/photo`,
    samples,
    unit: 'ms',
  };
}
