// District-scale data for `npm run bench:compliance`, written with set-based SQL as the owner of
// the tables: row-by-row Prisma would take hours for a year. Every "random" choice is a hash of
// the row's key, so two runs generate the same data. Runs against the bench's own database only.
import pg from 'pg';

/** What to generate; the defaults are the district of issue 9. */
export interface Scale {
  enterprises: number;
  /** Teams per enterprise; each works one of three 8-hour shifts every day, so one due meeting each a day. */
  teamsPerEnterprise: number;
  /** Days of due meetings and meetings, ending yesterday (Asia/Shanghai). */
  days: number;
  /** The most recent days that also get photos, hashes and hash bands. */
  photoDays: number;
  /** The report grace the platform runs with: reportBy = dueUntil + grace, as `materialise` writes it. */
  graceMinutes: number;
}

/** The numbers actually written, printed next to every figure. */
export interface Generated {
  enterprises: number;
  dueMeetings: number;
  meetings: number;
  flags: number;
  photos: number;
  hashBands: number;
  firstDay: string;
  lastDay: string;
  firstPhotoDay: string | null;
  zoneId: string;
  seconds: number;
}

// Shift k of an enterprise: 早班 08–16, 中班 16–24, 夜班 00–08, meeting window 60 min before to 30 after.
const SHIFTS = `(VALUES (0, '早班', 480, 960), (1, '中班', 960, 1440), (2, '夜班', 0, 480)) AS s(k, name, start_min, end_min)`;

/**
 * A number in [0, 10000) from a text key: the dice of every mix below (share of missing, late,
 * flagged…). hashtextextended is stable across runs and platforms of the same PostgreSQL.
 */
const dice = (key: string) => `(abs(hashtextextended(${key}, 0)) % 10000)`;

/** Writes the organisation, a year of due meetings and meetings, flags, and `photoDays` of photos. */
export async function generate(ownerUrl: string, scale: Scale, log: (line: string) => void): Promise<Generated> {
  const started = performance.now();
  const db = new pg.Client({ connectionString: ownerUrl });
  await db.connect();
  try {
    // Bulk-load settings of this session only; the server's settings stay as the platform runs them.
    await db.query(`SET synchronous_commit = off; SET maintenance_work_mem = '1GB'; SET work_mem = '256MB'`);
    const { rows } = await db.query<{ today: string }>(`SELECT to_char((now() AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS today`);
    const today = rows[0]!.today;
    const firstDay = `('${today}'::date - ${scale.days})`;
    await organisation(db, scale, firstDay);
    log(`organisation: ${scale.enterprises} enterprises, ${scale.enterprises * scale.teamsPerEnterprise} teams`);

    // Writers other than this one keep the counts by trigger; here they are set directly.
    await db.query(`ALTER TABLE media_asset DISABLE TRIGGER USER; ALTER TABLE meeting_flag DISABLE TRIGGER USER`);
    try {
      const chunk = 30;
      for (let offset = scale.days; offset > 0; offset -= chunk) {
        const from = `('${today}'::date - ${offset})`;
        const to = `('${today}'::date - ${Math.max(offset - chunk, 0)} - 1)`;
        await dueAndMeetings(db, from, to, scale.graceMinutes);
        log(`due meetings and meetings: ${Math.min(scale.days - offset + chunk, scale.days)} / ${scale.days} days`);
      }
      await flags(db);
      for (let offset = scale.photoDays; offset > 0; offset--) {
        await photos(db, `('${today}'::date - ${offset})`);
        const done = scale.photoDays - offset + 1;
        if (done % 5 === 0 || offset === 1) log(`photos: ${done} / ${scale.photoDays} days`);
      }
    } finally {
      await db.query(`ALTER TABLE media_asset ENABLE TRIGGER USER; ALTER TABLE meeting_flag ENABLE TRIGGER USER`);
    }
    // Old days of a running platform are all-visible and analysed by autovacuum; a fresh load is not yet.
    log('vacuum analyse');
    await db.query('VACUUM (ANALYZE)');

    const count = async (sql: string) => Number((await db.query<{ n: string }>(sql)).rows[0]!.n);
    const zone = await db.query<{ id: string }>(
      `SELECT e."zoneId" AS id FROM enterprise e WHERE e."creditCode" LIKE 'BENCH%' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    // By the due meetings' dates: a night shift's photos are taken the evening before its date.
    const photoDay = await db.query<{ d: string | null }>(
      `SELECT to_char(min(d.date), 'YYYY-MM-DD') AS d FROM due_meeting d
       WHERE d.date >= '${today}'::date - ${scale.photoDays} AND ${scale.photoDays} > 0`,
    );
    return {
      enterprises: await count(`SELECT count(*) AS n FROM enterprise WHERE "creditCode" LIKE 'BENCH%'`),
      dueMeetings: await count(`SELECT count(*) AS n FROM due_meeting`),
      meetings: await count(`SELECT count(*) AS n FROM meeting`),
      flags: await count(`SELECT count(*) AS n FROM meeting_flag`),
      photos: await count(`SELECT count(*) AS n FROM media_asset WHERE kind = 'PHOTO'`),
      hashBands: await count(`SELECT count(*) AS n FROM photo_hash_band`),
      firstDay: (await db.query<{ d: string }>(`SELECT to_char(${firstDay}, 'YYYY-MM-DD') AS d`)).rows[0]!.d,
      lastDay: (await db.query<{ d: string }>(`SELECT to_char('${today}'::date - 1, 'YYYY-MM-DD') AS d`)).rows[0]!.d,
      firstPhotoDay: photoDay.rows[0]!.d,
      zoneId: zone.rows[0]!.id,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await db.end();
  }
}

/** Enterprises spread over the seeded zones and industries, their three shifts and their teams. */
async function organisation(db: pg.Client, scale: Scale, firstDay: string): Promise<void> {
  await db.query(`
    WITH z AS (SELECT id, row_number() OVER (ORDER BY code) - 1 AS i, count(*) OVER () AS n FROM zone),
         ind AS (SELECT id, row_number() OVER (ORDER BY code) - 1 AS i, count(*) OVER () AS n FROM industry)
    INSERT INTO enterprise (id, name, "creditCode", "zoneId", "industryId", "riskLevel", address, latitude, longitude,
                            "contactName", "contactPhone", "updatedAt")
    SELECT gen_random_uuid(), '滨海基准企业' || g, 'BENCH' || lpad(g::text, 13, '0'),
           -- Zones get uneven shares (a square root skew), as real zones do.
           (SELECT id FROM z WHERE i = floor(sqrt(${dice("'z' || g")} / 10000.0) * n)::int),
           (SELECT id FROM ind WHERE i = g % n),
           (ARRAY['RED','ORANGE','YELLOW','BLUE','BLUE','YELLOW'])[1 + g % 6]::"RiskLevel",
           '天津市滨海新区基准路' || g || '号', 39.0 + (g % 100) / 1000.0, 117.6 + (g % 97) / 1000.0,
           '安全员', '1380000' || lpad((g % 10000)::text, 4, '0'), now()
    FROM generate_series(1, ${scale.enterprises}) g`);
  // The trigger records each new shift's revision from today; the year before needs it from the first day.
  await db.query(`
    INSERT INTO shift (id, "enterpriseId", name, "startMinute", "endMinute", overnight, "daysOfWeek", "updatedAt")
    SELECT gen_random_uuid(), e.id, s.name, s.start_min, s.end_min, false, ARRAY[1,2,3,4,5,6,7], now()
    FROM enterprise e CROSS JOIN ${SHIFTS} WHERE e."creditCode" LIKE 'BENCH%';
    UPDATE shift_revision r SET "effectiveFrom" = ${firstDay} - 1
    FROM shift s JOIN enterprise e ON e.id = s."enterpriseId"
    WHERE r."shiftId" = s.id AND e."creditCode" LIKE 'BENCH%'`);
  await db.query(`
    INSERT INTO team (id, "enterpriseId", name, "leaderName", "updatedAt")
    SELECT gen_random_uuid(), e.id, '第' || t || '班组', '班长' || t, now()
    FROM enterprise e CROSS JOIN generate_series(1, ${scale.teamsPerEnterprise}) t WHERE e."creditCode" LIKE 'BENCH%';
    INSERT INTO team_shift ("teamId", "shiftId", "effectiveFrom")
    SELECT t.id, s.id, ${firstDay} - 1
    FROM team t JOIN enterprise e ON e.id = t."enterpriseId"
    JOIN shift s ON s."enterpriseId" = e.id
      AND s.name = (ARRAY['早班','中班','夜班'])[1 + (substring(t.name FROM '[0-9]+')::int - 1) % 3]
    WHERE e."creditCode" LIKE 'BENCH%'`);
}

/**
 * One due meeting per team and day in [from, to], and the meeting of each reported one. The mix:
 * 10 % missing; of the reported, ~5 % late, ~5 % without evidence, ~3 % held outside the window,
 * ~4 % flagged; review states mostly pending or approved. Meeting ids are md5 of the slot, so the
 * two inserts agree without a join.
 */
async function dueAndMeetings(db: pg.Client, from: string, to: string, grace: number): Promise<void> {
  const slots = `
    SELECT t.id AS team_id, t."enterpriseId" AS enterprise_id, s.id AS shift_id, d::date AS date,
           e."zoneId" AS zone_id, e."industryId" AS industry_id, e."riskLevel" AS risk,
           ((d::date + make_interval(mins => s."startMinute" - s."meetingWindowBefore"))::timestamp AT TIME ZONE 'Asia/Shanghai') AS due_from,
           ((d::date + make_interval(mins => s."startMinute" + s."meetingWindowAfter"))::timestamp AT TIME ZONE 'Asia/Shanghai') AS due_until,
           ((d::date + make_interval(mins => s."startMinute"))::timestamp AT TIME ZONE 'Asia/Shanghai') AS start_at,
           ${dice(`t.id::text || d::date::text`)} AS r,
           md5(t.id::text || s.id::text || d::date::text)::uuid AS meeting_id
    FROM team t JOIN team_shift ts ON ts."teamId" = t.id JOIN shift s ON s.id = ts."shiftId"
    JOIN enterprise e ON e.id = t."enterpriseId"
    CROSS JOIN generate_series(${from}, ${to}, interval '1 day') d
    WHERE e."creditCode" LIKE 'BENCH%'`;
  // r < 1000 missing; 1000–1499 late; 1500–1999 without evidence; 2000–2299 held outside; 2300–2699 flagged.
  await db.query(`
    INSERT INTO meeting (id, "enterpriseId", "teamId", "shiftId", "meetingDate", "startedAt", "endedAt", "hostName",
      "taskBriefing", "safetyBriefing", "measureBriefing", "attireChecked", "mentalChecked", "ppeChecked", hazards,
      "expectedCount", "presentCount", status, timeliness, "heldOnTime", source, "reportedAt", "reviewStatus",
      "bestPractice", "createdAt", "updatedAt")
    SELECT meeting_id, enterprise_id, team_id, shift_id, date,
      CASE WHEN r BETWEEN 2000 AND 2299 THEN start_at + interval '50 minutes' ELSE start_at - interval '15 minutes' END,
      start_at - interval '5 minutes', '班长',
      '今日装卸作业，分两组进行', '注意叉车与行人分道，高处作业系安全带', '设置警戒区，专人监护', true, true, r % 50 <> 7,
      ARRAY['车辆伤害','高处坠落'], 12, 11 + (r % 2), 'REPORTED',
      (CASE WHEN r BETWEEN 1000 AND 1499 THEN 'LATE' ELSE 'ON_TIME' END)::"Timeliness", NOT (r BETWEEN 2000 AND 2299),
      (CASE WHEN r % 5 = 0 THEN 'API' ELSE 'WEB' END)::"MeetingSource",
      CASE WHEN r BETWEEN 1000 AND 1499 THEN due_until + make_interval(mins => ${grace} + 40) ELSE start_at - interval '2 minutes' END,
      (CASE WHEN r % 100 < 55 THEN 'PENDING' WHEN r % 100 < 93 THEN 'APPROVED' WHEN r % 100 < 97 THEN 'FLAGGED'
            WHEN r % 100 < 99 THEN 'CORRECTION_REQUESTED' ELSE 'RESUBMITTED' END)::"ReviewStatus",
      r % 500 = 3, start_at, start_at
    FROM (${slots}) x WHERE r >= 1000`);
  await db.query(`
    INSERT INTO due_meeting (id, date, "enterpriseId", "zoneId", "industryId", "riskLevel", "teamId", "shiftId",
      "dueFrom", "dueUntil", "reportBy", status, "meetingId", "reportedOnTime", "heldOnTime", "reportedAt", "evidenceBy",
      "evidenceCount", "flagCount", "missingAt", "remindedAt", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), date, enterprise_id, zone_id, industry_id, risk, team_id, shift_id,
      due_from, due_until, due_until + make_interval(mins => ${grace}),
      (CASE WHEN r < 1000 THEN 'MISSING' ELSE 'REPORTED' END)::"DueStatus",
      CASE WHEN r >= 1000 THEN meeting_id END,
      CASE WHEN r >= 1000 THEN NOT (r BETWEEN 1000 AND 1499) END,
      CASE WHEN r >= 1000 THEN NOT (r BETWEEN 2000 AND 2299) END,
      CASE WHEN r BETWEEN 1000 AND 1499 THEN due_until + make_interval(mins => ${grace} + 40)
           WHEN r >= 1000 THEN start_at - interval '2 minutes' END,
      CASE WHEN r BETWEEN 1000 AND 1499 THEN due_until + make_interval(mins => 2 * ${grace} + 40)
           WHEN r >= 1000 THEN start_at - interval '2 minutes' + make_interval(mins => ${grace}) END,
      CASE WHEN r < 1500 OR r >= 2000 THEN 3 + r % 2 ELSE 0 END,
      CASE WHEN r BETWEEN 1500 AND 1999 OR r BETWEEN 2300 AND 2699 THEN 1 ELSE 0 END,
      CASE WHEN r < 1000 THEN due_until + make_interval(mins => ${grace} + 5) END,
      CASE WHEN r < 1000 THEN due_until + make_interval(mins => ${grace} + 5) END,
      due_from - interval '1 day', due_from
    FROM (${slots}) x`);
}

/** The open flag behind every flagCount: NO_MEDIA for those without evidence, a photo finding for the others. */
async function flags(db: pg.Client): Promise<void> {
  await db.query(`
    INSERT INTO meeting_flag (id, "meetingId", kind, key, detail, params, "createdAt")
    SELECT gen_random_uuid(), d."meetingId", k.kind::"FlagKind", k.kind, 'bench finding', '{}'::jsonb, d."reportBy"
    FROM due_meeting d
    CROSS JOIN LATERAL (SELECT CASE WHEN d."evidenceCount" = 0 THEN 'NO_MEDIA'
      ELSE (ARRAY['PHOTO_REUSED','PHOTO_TIME_FAR_FROM_START','PHOTO_LOCATION_FAR','PHOTO_TAKEN_OTHER_DAY'])[1 + abs(hashtext(d.id::text)) % 4]
      END AS kind) k
    WHERE d."flagCount" > 0`);
}

/**
 * The photos of one day: `evidenceCount` per reported meeting (3 or 4, ~15,000 a day), each with
 * six regions of pHash/dHash as 16 hex characters and the 6 × 4 bands the reuse lookup reads.
 * Hashes are md5 bits, uniform over the band values; real pHashes cluster somewhat, which makes
 * some index ranges longer than here.
 */
async function photos(db: pg.Client, day: string): Promise<void> {
  await db.query(`
    INSERT INTO media_asset (id, "enterpriseId", "meetingId", kind, status, progress, "originalName", "contentType",
      "sizeBytes", sha256, "sourceKey", width, height, "capturedAt", "perceptualHash", "photoHashes", "createdAt", "updatedAt")
    SELECT a.id, d."enterpriseId", d."meetingId", 'PHOTO', 'READY', 100, 'IMG_' || n || '.jpg', 'image/jpeg',
      2400000 + n, encode(sha256(a.id::text::bytea), 'hex'), 'bench/' || a.id, 4000, 3000, d."reportedAt" - interval '3 minutes',
      substr(md5(a.id::text || 'p0'), 1, 16),
      (SELECT jsonb_agg(jsonb_build_object('p', substr(md5(a.id::text || 'p' || g), 1, 16), 'd', substr(md5(a.id::text || 'd' || g), 1, 16)) ORDER BY g)
         FROM generate_series(0, 5) g),
      d."reportedAt" + make_interval(secs => n * 20), d."reportedAt" + make_interval(secs => n * 20)
    FROM due_meeting d CROSS JOIN generate_series(1, d."evidenceCount") n
    CROSS JOIN LATERAL (SELECT md5(d.id::text || 'photo' || n)::uuid AS id) a
    WHERE d.date = ${day} AND d.status = 'REPORTED' AND d."evidenceCount" > 0`);
  await db.query(`
    INSERT INTO photo_hash_band ("assetId", "hashKind", band, value)
    SELECT a.id, g, b, ('x' || substr(a."photoHashes" -> g ->> 'p', 1 + 4 * b, 4))::bit(16)::int
    FROM media_asset a JOIN due_meeting d ON d."meetingId" = a."meetingId"
    CROSS JOIN generate_series(0, 5) g CROSS JOIN generate_series(0, 3) b
    WHERE d.date = ${day} AND a.kind = 'PHOTO'`);
}
