import { createHash } from 'node:crypto';
import type { SeedCourse, SeedLesson, SeedResource } from './catalogue-types.ts';
import { BRIEFING_COURSE } from './courses/briefing.ts';
import { CONFINED_SPACE_COURSE } from './courses/confined-space.ts';
import { DUST_COURSE } from './courses/dust.ts';
import { ELECTRICAL_COURSE } from './courses/electrical.ts';
import { FIRE_COURSE } from './courses/fire.ts';
import { HAZCHEM_COURSE } from './courses/hazchem.ts';
import { RESCUE_COURSE } from './courses/rescue.ts';
import type { IndustryCode } from './industries.ts';

export { BRIEFING_FIRST_LESSON_SECONDS } from './courses/briefing.ts';

/** The 百千万 programme of the 2021 work plan (item 12), running on so the demo is current. */
export const PROGRAMME = {
  code: 'BQW-2021',
  name: '"百千万"安全技能提升行动',
  year: 2021,
  targetHazardousEnterprises: 100,
  targetKeyEnterprises: 1000,
  targetWorkers: 10000,
  startsOn: new Date('2021-06-01T00:00:00Z'),
  endsOn: new Date('2027-12-31T00:00:00Z'),
} as const;

/** Quiz settings of every seeded course. */
export const QUIZ_SETTINGS = { passScore: 80, drawCount: 5, attemptLimit: 3 } as const;

/** The seeded courses, in catalogue order; all published and part of the programme. */
export const COURSES: SeedCourse[] = [
  BRIEFING_COURSE,
  HAZCHEM_COURSE,
  CONFINED_SPACE_COURSE,
  DUST_COURSE,
  ELECTRICAL_COURSE,
  FIRE_COURSE,
  RESCUE_COURSE,
];

/**
 * Which demo enterprises join which tier: hazardous-chemical industries are 百家危化; the
 * manufacturing sectors are 千家重点工贸. Ports, trade, logistics and construction stay out, so
 * the programme has candidates left to enrol.
 */
export const PROGRAMME_TIERS: Partial<Record<IndustryCode, 'HAZARDOUS_CHEMICAL' | 'KEY_INDUSTRIAL'>> = {
  'HAZCHEM-PROD': 'HAZARDOUS_CHEMICAL',
  'HAZCHEM-STORE': 'HAZARDOUS_CHEMICAL',
  METAL: 'KEY_INDUSTRIAL',
  MACHINERY: 'KEY_INDUSTRIAL',
  'BUILDING-MAT': 'KEY_INDUSTRIAL',
  'LIGHT-TEXTILE': 'KEY_INDUSTRIAL',
};

/** Course codes each demo worker is enrolled in when the course is first seeded ('*' = all). */
export const DEMO_ENROLMENTS: Record<string, '*' | string[]> = {
  worker1: '*',
  worker2: ['BQW-BRIEFING', 'BQW-HAZCHEM', 'BQW-CONFINED', 'BQW-FIRE'],
  worker3: ['BQW-BRIEFING', 'BQW-HAZCHEM'],
  worker4: ['BQW-BRIEFING', 'BQW-FIRE'],
};

/**
 * Where a lesson's generated file lives, relative to the samples directory. The name carries a
 * hash of what the file shows, so editing the text here makes a new file rather than leaving a
 * stale one that the generator (which keeps existing files) would never redo.
 */
export function lessonMediaFile(course: SeedCourse, position: number, lesson: SeedLesson): string {
  return `catalogue/${course.code.toLowerCase()}-${position}-${digest([course.title, lesson])}.${extensionOf(lesson.kind)}`;
}

/** Where a library entry's generated file lives, named as {@link lessonMediaFile} names. */
export function resourceMediaFile(resource: SeedResource): string {
  const { slug, title, campaign, media } = resource;
  return `library/${slug}-${digest([title, campaign, media])}.${extensionOf(media.kind)}`;
}

function digest(shown: unknown): string {
  return createHash('sha256').update(JSON.stringify(shown)).digest('hex').slice(0, 8);
}

function extensionOf(kind: 'VIDEO' | 'DOCUMENT' | 'POSTER'): string {
  return kind === 'VIDEO' ? 'mp4' : kind === 'DOCUMENT' ? 'pdf' : 'jpg';
}
