import { hashBands, lessonSecondsOf, type AssetRecord, type MediaRepository, type OpenUploads, type UploadRecord } from '@platform/core';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';

type AssetRow = NonNullable<Awaited<ReturnType<PrismaClient['mediaAsset']['findUnique']>>> & {
  enterprise: { zoneId: string } | null;
  renditions: { name: string; width: number; height: number; bandwidth: number; codecs: string; playlistKey: string; remuxed: boolean }[];
};
type UploadRow = NonNullable<Awaited<ReturnType<PrismaClient['uploadSession']['findUnique']>>>;

/**
 * Uploads still open at `now`: the user's count, the enterprise's count and its declared bytes.
 * Without an enterprise (content uploads) the second and third are the user's own content uploads.
 */
async function openUploadsIn(
  db: Pick<PrismaClient, '$queryRaw'>,
  userId: string | null,
  enterpriseId: string | null,
  now: Date,
): Promise<OpenUploads> {
  if (enterpriseId === null) {
    const [own] = await db.$queryRaw<{ byUser: number; byContent: number; bytes: bigint }[]>`
      SELECT count(*)::int AS "byUser",
             count(*) FILTER (WHERE "enterpriseId" IS NULL)::int AS "byContent",
             COALESCE(sum("sizeBytes") FILTER (WHERE "enterpriseId" IS NULL), 0)::bigint AS "bytes"
      FROM "upload_session"
      WHERE "status" = 'ACTIVE' AND "expiresAt" > ${now} AND "userId" = ${userId}::uuid`;
    return { byUser: own?.byUser ?? 0, byEnterprise: own?.byContent ?? 0, bytesByEnterprise: Number(own?.bytes ?? 0) };
  }
  const [row] = await db.$queryRaw<{ byUser: number; byEnterprise: number; bytes: bigint }[]>`
    SELECT count(*) FILTER (WHERE "userId" = ${userId}::uuid)::int AS "byUser",
           count(*) FILTER (WHERE "enterpriseId" = ${enterpriseId}::uuid)::int AS "byEnterprise",
           COALESCE(sum("sizeBytes") FILTER (WHERE "enterpriseId" = ${enterpriseId}::uuid), 0)::bigint AS "bytes"
    FROM "upload_session"
    WHERE "status" = 'ACTIVE' AND "expiresAt" > ${now}
      AND ("userId" = ${userId}::uuid OR "enterpriseId" = ${enterpriseId}::uuid)`;
  return { byUser: row?.byUser ?? 0, byEnterprise: row?.byEnterprise ?? 0, bytesByEnterprise: Number(row?.bytes ?? 0) };
}

function toAsset(row: AssetRow): AssetRecord {
  return {
    id: row.id,
    enterpriseId: row.enterpriseId,
    zoneId: row.enterprise?.zoneId ?? null,
    meetingId: row.meetingId,
    originalOfId: row.originalOfId,
    kind: row.kind,
    status: row.status,
    progress: row.progress,
    failureReason: row.failureReason,
    failureCode: row.failureCode,
    failureParams: isParams(row.failureParams) ? row.failureParams : null,
    truncatedAtMs: row.truncatedAtMs,
    declaredDurationMs: row.declaredDurationMs,
    originalName: row.originalName,
    contentType: row.contentType,
    sizeBytes: Number(row.sizeBytes),
    sourceKey: row.sourceKey,
    durationMs: row.durationMs,
    width: row.width,
    height: row.height,
    posterKey: row.posterKey,
    spriteKey: row.spriteKey,
    spriteVttKey: row.spriteVttKey,
    hlsMasterKey: row.hlsMasterKey,
    thumbSmallKey: row.thumbSmallKey,
    thumbLargeKey: row.thumbLargeKey,
    capturedAt: row.capturedAt,
    capturedOffset: row.capturedOffset,
    gpsLatitude: row.gpsLatitude === null ? null : Number(row.gpsLatitude),
    gpsLongitude: row.gpsLongitude === null ? null : Number(row.gpsLongitude),
    cameraMake: row.cameraMake,
    cameraModel: row.cameraModel,
    createdAt: row.createdAt,
    renditions: row.renditions.map((r) => ({ ...r })),
  };
}

function isParams(value: unknown): value is Record<string, string | number> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toUpload(row: UploadRow): UploadRecord {
  return {
    id: row.id,
    assetId: row.assetId,
    enterpriseId: row.enterpriseId,
    userId: row.userId,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: Number(row.sizeBytes),
    partSize: row.partSize,
    storageKey: row.storageKey,
    storageUploadId: row.storageUploadId,
    status: row.status,
    expiresAt: row.expiresAt,
  };
}

const renditionOrder = { orderBy: { height: 'desc' as const } };

/** Media assets, renditions and upload sessions. */
export function createMediaRepository(prisma: PrismaClient): MediaRepository {
  return {
    async findMeetingOwner(meetingId) {
      const row = await prisma.meeting.findUnique({
        where: { id: meetingId },
        select: { id: true, enterpriseId: true, enterprise: { select: { zoneId: true } } },
      });
      return row ? { id: row.id, enterpriseId: row.enterpriseId, zoneId: row.enterprise.zoneId } : null;
    },

    async createUpload({ asset, upload, admit }) {
      const row = await prisma.$transaction(async (tx) => {
        if (admit) {
          // One enterprise's (or, for content, one user's) new uploads queue here, so two requests
          // never both see the last free slot.
          const holder = asset.enterpriseId ?? `content:${upload.userId}`;
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('upload-quota'), hashtext(${holder}))`;
          admit.check(await openUploadsIn(tx, upload.userId, asset.enterpriseId, admit.at));
        }
        await tx.mediaAsset.create({ data: { ...asset, sizeBytes: BigInt(asset.sizeBytes), status: 'UPLOADING' } });
        return tx.uploadSession.create({ data: { ...upload, sizeBytes: BigInt(upload.sizeBytes), assetId: asset.id } });
      });
      return toUpload(row);
    },

    openUploads: (userId, enterpriseId, now) => openUploadsIn(prisma, userId, enterpriseId, now),

    async findUpload(id) {
      const row = await prisma.uploadSession.findUnique({ where: { id } });
      return row ? toUpload(row) : null;
    },

    async setUploadStatus(id, status, at) {
      await prisma.uploadSession.update({ where: { id }, data: { status, completedAt: status === 'COMPLETED' ? at : undefined } });
    },

    async listExpiredUploads(now, limit) {
      const rows = await prisma.uploadSession.findMany({
        where: { status: 'ACTIVE', expiresAt: { lte: now } },
        take: limit,
        orderBy: { expiresAt: 'asc' },
      });
      return rows.map(toUpload);
    },

    async findAsset(id) {
      const row = await prisma.mediaAsset.findUnique({
        where: { id },
        include: { renditions: renditionOrder, enterprise: { select: { zoneId: true } } },
      });
      return row ? toAsset(row) : null;
    },

    async deleteAsset(id) {
      // The upload session goes with it (cascade); the audit log keeps the record of what happened.
      await prisma.mediaAsset.deleteMany({ where: { id } });
    },

    async markUploaded(assetId, kind, contentType) {
      await prisma.mediaAsset.update({ where: { id: assetId }, data: { status: 'UPLOADED', kind, contentType } });
    },

    async beginProcessing(assetId) {
      return prisma.$transaction(async (tx) => {
        const resumed = await tx.mediaAsset.updateMany({ where: { id: assetId, status: 'PLAYABLE' }, data: { progress: 0 } });
        if (resumed.count > 0) return 'resumed';
        const { count } = await tx.mediaAsset.updateMany({
          where: { id: assetId, status: { in: ['UPLOADED', 'PROCESSING'] } },
          data: {
            status: 'PROCESSING',
            progress: 0,
            failureReason: null,
            failureCode: null,
            failureParams: Prisma.DbNull,
            hlsMasterKey: null,
            posterKey: null,
            spriteKey: null,
            spriteVttKey: null,
            thumbSmallKey: null,
            thumbLargeKey: null,
          },
        });
        if (count === 0) return null;
        await tx.mediaRendition.deleteMany({ where: { assetId } });
        return 'fresh';
      });
    },

    async setProgress(assetId, percent) {
      await prisma.mediaAsset.updateMany({
        where: { id: assetId, status: { in: ['PROCESSING', 'PLAYABLE'] } },
        data: { progress: percent },
      });
    },

    async setVideoFacts(assetId, facts) {
      await prisma.$transaction([
        prisma.mediaAsset.update({ where: { id: assetId }, data: facts }),
        // A lesson saved while its video was still being processed learns the video's length now.
        prisma.lesson.updateMany({
          where: { mediaAssetId: assetId, kind: 'VIDEO' },
          data: { durationSeconds: lessonSecondsOf(facts.durationMs) },
        }),
      ]);
    },

    async publishRendition(assetId, rendition, masterKey) {
      await prisma.$transaction([
        prisma.mediaRendition.upsert({
          where: { assetId_name: { assetId, name: rendition.name } },
          create: { ...rendition, assetId },
          update: rendition,
        }),
        prisma.mediaAsset.update({ where: { id: assetId }, data: { status: 'PLAYABLE', hlsMasterKey: masterKey } }),
      ]);
    },

    async setVideoExtras(assetId, extras) {
      await prisma.mediaAsset.update({ where: { id: assetId }, data: extras });
    },

    async setPhotoFacts(assetId, facts) {
      // The bands are rewritten with the facts, so a re-processed photo is never found by stale hashes.
      const bands = facts.photoHashes.flatMap((region, hashKind) =>
        hashBands(region.p).map((value, band) => ({ assetId, hashKind, band, value })),
      );
      await prisma.$transaction([
        prisma.mediaAsset.update({
          where: { id: assetId },
          data: { ...facts, photoHashes: facts.photoHashes.map(({ p, d }) => ({ p, d })) },
        }),
        prisma.photoHashBand.deleteMany({ where: { assetId } }),
        prisma.photoHashBand.createMany({ data: bands }),
      ]);
    },

    async setSha256(assetId, sha256) {
      await prisma.mediaAsset.update({ where: { id: assetId }, data: { sha256 } });
    },

    async markReady(assetId) {
      await prisma.mediaAsset.update({ where: { id: assetId }, data: { status: 'READY', progress: 100 } });
    },

    async markFailed(assetId, failure) {
      await prisma.mediaAsset.updateMany({
        where: { id: assetId },
        data: { status: 'FAILED', failureCode: failure.code, failureParams: failure.params, failureReason: failure.detail.slice(0, 1000) },
      });
    },
  };
}
