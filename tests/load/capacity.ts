// The raw figures of the capacity model: CPU-seconds per video, per photo and per meeting report,
// bytes stored per original and per derived files (renditions, posters, sprites), and what one
// machine like this absorbs per hour at that cost.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Sample } from './sampler.ts';
import { mib } from './stats.ts';

export interface StoredBytes {
  kind: string;
  assets: number;
  originalBytes: number;
  derivedBytes: number;
}

/**
 * Bytes in the object store per media kind: each asset's original (`media/<id>/source`) and
 * everything derived from it (`media/<id>/out/…`), read from s3rver's directory (objects are files
 * named `<key>._S3rver_object`) and the assets' kinds from the database. Ready assets only.
 */
export async function storedBytes(storeDir: string, bucket: string, dbUrl: string): Promise<StoredBytes[]> {
  const root = path.join(storeDir, bucket, 'media');
  const perAsset = new Map<string, { original: number; derived: number }>();
  const walk = (dir: string, assetId: string | null) => {
    let entries: string[] = [];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of entries) {
      const full = path.join(dir, name);
      const st = statSync(full);
      const id = assetId ?? name;
      if (st.isDirectory()) walk(full, id);
      else if (name.endsWith('._S3rver_object') && assetId) {
        const a = perAsset.get(id) ?? { original: 0, derived: 0 };
        if (name === 'source._S3rver_object' && dir === path.join(root, id)) a.original += st.size;
        else a.derived += st.size;
        perAsset.set(id, a);
      }
    }
  };
  walk(root, null);
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ id: string; kind: string }>(
      `SELECT id, kind::text FROM media_asset WHERE status = 'READY' AND "enterpriseId" IS NOT NULL`,
    );
    const byKind = new Map<string, StoredBytes>();
    for (const { id, kind } of rows) {
      const a = perAsset.get(id);
      if (!a) continue;
      const k = byKind.get(kind) ?? { kind, assets: 0, originalBytes: 0, derivedBytes: 0 };
      k.assets++;
      k.originalBytes += a.original;
      k.derivedBytes += a.derived;
      byKind.set(kind, k);
    }
    return [...byKind.values()];
  } finally {
    await db.end();
  }
}

export interface CapacityInput {
  samples: Sample[];
  apiNames: string[];
  meetings: number;
  videos: number;
  photos: number;
  videoSeconds: number;
  stored: StoredBytes[];
  cores: number;
}

/** Prints the per-unit costs and the meetings per hour they allow on this machine; returns that figure. */
export function printCapacity(c: CapacityInput): number {
  const last = c.samples.at(-1);
  if (!last) return Number.NaN;
  const cpu = (name: string) => last.cpuSeconds[name] ?? 0;
  const api = c.apiNames.reduce((s, n) => s + cpu(n), 0);
  const perVideo = c.videos ? cpu('ffmpeg') / c.videos : Number.NaN;
  const workerPerFile = c.videos + c.photos ? cpu('worker') / (c.videos + c.photos) : Number.NaN;
  const apiPerMeeting = c.meetings ? api / c.meetings : Number.NaN;
  const pgPerMeeting = c.meetings ? cpu('postgres') / c.meetings : Number.NaN;
  const storePerMeeting = c.meetings ? cpu('s3rver') / c.meetings : Number.NaN;
  console.log(
    "\nCapacity figures (CPU-seconds from /proc over the whole run including the drain; the worker's ffmpeg children counted when reaped):",
  );
  console.log(
    `  transcode: ${cpu('ffmpeg').toFixed(1)} CPU-s of ffmpeg for ${c.videos} videos READY = ${perVideo.toFixed(2)} CPU-s per ${c.videoSeconds} s video (${(perVideo / c.videoSeconds).toFixed(2)} CPU-s per media second)`,
  );
  console.log(
    `  worker (node: photos with sharp, probes, uploads to the store): ${cpu('worker').toFixed(1)} CPU-s for ${c.videos + c.photos} files = ${workerPerFile.toFixed(2)} CPU-s per file`,
  );
  console.log(
    `  API: ${api.toFixed(1)} CPU-s for ${c.meetings} meetings = ${apiPerMeeting.toFixed(2)} CPU-s per meeting report (every request of the run counted, walls' and learners' too)`,
  );
  console.log(
    `  PostgreSQL: ${pgPerMeeting.toFixed(2)} CPU-s per meeting; object store (s3rver): ${storePerMeeting.toFixed(2)} CPU-s per meeting`,
  );
  for (const s of c.stored) {
    console.log(
      `  stored ${s.kind}: ${s.assets} assets, original ${mib(s.originalBytes / s.assets)} MiB each, derived (renditions, poster, sprite) ${mib(s.derivedBytes / s.assets)} MiB each`,
    );
  }
  const filesPerMeeting = c.meetings ? (c.videos + c.photos) / c.meetings : 0;
  const videosPerMeeting = c.meetings ? c.videos / c.meetings : 0;
  const perMeeting =
    (Number.isFinite(perVideo) ? perVideo * videosPerMeeting : 0) +
    (Number.isFinite(workerPerFile) ? workerPerFile * filesPerMeeting : 0) +
    (Number.isFinite(apiPerMeeting) ? apiPerMeeting : 0) +
    (Number.isFinite(pgPerMeeting) ? pgPerMeeting : 0) +
    (Number.isFinite(storePerMeeting) ? storePerMeeting : 0);
  const perHour = perMeeting > 0 ? (c.cores * 3600) / perMeeting : Number.NaN;
  console.log(
    `  => ${perMeeting.toFixed(2)} CPU-s per meeting (${videosPerMeeting.toFixed(1)} video, ${(filesPerMeeting - videosPerMeeting).toFixed(1)} photos): ` +
      `this ${c.cores}-core machine absorbs at most ~${perHour.toFixed(0)} meetings/hour with every core busy (no headroom)`,
  );
  return perHour;
}
