// Exports of the meeting and missing lists (CSV, XLSX) and the evidence report (JSON, PDF) through
// the API on real PostgreSQL, with a real uploaded photo whose SHA-256 the report must carry.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting, uploadFile, waitForMedia } from '../support/media-helpers.ts';
import { sample } from '../support/samples.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
let enterprise: { id: string; name: string; zoneId: string };
let zoneName: string;
let photoSha: string;
let teamId: string;
let shiftId: string;

const DAY = '2026-11-20';
const MISSING_DAY = '2026-11-21';
const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);

/** RFC 4180 CSV (quotes, doubled quotes, CRLF) into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && c === '"') quoted = false;
    else if (quoted) field += c;
    else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

/** The cells of the workbook's sheet, by row, read back from its XML (inline strings and numbers). */
function readXlsx(bytes: Buffer): string[][] {
  const files = unzipSync(new Uint8Array(bytes));
  expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']));
  const xml = strFromU8(files['xl/worksheets/sheet1.xml']!);
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<row r="\d+">(.*?)<\/row>/g)].map((row) =>
    [...row[1]!.matchAll(/<c r="[A-Z]+\d+"[^>]*>(?:<is><t[^>]*>(.*?)<\/t><\/is>|<v>(.*?)<\/v>)<\/c>/g)].map((c) => unescape(c[1] ?? c[2]!)),
  );
}

beforeAll(async () => {
  t = await createTestApp({ WORKER_IN_PROCESS: '1' });
  for (const user of ['inspector', 'zone1', 'officer1', 'officer2']) cookies[user] = await t.login(user);
  const prisma = t.platform.prisma;
  const officer1 = await prisma.user.findUniqueOrThrow({
    where: { username: 'officer1' },
    include: { enterprise: { include: { zone: true } } },
  });
  enterprise = officer1.enterprise!;
  zoneName = officer1.enterprise!.zone.name;

  // A reported meeting whose host name is a formula, with a photo; and a missing one the next day.
  const meetingId = await createMeeting(prisma, 'officer1', DAY);
  const meeting = await prisma.meeting.update({
    where: { id: meetingId },
    data: { hostName: '=HYPERLINK("http://evil")', reportedAt: at(DAY, '07:40'), expectedCount: 5, presentCount: 4 },
  });
  ({ teamId, shiftId } = meeting);
  const e = await prisma.enterprise.findUniqueOrThrow({ where: { id: enterprise.id } });
  const slot = (date: string) => ({
    date: new Date(`${date}T00:00:00Z`),
    enterpriseId: e.id,
    zoneId: e.zoneId,
    industryId: e.industryId,
    riskLevel: e.riskLevel,
    teamId: meeting.teamId,
    shiftId: meeting.shiftId,
    dueFrom: at(date, '07:00'),
    dueUntil: at(date, '08:00'),
    reportBy: at(date, '10:00'),
  });
  await prisma.dueMeeting.create({
    data: {
      ...slot(DAY),
      status: 'REPORTED',
      meetingId,
      reportedAt: at(DAY, '07:40'),
      reportedOnTime: true,
      heldOnTime: true,
      evidenceCount: 1,
    },
  });
  await prisma.dueMeeting.create({ data: { ...slot(MISSING_DAY), status: 'MISSING', missingAt: at(MISSING_DAY, '10:00') } });

  const photo = sample('photo-plain.jpg');
  photoSha = createHash('sha256')
    .update(await readFile(photo))
    .digest('hex');
  const { complete } = await uploadFile(t.app, cookies.officer1!, meetingId, photo, 'image/jpeg');
  expect(complete!.statusCode).toBe(200);
  await waitForMedia(t.app, cookies.officer1!, complete!.json().assetId, ['READY', 'FAILED']);
}, 120_000);
afterAll(() => t?.close());

const get = (user: string, url: string) => t.app.inject({ url, headers: { cookie: cookies[user]! } });

describe('meeting export', () => {
  it('writes every matching meeting as CSV: BOM, Chinese headings, Beijing times, formulas neutralised, Chinese file name', async () => {
    const res = await get('inspector', `/api/meetings/export?format=csv&enterpriseId=${enterprise.id}&from=${DAY}&to=${DAY}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('班前会记录_')}`);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...rows] = parseCsv(res.body.slice(1));
    expect(header).toEqual(expect.arrayContaining(['会议日期', '企业名称', '统一社会信用代码', '状态', '上报时间', '主持人']));
    expect(rows).toHaveLength(1);
    const row = Object.fromEntries(header!.map((h, i) => [h, rows[0]![i]]));
    expect(row).toMatchObject({
      会议日期: DAY,
      企业名称: enterprise.name,
      区域: zoneName,
      上报时间: `${DAY} 07:40`,
      状态: '按时上报',
      按时召开: '是',
      应到人数: '5',
      实到人数: '4',
      主持人: `'=HYPERLINK("http://evil")`,
    });
  });

  it('writes the same rows as an Excel workbook that reads back', async () => {
    const res = await get('inspector', `/api/meetings/export?format=xlsx&enterpriseId=${enterprise.id}&from=${DAY}&to=${DAY}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/filename\*=UTF-8''.*\.xlsx$/);
    const [header, ...rows] = readXlsx(res.rawPayload);
    expect(header![0]).toBe('会议日期');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual(expect.arrayContaining([DAY, enterprise.name, '按时上报', `'=HYPERLINK("http://evil")`, '5', '4']));
  });

  it("keeps a zone officer to their zone and another enterprise's officer out, and audits each export", async () => {
    const zone = parseCsv((await get('zone1', `/api/meetings/export?from=${DAY}&to=${DAY}`)).body.slice(1));
    expect(zone.length).toBeGreaterThan(1);
    const zoneColumn = zone[0]!.indexOf('区域');
    expect(new Set(zone.slice(1).map((r) => r[zoneColumn]))).toEqual(new Set([zoneName]));

    const other = await get('officer2', `/api/meetings/export?enterpriseId=${enterprise.id}`);
    expect(other.statusCode).toBe(200);
    expect(parseCsv(other.body.slice(1))).toHaveLength(1); // the heading only

    const audited = await t.platform.prisma.auditLog.count({ where: { action: 'meeting.export' } });
    expect(audited).toBeGreaterThanOrEqual(4);
  });

  it('answers bad filters with 400 naming the field', async () => {
    const res = await get('inspector', '/api/meetings/export?format=pdf');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('format');
  });
});

describe('missing-list export', () => {
  it('lists the missing meetings of the day in Chinese', async () => {
    const res = await get('inspector', `/api/compliance/missing/export?date=${MISSING_DAY}&enterpriseId=${enterprise.id}&format=xlsx`);
    expect(res.statusCode).toBe(200);
    const [header, ...rows] = readXlsx(res.rawPayload);
    expect(header).toEqual(expect.arrayContaining(['日期', '企业名称', '上报截止', '状态']));
    // The list derives the day's other slots too (every team and shift of the enterprise is due).
    expect(rows.length).toBeGreaterThanOrEqual(1);
    for (const row of rows) expect(row).toEqual(expect.arrayContaining([MISSING_DAY, enterprise.name, '未上报']));
    expect(rows.some((row) => row.includes(`${MISSING_DAY} 10:00`))).toBe(true);
  });
});

describe('evidence report', () => {
  const url = (suffix = '') => `/api/enterprises/${enterprise.id}/evidence-report${suffix}?from=${DAY}&to=${MISSING_DAY}`;

  it('lists due, reported and missing meetings with the SHA-256 of the uploaded photo', async () => {
    const res = await get('officer1', url());
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.enterprise).toMatchObject({ name: enterprise.name, zone: { name: zoneName } });
    expect(report.enterprise.creditCode).toHaveLength(18);
    // Ours, and whatever else of the enterprise the missing list derived for the second day.
    const ours = report.items.filter(
      (i: { team: { id: string }; shift: { id: string } }) => i.team.id === teamId && i.shift.id === shiftId,
    );
    expect(ours.map((i: { date: string; state: string }) => [i.date, i.state])).toEqual([
      [DAY, 'REPORTED'],
      [MISSING_DAY, 'MISSING'],
    ]);
    const states = report.items.map((i: { state: string }) => i.state);
    expect(report.totals).toMatchObject({
      due: report.items.length,
      reported: 1,
      onTime: 1,
      late: 0,
      missing: states.filter((s: string) => s === 'MISSING').length,
    });
    const files = ours[0].meeting.files;
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ kind: 'PHOTO', originalName: 'photo-plain.jpg', sha256: photoSha, removedAt: null });
    expect(ours[1].meeting).toBeNull();
  });

  it('is read by the zone officer of its zone, and is not found for another enterprise', async () => {
    expect((await get('zone1', url())).statusCode).toBe(200);
    const other = await get('officer2', url());
    expect(other.statusCode).toBe(404);
    expect((await get('officer2', url('.pdf'))).statusCode).toBe(404);
  });

  it('refuses a period over 92 days, naming the field', async () => {
    const res = await get('inspector', `/api/enterprises/${enterprise.id}/evidence-report?from=2026-01-01&to=2026-11-30`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'from', code: 'RANGE_TOO_LONG', params: { days: 92 } });
  });

  it('prints as a PDF with the CJK font embedded and the Chinese name mapped back to Unicode', async () => {
    const res = await get('inspector', url('.pdf'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdf.toString('latin1');
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKsc-Regular/);
    // Every character of the enterprise name is in a ToUnicode map, so the PDF's text is searchable.
    const streams = [...text.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].flatMap((m) => {
      try {
        return [inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1')];
      } catch {
        return [];
      }
    });
    const cmap = streams
      .filter((s) => s.includes('begincmap'))
      .join('\n')
      .toLowerCase();
    for (const ch of enterprise.name) expect(cmap, ch).toContain(ch.charCodeAt(0).toString(16).padStart(4, '0'));
    const audits = await t.platform.prisma.auditLog.findMany({ where: { action: 'compliance.evidence_report' } });
    expect(audits.map((a) => (a.details as { format: string }).format)).toEqual(expect.arrayContaining(['json', 'pdf']));
  });
});
