import type { LiveGap } from '@platform/contracts';
import type { IngestCamera, IngestLive, LiveIngestRepository } from '@platform/core';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';

const liveSelect = {
  id: true,
  enterpriseId: true,
  teamId: true,
  shiftId: true,
  meetingDate: true,
  meetingId: true,
  title: true,
  source: true,
  cameraId: true,
  streamKeyHash: true,
  revokedAt: true,
  status: true,
  startedAt: true,
  interruptedAt: true,
  gaps: true,
  createdById: true,
  enterprise: { select: { zoneId: true } },
} satisfies Prisma.LiveStreamSelect;

type LiveRow = Prisma.LiveStreamGetPayload<{ select: typeof liveSelect }>;

const dateOf = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const asDate = (date: string) => new Date(`${date}T00:00:00Z`);

function toLive(row: LiveRow): IngestLive {
  const { enterprise, meetingDate, gaps, ...rest } = row;
  return { ...rest, zoneId: enterprise.zoneId, meetingDate: dateOf(meetingDate), gaps: (gaps ?? []) as LiveGap[] };
}

const cameraSelect = {
  id: true,
  enterpriseId: true,
  teamId: true,
  name: true,
  rtspUrlSealed: true,
  transport: true,
  autoRecord: true,
  status: true,
  enterprise: { select: { zoneId: true } },
} satisfies Prisma.CameraSelect;

type CameraRow = Prisma.CameraGetPayload<{ select: typeof cameraSelect }>;

function toCamera({ enterprise, ...row }: CameraRow): IngestCamera {
  return { ...row, zoneId: enterprise.zoneId };
}

/** What the live ingest process reads and writes: live status, gaps, recordings, camera status. */
export function createLiveIngestRepository(prisma: PrismaClient): LiveIngestRepository {
  // Gaps are a JSON array changed by the one ingest that runs the live; a row lock keeps two
  // writers of the same live (a restart racing a finalize) from losing one's gap.
  async function editGaps(id: string, edit: (gaps: LiveGap[]) => LiveGap[]): Promise<void> {
    await prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ gaps: LiveGap[] }[]>`SELECT gaps FROM live_stream WHERE id = ${id}::uuid FOR UPDATE`;
      if (!rows[0]) return;
      await tx.liveStream.update({ where: { id }, data: { gaps: edit(rows[0].gaps ?? []) as Prisma.InputJsonValue } });
    });
  }

  return {
    async findLive(id) {
      const row = await prisma.liveStream.findUnique({ where: { id }, select: liveSelect });
      return row ? toLive(row) : null;
    },

    countOnAir: () => prisma.liveStream.count({ where: { status: 'LIVE' } }),

    async markLive(id, at, videoCodec) {
      await prisma.$transaction([
        prisma.liveStream.updateMany({ where: { id, startedAt: null, status: { not: 'ENDED' } }, data: { startedAt: at } }),
        prisma.liveStream.updateMany({
          where: { id, status: { not: 'ENDED' } },
          data: { status: 'LIVE', interruptedAt: null, ...(videoCodec ? { videoCodec } : {}) },
        }),
      ]);
    },

    async markInterrupted(id, at) {
      await prisma.liveStream.updateMany({ where: { id, status: 'LIVE' }, data: { interruptedAt: at } });
    },

    addGap: (id, gap) => editGaps(id, (gaps) => [...gaps, gap]),

    closeOpenGaps: (id, at) => editGaps(id, (gaps) => gaps.map((g) => (g.to === null ? { ...g, to: at.toISOString() } : g))),

    async markEnded(id, reason, at) {
      const { count } = await prisma.liveStream.updateMany({
        where: { id, status: { not: 'ENDED' } },
        data: { status: 'ENDED', endReason: reason, endedAt: at, interruptedAt: null },
      });
      return count === 1;
    },

    async listLeftOnAir() {
      const rows = await prisma.liveStream.findMany({
        // Camera recordings still waiting for their camera are the dead ingest's too: a meeting window
        // then records anew instead of staying blocked by a live nobody runs.
        where: { OR: [{ status: 'LIVE' }, { status: 'IDLE', startedAt: { not: null } }, { status: 'IDLE', source: 'CAMERA' }] },
        select: liveSelect,
      });
      return rows.map(toLive);
    },

    async findMeetingId(teamId, shiftId, meetingDate) {
      const row = await prisma.meeting.findFirst({ where: { teamId, shiftId, meetingDate: asDate(meetingDate) }, select: { id: true } });
      return row?.id ?? null;
    },

    async createRecordingAsset(input) {
      await prisma.mediaAsset.create({
        data: {
          id: input.id,
          enterpriseId: input.enterpriseId,
          meetingId: input.meetingId,
          staged: input.staged,
          kind: 'VIDEO',
          status: 'UPLOADED',
          originalName: input.originalName,
          contentType: 'video/mp4',
          sizeBytes: BigInt(input.sizeBytes),
          sourceKey: input.sourceKey,
          createdById: input.createdById,
        },
      });
    },

    async setRecording(liveId, assetId, meetingId) {
      await prisma.liveStream.update({
        where: { id: liveId },
        data: { recordingAssetId: assetId, ...(meetingId ? { meetingId } : {}) },
      });
    },

    async findCamera(id) {
      const row = await prisma.camera.findUnique({ where: { id }, select: cameraSelect });
      return row ? toCamera(row) : null;
    },

    async listCameras() {
      return (await prisma.camera.findMany({ select: cameraSelect, orderBy: { id: 'asc' } })).map(toCamera);
    },

    async listAutoRecordCameras(from, to) {
      const rows = await prisma.camera.findMany({
        where: { autoRecord: true, teamId: { not: null } },
        select: {
          ...cameraSelect,
          team: {
            select: {
              shifts: {
                where: { shift: { active: true } },
                select: {
                  effectiveFrom: true,
                  shift: { select: { id: true, startMinute: true, daysOfWeek: true, meetingWindowBefore: true, meetingWindowAfter: true } },
                },
              },
            },
          },
        },
      });
      const days = await prisma.enterpriseCalendarDay.findMany({
        where: { enterpriseId: { in: [...new Set(rows.map((r) => r.enterpriseId))] }, date: { gte: asDate(from), lte: asDate(to) } },
        select: { enterpriseId: true, date: true, kind: true },
      });
      return rows.map(({ team, ...camera }) => ({
        camera: toCamera(camera),
        shifts: (team?.shifts ?? []).map((ts) => ({ ...ts.shift, effectiveFrom: dateOf(ts.effectiveFrom)! })),
        calendar: new Map(days.filter((d) => d.enterpriseId === camera.enterpriseId).map((d) => [dateOf(d.date)!, d.kind])),
      }));
    },

    async setCameraStatus(id, probe, at) {
      // One ingest checks each camera, so reading the old status first needs no transaction.
      const before = await prisma.camera.findUnique({ where: { id }, select: { status: true } });
      if (!before) return null;
      await prisma.camera.updateMany({
        where: { id },
        data: {
          status: probe.status,
          statusReason: probe.reason,
          statusCheckedAt: at,
          ...(probe.status === 'ONLINE'
            ? {
                lastOnlineAt: at,
                ...(probe.videoCodec ? { videoCodec: probe.videoCodec } : {}),
                ...(probe.width ? { width: probe.width, height: probe.height } : {}),
              }
            : {}),
        },
      });
      return before.status;
    },

    async findOpenCameraLive(cameraId) {
      const row = await prisma.liveStream.findFirst({
        where: { cameraId, source: 'CAMERA', status: { not: 'ENDED' } },
        select: liveSelect,
        orderBy: { createdAt: 'desc' },
      });
      return row ? toLive(row) : null;
    },

    async createCameraLive({ camera, shiftId, meetingDate, title }) {
      const row = await prisma.liveStream.create({
        data: {
          enterpriseId: camera.enterpriseId,
          teamId: camera.teamId,
          shiftId,
          meetingDate: asDate(meetingDate),
          title,
          source: 'CAMERA',
          cameraId: camera.id,
        },
        select: liveSelect,
      });
      return toLive(row);
    },

    async hasCameraLiveFor(cameraId, shiftId, meetingDate) {
      // A recording cut short by an ingest restart does not use up the window: the rest is recorded anew.
      const where = {
        cameraId,
        shiftId,
        meetingDate: asDate(meetingDate),
        OR: [{ endReason: null }, { endReason: { not: 'INGEST_RESTARTED' } }],
      };
      return (await prisma.liveStream.count({ where })) > 0;
    },

    async teamName(teamId) {
      return (await prisma.team.findUnique({ where: { id: teamId }, select: { name: true } }))?.name ?? null;
    },
  };
}
