// Shapes of the seeded 百千万 catalogue and library. The same records drive the database rows
// (seeds/catalogue.ts) and the generated sample media (seeds/media/render-catalogue.ts), so a
// lesson's video shows exactly the title and key points its row holds.

/** A page of a generated PDF: a heading and its paragraphs. */
export interface DocumentSection {
  heading: string;
  paragraphs: string[];
}

/** What a generated poster (JPEG 1080×1528) says. */
export interface PosterText {
  /** The big words at the top, e.g. 血的教训. */
  headline: string;
  /** Under the headline, e.g. the accident's name. */
  title: string;
  /** A few short lines (each ≤ 16 characters reads well). */
  lines: string[];
  /** Background colour as 0xRRGGBB. */
  colour: string;
}

interface LessonBase {
  title: string;
  /** Key points shown with the lesson: one per line, 200–600 characters in all. */
  body: string;
  /** Optional lessons do not hold up the course's completion; default required. */
  required?: boolean;
}

export type SeedLesson =
  | (LessonBase & {
      kind: 'VIDEO';
      /** Length of the generated clip; also the lesson's durationSeconds. */
      seconds: number;
      /** Presence checks per viewing; default 2. */
      presenceChecks?: number;
    })
  | (LessonBase & { kind: 'DOCUMENT'; document: { title: string; sections: DocumentSection[] } })
  | (LessonBase & { kind: 'POSTER'; poster: PosterText });

export interface SeedQuestion {
  kind: 'SINGLE' | 'MULTIPLE' | 'TRUE_FALSE';
  prompt: string;
  /** TRUE_FALSE questions always have ['正确', '错误']. */
  options: string[];
  /** Indexes into options: exactly one for SINGLE and TRUE_FALSE, two or more for MULTIPLE. */
  answer: number[];
  explanation: string;
}

export interface SeedCourse {
  /** Natural key: a course with this code is never seeded twice. */
  code: string;
  title: string;
  description: string;
  category: string;
  lessons: SeedLesson[];
  quiz: { title: string; questions: SeedQuestion[] };
}

export type SeedResourceMedia =
  | { kind: 'VIDEO'; seconds: number; /** Lines shown in the clip. */ points: string[] }
  | { kind: 'DOCUMENT'; document: { title: string; sections: DocumentSection[] } }
  | { kind: 'POSTER'; poster: PosterText };

/** A 宣教资源电子库 entry; its title is its natural key. */
export interface SeedResource {
  /** File name stem of its generated media, e.g. `xue-de-jiaoxun-1`. */
  slug: string;
  title: string;
  description: string;
  kind: 'POSTER' | 'VIDEO' | 'DOCUMENT' | 'CAMPAIGN';
  campaign: string | null;
  tags: string[];
  media: SeedResourceMedia;
}

export const TRUE_FALSE = ['正确', '错误'];
