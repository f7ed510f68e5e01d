import { randomUUID } from 'node:crypto';
import { addDays, shanghaiDate, sourceKey, type DueMeetingRow } from '@platform/core';
import { syntheticPhoto } from '@platform/media';
import type { FastifyBaseLogger } from 'fastify';
import type { Platform } from '../platform.ts';

/** How many past days of demo meetings a fresh demo installation starts with. */
const DEMO_DAYS = 2;
const MINUTE = 60_000;

type Outcome = 'ON_TIME' | 'LATE' | 'NO_EVIDENCE' | 'MISSING' | 'REUSED_PHOTO';

/** A fixed mix, so every state the inspectors work with appears: mostly on time, some of each problem. */
function outcomeOf(index: number): Outcome {
  if (index % 10 === 3) return 'MISSING';
  if (index % 10 === 5) return 'LATE';
  if (index % 10 === 7) return 'NO_EVIDENCE';
  if (index % 20 === 9) return 'REUSED_PHOTO';
  return 'ON_TIME';
}

/**
 * The past days of a fresh demo installation: meetings reported on time, late, without evidence,
 * with a photo reused from another meeting, and missing, reviewed here and there. Meetings are
 * written as the API would; their photos go through the real upload store and photo pipeline, so
 * hashes, thumbnails and evidence flags come from the running workers. Runs once: a database that
 * already has the first demo day's slots is left alone.
 */
export async function seedDemoActivity(platform: Platform, log: FastifyBaseLogger): Promise<void> {
  const { prisma, runtime, now } = platform;
  const today = shanghaiDate(now());
  const days = Array.from({ length: DEMO_DAYS }, (_, i) => addDays(today, i - DEMO_DAYS));
  if (await prisma.dueMeeting.count({ where: { date: new Date(`${days[0]}T00:00:00Z`) } })) return;
  const [officers, inspector] = await Promise.all([
    prisma.user.findMany({ where: { role: 'ENTERPRISE_OFFICER', enterpriseId: { not: null } } }),
    prisma.user.findUniqueOrThrow({ where: { username: 'inspector' } }),
  ]);
  const officerOf = new Map(officers.map((o) => [o.enterpriseId!, o.id]));
  const counts: Record<Outcome, number> = { ON_TIME: 0, LATE: 0, NO_EVIDENCE: 0, MISSING: 0, REUSED_PHOTO: 0 };
  let index = 0;
  let previousPhoto: Buffer | null = null;
  for (const day of days) {
    await runtime.compliance.materialise(day);
    const slots = await runtime.compliance.slotsOf(day);
    for (const slot of slots) {
      const outcome = outcomeOf(index++);
      counts[outcome]++;
      if (outcome === 'MISSING') continue;
      const meetingId = await reportDemoMeeting(platform, slot, outcome, officerOf.get(slot.enterprise.id) ?? null);
      if (outcome === 'NO_EVIDENCE') continue;
      const photo: Buffer = outcome === 'REUSED_PHOTO' && previousPhoto ? previousPhoto : await syntheticPhoto(index);
      await attachDemoPhoto(platform, slot, meetingId, photo);
      previousPhoto = photo;
      if (index % 7 === 1) {
        await prisma.meetingReview.create({ data: { meetingId, reviewerId: inspector.id, action: 'APPROVE', note: null } });
        await prisma.meeting.update({ where: { id: meetingId }, data: { reviewStatus: 'APPROVED' } });
      }
    }
  }
  await prisma.dueMeeting.updateMany({
    where: { status: 'OPEN', reportBy: { lt: now() } },
    data: { status: 'MISSING', missingAt: now() },
  });
  log.info({ days, ...counts }, 'demo meetings of the past days written');
}

async function reportDemoMeeting(platform: Platform, slot: DueMeetingRow, outcome: Outcome, officerId: string | null): Promise<string> {
  const { prisma, runtime } = platform;
  const startedAt = new Date(slot.dueFrom.getTime() + 25 * MINUTE);
  const reportedAt = new Date(outcome === 'LATE' ? slot.reportBy.getTime() + 47 * MINUTE : startedAt.getTime() + 22 * MINUTE);
  const facts = runtime.compliance.factsOf(slot, { reportedAt, startedAt });
  const members = await prisma.teamMember.findMany({ where: { teamId: slot.team.id, active: true }, orderBy: { name: 'asc' } });
  const meeting = await prisma.meeting.create({
    data: {
      enterpriseId: slot.enterprise.id,
      teamId: slot.team.id,
      shiftId: slot.shift.id,
      meetingDate: new Date(`${slot.date}T00:00:00Z`),
      startedAt,
      endedAt: new Date(startedAt.getTime() + 15 * MINUTE),
      hostName: members[0]?.name ?? '班组长',
      taskBriefing: '按作业计划完成本班生产任务，交接上一班遗留问题。',
      safetyBriefing: '重点关注动火、登高和受限空间作业，严禁违章指挥和违章作业。',
      measureBriefing: '作业前确认票证齐全，现场配备灭火器材，专人监护。',
      attireChecked: true,
      mentalChecked: true,
      ppeChecked: true,
      hazards: ['动火作业', '高处作业'],
      expectedCount: members.length,
      presentCount: Math.max(0, members.length - (outcome === 'LATE' ? 1 : 0)),
      attendance: {
        create: members.map((m, i) => ({
          teamMemberId: m.id,
          name: m.name,
          present: !(outcome === 'LATE' && i === members.length - 1),
          absenceReason: outcome === 'LATE' && i === members.length - 1 ? '病假' : null,
        })),
      },
      status: 'REPORTED',
      reportedAt,
      reportedById: officerId,
      timeliness: facts.reportedOnTime ? 'ON_TIME' : 'LATE',
      heldOnTime: facts.heldOnTime,
    },
  });
  await runtime.compliance.recordReport(slot, { meetingId: meeting.id, reportedAt }, facts);
  return meeting.id;
}

async function attachDemoPhoto(platform: Platform, slot: DueMeetingRow, meetingId: string, photo: Buffer): Promise<void> {
  const { prisma, runtime } = platform;
  const assetId = randomUUID();
  await runtime.mediaStore.put(sourceKey(assetId), photo, { contentType: 'image/jpeg' });
  await prisma.mediaAsset.create({
    data: {
      id: assetId,
      enterpriseId: slot.enterprise.id,
      meetingId,
      kind: 'PHOTO',
      status: 'UPLOADED',
      originalName: `班前会现场-${slot.date}.jpg`,
      contentType: 'image/jpeg',
      sizeBytes: photo.length,
      sourceKey: sourceKey(assetId),
    },
  });
  await runtime.queue.send('media.photo', { assetId }, { singletonKey: assetId });
}
