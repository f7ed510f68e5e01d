// npm run bench:compliance — generates a district (1,700 enterprises, ~5,100 due meetings a day,
// one year, ~15,000 photos a day over the last BENCH_PHOTO_DAYS days) into its own embedded
// PostgreSQL, then times the dashboard, the missing list, the reviewer's list with filters, a
// month's CSV export and the reused-photo lookup as the API calls them. Prints p50/p95 with the
// scale beside each, ratios to a plain range count run in the same process, and the worst p95
// last. Not part of `npm test`: timings are reported, never asserted.
//
// BENCH_PHOTO_DAYS (default 15, ~17 s a day here; 365 is the full year, ~5.5 M photos and ~130 M band rows, hours
// here), BENCH_DAYS (365), BENCH_ENTERPRISES (1700), BENCH_SAMPLES (20), BENCH_PG_PORT (55900),
// BENCH_KEEP=1 keeps the database in /tmp/bench-compliance-<port> and a later run reuses it.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '@platform/config';
import type { Actor } from '@platform/core';
import { startEmbeddedPostgres } from '@platform/db';
import { loadConfig } from '../../apps/api/src/config.ts';
import { openPlatform, type Platform } from '../../apps/api/src/platform.ts';
import { generate, type Generated } from './compliance/generate.ts';
import { baseline, complianceFigures, exportFigures, meetingListFigures, reuseFigure, type Period } from './compliance/operations.ts';
import { printFigures, quantile } from './compliance/timing.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const port = env('BENCH_PG_PORT', 55900);
const samples = env('BENCH_SAMPLES', 20);
const keep = process.env.BENCH_KEEP === '1';
const scratch = `/tmp/bench-compliance-${port}`;
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

// A kept database is reused as it is (its scale is read back, not assumed); otherwise start clean.
const reuse = keep && existsSync(path.join(scratch, 'generated.json'));
if (!reuse) await fs.rm(scratch, { recursive: true, force: true });
await fs.mkdir(scratch, { recursive: true, mode: 0o755 });
const pg = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'pg'), port, database: 'bench' });
let platform: Platform | undefined;
try {
  const config = loadConfig(
    {
      DATABASE_URL: pg.appUrl,
      MIGRATION_DATABASE_URL: pg.url,
      DATA_DIR: scratch,
      SEED_DEMO: '0',
      WORKER_IN_PROCESS: '0',
      LOG_LEVEL: 'silent',
      MEDIA_SIGNING_SECRET: 'bench-secret-bench-secret-bench-secret-0000',
      // Nothing encrypted outlives the run worth keeping; a kept database holds no secrets to read back.
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    },
    root,
  );
  platform = await openPlatform(config, { log: createLogger(config.log, 'bench') });
  let data: Generated;
  if (reuse) {
    data = JSON.parse(await fs.readFile(path.join(scratch, 'generated.json'), 'utf8')) as Generated;
    log(`reusing the dataset generated earlier in ${scratch}`);
  } else {
    const scale = {
      enterprises: env('BENCH_ENTERPRISES', 1700),
      teamsPerEnterprise: 3,
      days: env('BENCH_DAYS', 365),
      photoDays: env('BENCH_PHOTO_DAYS', 15),
      graceMinutes: platform.services.compliance.settings.reportGraceMinutes,
    };
    log(`generating ${JSON.stringify(scale)}`);
    data = await generate(pg.url, scale, log);
    await fs.writeFile(path.join(scratch, 'generated.json'), JSON.stringify(data));
  }
  const readers = await createReaders(platform, data.zoneId);
  const period = periodOf(data.lastDay);
  const photoScale = data.firstPhotoDay
    ? `${data.photos.toLocaleString('en')} photos (${data.firstPhotoDay}..${data.lastDay}), ${data.hashBands.toLocaleString('en')} bands`
    : 'no photos';
  const zoneShare = await platform.prisma.enterprise.count({ where: { zoneId: data.zoneId, creditCode: { startsWith: 'BENCH' } } });

  log('warming up: the first dashboard derives today, as the sweep does');
  const warm = performance.now();
  await platform.services.compliance.dashboard(readers.inspector, {});
  log(`first dashboard (derives today's ${(data.dueMeetings / 365).toFixed(0)} slots): ${(performance.now() - warm).toFixed(0)} ms`);

  const base = await baseline(platform, period, samples);
  const figures = [
    ...(await complianceFigures(platform, readers, period, samples)),
    ...(await meetingListFigures(platform, readers, period, samples)),
  ];
  const reuseLookup = await reuseFigure(platform, samples * 2, photoScale);
  if (reuseLookup) figures.push(reuseLookup);
  const exports = await exportFigures(platform, readers, period, env('BENCH_EXPORT_RUNS', 3));

  console.log(
    `\nDataset: ${data.enterprises.toLocaleString('en')} enterprises (zone officer's zone: ${zoneShare}), ` +
      `${data.dueMeetings.toLocaleString('en')} due meetings and ${data.meetings.toLocaleString('en')} meetings ` +
      `(${data.firstDay}..${data.lastDay}), ${data.flags.toLocaleString('en')} flags, ${photoScale}; generated in ${data.seconds.toFixed(0)} s.`,
  );
  console.log(`Month exported and filtered: ${period.monthFrom}..${period.monthTo}. ${samples} samples each, sequential.\n`);
  printFigures([...figures, ...exports.figures], base);
  for (const note of exports.notes) console.log(`\n${note}`);
  const worst = figures.reduce((w, f) => (quantile(f.samples, 0.95) > quantile(w.samples, 0.95) ? f : w));
  console.log(
    `\nworst p95 ${quantile(worst.samples, 0.95).toFixed(0)} ms (${worst.name}; target 300 ms; exports excepted, ` +
      `slowest ${Math.max(...exports.figures.map((f) => quantile(f.samples, 0.95) / 1000)).toFixed(1)} s)`,
  );
} finally {
  await platform?.close();
  await pg.stop();
  if (!keep) await fs.rm(scratch, { recursive: true, force: true });
}

/** An inspector and the officer of the zone with the most enterprises, as users the audit log can name. */
async function createReaders(platform: Platform, zoneId: string): Promise<{ inspector: Actor; zoneOfficer: Actor }> {
  const upsert = (username: string, role: 'INSPECTOR' | 'ZONE_OFFICER', zone: string | null) =>
    platform.prisma.user.upsert({
      where: { username },
      create: { username, role, zoneId: zone, displayName: username, passwordHash: '!bench-no-login' },
      update: {},
    });
  const [inspector, officer] = [await upsert('bench_inspector', 'INSPECTOR', null), await upsert('bench_zone', 'ZONE_OFFICER', zoneId)];
  return {
    inspector: { userId: inspector.id, username: inspector.username, role: 'INSPECTOR', enterpriseId: null, zoneId: null },
    zoneOfficer: { userId: officer.id, username: officer.username, role: 'ZONE_OFFICER', enterpriseId: null, zoneId },
  };
}

/** The last generated day and the last full calendar month before it. */
function periodOf(lastDay: string): Period {
  const [y, m] = lastDay.split('-').map(Number) as [number, number];
  const monthTo = new Date(Date.UTC(y, m - 1, 0)).toISOString().slice(0, 10);
  return { lastDay, monthFrom: `${monthTo.slice(0, 8)}01`, monthTo };
}
