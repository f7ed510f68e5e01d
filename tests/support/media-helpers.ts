import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import type { PrismaClient } from '@platform/db';

/** A reported meeting of `username`'s enterprise to attach media to (meetings' own API is another issue's). */
export async function createMeeting(prisma: PrismaClient, username: string, day = '2026-11-28'): Promise<string> {
  const user = await prisma.user.findUniqueOrThrow({ where: { username } });
  const team = await prisma.team.findFirstOrThrow({ where: { enterpriseId: user.enterpriseId! }, include: { shifts: true } });
  const shiftId = team.shifts[0]!.shiftId;
  const meetingDate = new Date(`${day}T00:00:00Z`);
  const existing = await prisma.meeting.findFirst({ where: { teamId: team.id, shiftId, meetingDate } });
  if (existing) return existing.id;
  const meeting = await prisma.meeting.create({
    data: {
      enterpriseId: user.enterpriseId!,
      teamId: team.id,
      shiftId,
      meetingDate,
      startedAt: new Date(`${day}T07:30:00+08:00`),
      hostName: '测试班长',
      taskBriefing: '任务',
      safetyBriefing: '安全',
      measureBriefing: '措施',
      attireChecked: true,
      mentalChecked: true,
      ppeChecked: true,
      hazards: [],
      status: 'REPORTED',
    },
  });
  return meeting.id;
}

/**
 * Uploads a file through the API (filesystem store: parts go to the API), optionally skipping
 * parts. Without a meeting the file waits for its report (staged).
 */
export async function uploadFile(
  app: FastifyInstance,
  cookie: string,
  meetingId: string | undefined,
  file: string | { name: string; bytes: Buffer },
  contentType: string,
  options: { onlyParts?: number[]; originalOf?: string; purpose?: 'evidence' | 'content' } = {},
) {
  const bytes = typeof file === 'string' ? await readFile(file) : file.bytes;
  const fileName = typeof file === 'string' ? file.split('/').pop()! : file.name;
  const created = await app.inject({
    method: 'POST',
    url: '/api/uploads',
    headers: { cookie },
    payload: { meetingId, originalOf: options.originalOf, purpose: options.purpose, fileName, size: bytes.length, contentType },
  });
  if (created.statusCode !== 201) return { created, upload: null, complete: null };
  const upload = created.json();
  for (const part of upload.parts as { partNumber: number; url: string; size: number }[]) {
    if (options.onlyParts && !options.onlyParts.includes(part.partNumber)) continue;
    const start = (part.partNumber - 1) * upload.partSize;
    const res = await app.inject({
      method: 'PUT',
      url: part.url,
      headers: { cookie, 'content-type': 'application/octet-stream' },
      payload: bytes.subarray(start, start + part.size),
    });
    if (res.statusCode !== 200) throw new Error(`part ${part.partNumber}: ${res.statusCode} ${res.body}`);
  }
  if (options.onlyParts) return { created, upload, complete: null, bytes };
  const complete = await app.inject({ method: 'POST', url: `/api/uploads/${upload.id}/complete`, headers: { cookie } });
  return { created, upload, complete, bytes };
}

/** Polls GET /api/media/:id until the status is one of `statuses`. */
export async function waitForMedia(app: FastifyInstance, cookie: string, assetId: string, statuses: string[], timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await app.inject({ url: `/api/media/${assetId}`, headers: { cookie } });
    const body = res.json();
    if (res.statusCode === 200 && statuses.includes(body.status)) return body;
    if (Date.now() > deadline) throw new Error(`media ${assetId} did not reach ${statuses.join('/')}: ${res.statusCode} ${res.body}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
