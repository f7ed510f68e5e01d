import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceKey, type JobQueue, type MediaStore } from '@platform/core';
import type { PrismaClient } from '@platform/db';
import { COURSES, lessonMediaFile, resourceMediaFile } from './data/catalogue.ts';
import { LIBRARY_RESOURCES } from './data/library.ts';

/** Where media-samples/generate.mjs writes the catalogue's files (catalogue/, library/). */
export const CATALOGUE_SAMPLES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'media-samples', 'out');

export interface CatalogueMediaResult {
  /** Files stored and queued for processing by this run. */
  attached: number;
  /** Files not generated yet (relative to the samples directory): their lessons stay without media. */
  missing: string[];
}

interface Target {
  /** The generated file, relative to the samples directory. */
  file: string;
  /** What the asset is called (its download name). */
  originalName: string;
  kind: 'VIDEO' | 'PHOTO' | 'DOCUMENT';
  link(prisma: PrismaClient, assetId: string): Promise<boolean>;
}

const CONTENT_TYPES = { VIDEO: 'video/mp4', PHOTO: 'image/jpeg', DOCUMENT: 'application/pdf' } as const;

/** Below the default 0 of uploads: waiting jobs run by priority, then age. */
const SEEDED_PRIORITY = -10;

/**
 * Puts the seeded catalogue's and library's files through the real media pipeline: each source
 * goes into object storage, a platform content asset (no enterprise, no meeting) is created for
 * it, linked to its lesson or library entry, and the normal processing job is queued (HLS for
 * videos, thumbnails for posters, the checked `document.pdf` for PDFs).
 *
 * Idempotent: only a seeded lesson (by course code, position and unchanged title) or resource (by
 * title) without media gets one, and only if no content asset of that name exists yet, so media
 * an administrator removed or replaced is not brought back on the next start.
 */
export async function attachCatalogueMedia(deps: {
  prisma: PrismaClient;
  store: MediaStore;
  queue: JobQueue;
  samplesDir?: string;
}): Promise<CatalogueMediaResult> {
  const { prisma, store, queue } = deps;
  const samplesDir = deps.samplesDir ?? CATALOGUE_SAMPLES_DIR;
  const result: CatalogueMediaResult = { attached: 0, missing: [] };
  for (const target of await pendingTargets(prisma)) {
    const file = path.join(samplesDir, target.file);
    if (!existsSync(file)) {
      result.missing.push(target.file);
      continue;
    }
    const taken = await prisma.mediaAsset.findFirst({
      where: { originalName: target.originalName, enterpriseId: null, meetingId: null },
      select: { id: true },
    });
    if (taken) continue;
    const bytes = await readFile(file);
    const assetId = randomUUID();
    const key = sourceKey(assetId);
    // Stored before the row exists, as a completed upload would be: a job never finds a row without its file.
    await store.put(key, bytes, { contentType: CONTENT_TYPES[target.kind] });
    await prisma.mediaAsset.create({
      data: {
        id: assetId,
        enterpriseId: null,
        meetingId: null,
        staged: false,
        kind: target.kind,
        status: 'UPLOADED',
        originalName: target.originalName,
        contentType: CONTENT_TYPES[target.kind],
        sizeBytes: bytes.length,
        sourceKey: key,
      },
    });
    if (!(await target.link(prisma, assetId))) {
      // Someone gave the lesson media meanwhile: this copy is not needed.
      await prisma.mediaAsset.delete({ where: { id: assetId } });
      await store.delete(key);
      continue;
    }
    // The queues the upload service uses (videos wait for an encoder; posters and PDFs do not), but
    // behind anything a person uploads: a report sent while the demo starts must not wait for 23 lessons.
    await queue.send(
      target.kind === 'VIDEO' ? 'media.process' : 'media.photo',
      { assetId },
      { singletonKey: assetId, priority: SEEDED_PRIORITY },
    );
    result.attached++;
  }
  return result;
}

/** Seeded lessons and resources that still have no media. */
async function pendingTargets(prisma: PrismaClient): Promise<Target[]> {
  const targets: Target[] = [];
  const courses = await prisma.course.findMany({
    where: { code: { in: COURSES.map((c) => c.code) } },
    select: { code: true, lessons: { select: { id: true, position: true, title: true, mediaAssetId: true } } },
  });
  for (const seeded of COURSES) {
    const course = courses.find((c) => c.code === seeded.code);
    if (!course) continue;
    seeded.lessons.forEach((lesson, i) => {
      const position = i + 1;
      const row = course.lessons.find((l) => l.position === position && l.title === lesson.title);
      if (!row || row.mediaAssetId) return;
      const file = lessonMediaFile(seeded, position, lesson);
      targets.push({
        file,
        originalName: `${lesson.title}${path.extname(file)}`,
        kind: lesson.kind === 'POSTER' ? 'PHOTO' : lesson.kind,
        link: async (db, assetId) =>
          (await db.lesson.updateMany({ where: { id: row.id, mediaAssetId: null }, data: { mediaAssetId: assetId } })).count === 1,
      });
    });
  }
  const resources = await prisma.libraryResource.findMany({
    where: { title: { in: LIBRARY_RESOURCES.map((r) => r.title) }, mediaAssetId: null },
    select: { id: true, title: true },
  });
  for (const row of resources) {
    const seeded = LIBRARY_RESOURCES.find((r) => r.title === row.title)!;
    const file = resourceMediaFile(seeded);
    targets.push({
      file,
      originalName: `${seeded.title}${path.extname(file)}`,
      kind: seeded.media.kind === 'POSTER' ? 'PHOTO' : seeded.media.kind,
      link: async (db, assetId) =>
        (await db.libraryResource.updateMany({ where: { id: row.id, mediaAssetId: null }, data: { mediaAssetId: assetId } })).count === 1,
    });
  }
  return targets;
}
