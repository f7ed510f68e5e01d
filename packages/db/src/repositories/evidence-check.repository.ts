import type { EvidenceCheckRepository, EvidenceSubject, PhotoHashSet } from '@platform/core';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';

const num = (value: Prisma.Decimal | null) => (value === null ? null : value.toNumber());
const coordinates = (latitude: Prisma.Decimal | null, longitude: Prisma.Decimal | null) => {
  const lat = num(latitude);
  const lon = num(longitude);
  return lat === null || lon === null ? null : { latitude: lat, longitude: lon };
};

/** A hash set as stored in `media_asset.photoHashes`, or null when it is not one (older rows). */
function hashSetOf(value: unknown): PhotoHashSet | null {
  if (!Array.isArray(value) || !value.length) return null;
  const ok = value.every((r) => r && typeof r === 'object' && typeof r.p === 'string' && typeof r.d === 'string');
  return ok ? (value as PhotoHashSet) : null;
}

/** Reads assets for the evidence checks, finds earlier copies through the hash bands, writes flags. */
export function createEvidenceCheckRepository(prisma: PrismaClient): EvidenceCheckRepository {
  return {
    async loadSubject(assetId) {
      const a = await prisma.mediaAsset.findUnique({
        where: { id: assetId },
        include: {
          meeting: {
            select: { id: true, meetingDate: true, startedAt: true, enterprise: { select: { latitude: true, longitude: true } } },
          },
        },
      });
      if (!a || !a.meeting || a.status !== 'READY' || a.removedAt || a.kind === 'DOCUMENT') return null;
      return {
        asset: {
          id: a.id,
          kind: a.kind === 'PHOTO' ? 'PHOTO' : 'VIDEO',
          sha256: a.sha256,
          capturedAt: a.capturedAt,
          gps: coordinates(a.gpsLatitude, a.gpsLongitude),
          durationMs: a.durationMs,
          photoHashes: hashSetOf(a.photoHashes),
        },
        meeting: { id: a.meeting.id, meetingDate: a.meeting.meetingDate.toISOString().slice(0, 10), startedAt: a.meeting.startedAt },
        enterpriseLocation: coordinates(a.meeting.enterprise.latitude, a.meeting.enterprise.longitude),
      };
    },

    async findIdentical(subject: EvidenceSubject) {
      if (!subject.asset.sha256) return [];
      const rows = await prisma.mediaAsset.findMany({
        where: {
          sha256: subject.asset.sha256,
          id: { not: subject.asset.id },
          kind: subject.asset.kind,
          meetingId: { not: subject.meeting.id },
          removedAt: null,
          status: { notIn: ['UPLOADING', 'FAILED'] },
        },
        select: { id: true, meetingId: true },
        orderBy: { createdAt: 'asc' },
        take: 20,
      });
      return rows.map((r) => ({ assetId: r.id, meetingId: r.meetingId!, identical: true, phash: 0, dhash: 0 }));
    },

    async findHashCandidates(subject, probes, limit) {
      if (!probes.length) return [];
      // One index range per probe (hashKind, band, value = ANY(...)) on photo_hash_band's
      // (hashKind, band, value) index. Candidates hitting more bands come first: a real copy
      // usually agrees on several, so the limit cuts the chance meetings of a common picture.
      const ranges = probes.map(
        (p) => Prisma.sql`SELECT "assetId" FROM photo_hash_band
          WHERE "hashKind" = ${p.hashKind}::smallint AND band = ${p.band}::smallint AND value = ANY(${p.values}::int[])`,
      );
      const rows = await prisma.$queryRaw<{ id: string; meetingId: string; photoHashes: unknown }[]>`
        WITH hits AS (${Prisma.join(ranges, ' UNION ALL ')}),
        ranked AS (SELECT "assetId", count(*) AS n FROM hits WHERE "assetId" <> ${subject.asset.id}::uuid GROUP BY "assetId")
        SELECT a.id, a."meetingId", a."photoHashes"
        FROM ranked r JOIN media_asset a ON a.id = r."assetId"
        WHERE a."meetingId" IS NOT NULL AND a."meetingId" <> ${subject.meeting.id}::uuid
          AND a."removedAt" IS NULL AND a.status = 'READY'
        ORDER BY r.n DESC, a."createdAt"
        LIMIT ${limit}`;
      return rows.flatMap((r) => {
        const hashes = hashSetOf(r.photoHashes);
        return hashes ? [{ assetId: r.id, meetingId: r.meetingId, hashes }] : [];
      });
    },

    async saveFlags(meetingId, flags) {
      const { count } = await prisma.meetingFlag.createMany({
        data: flags.map((f) => ({
          meetingId,
          kind: f.kind,
          key: f.key,
          detail: f.detail,
          params: f.params,
          assetId: f.assetId,
          relatedAssetId: f.relatedAssetId ?? null,
          relatedMeetingId: f.relatedMeetingId ?? null,
        })),
        skipDuplicates: true,
      });
      return count;
    },
  };
}
