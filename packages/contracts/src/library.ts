import { z } from 'zod';
import { Id, PageQuery, text, Timestamp } from './common.ts';
import { Media } from './media.ts';
import { MeetingSummary } from './meetings.ts';
import { singleLine } from './rules.ts';

// 宣教资源电子库: posters (血的教训), guidance videos, documents and campaign material, tagged by
// campaign and topic; files are the administrator's content uploads (purpose `content`).

export const ResourceKind = z.enum(['POSTER', 'VIDEO', 'DOCUMENT', 'CAMPAIGN']);
export type ResourceKind = z.infer<typeof ResourceKind>;

/** The campaigns of the 2021 work plan (item 12), spelled as the library stores and filters them. */
export const LIBRARY_CAMPAIGNS = ['5·12防灾减灾日', '安全生产月', '法治宣传周', '安全宣传"五进"'] as const;
export const Campaign = z.enum(LIBRARY_CAMPAIGNS);
export type Campaign = z.infer<typeof Campaign>;

/** What file kind each resource kind holds; a campaign's material may be any of them. */
export const RESOURCE_MEDIA_KINDS: Record<ResourceKind, readonly ('VIDEO' | 'PHOTO' | 'DOCUMENT')[]> = {
  POSTER: ['PHOTO'],
  VIDEO: ['VIDEO'],
  DOCUMENT: ['DOCUMENT'],
  CAMPAIGN: ['PHOTO', 'VIDEO', 'DOCUMENT'],
};

const Tag = z
  .string()
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(20, { error: 'must be at most 20 characters' })
  .refine(...singleLine);

export const LibraryQuery = PageQuery.extend({
  /** Words looked for in the title, description and tags; every word must be found. */
  q: z.string().trim().max(100, { error: 'must be at most 100 characters' }).optional(),
  kind: ResourceKind.optional(),
  campaign: Campaign.optional(),
  tag: Tag.optional(),
  /** Administrators only: `false` lists drafts. Everyone else sees published entries whatever this says. */
  published: z.enum(['true', 'false']).optional(),
  pageSize: z.coerce.number().int().min(1).max(60).default(24),
});
export type LibraryQuery = z.infer<typeof LibraryQuery>;

/** A grid card: enough to draw the tile and its label without the file's full details. */
export const LibraryResourceSummary = z
  .object({
    id: Id,
    title: z.string(),
    description: z.string(),
    kind: ResourceKind,
    campaign: Campaign.nullable(),
    tags: z.array(z.string()),
    published: z.boolean(),
    /** The file's kind and state; null when the entry has no file (its file was deleted). */
    media: z
      .object({
        id: Id,
        kind: z.enum(['VIDEO', 'PHOTO', 'DOCUMENT']),
        status: z.string(),
        durationSeconds: z.number().nullable(),
        /** A small picture for the tile (photo thumbnail, video poster); null for documents. */
        thumbnailUrl: z.string().nullable(),
      })
      .nullable(),
    updatedAt: Timestamp,
  })
  .meta({ id: 'LibraryResourceSummary' });
export type LibraryResourceSummary = z.infer<typeof LibraryResourceSummary>;

/** One entry with its file and the file's signed links (HLS, image, PDF). */
export const LibraryResource = LibraryResourceSummary.omit({ media: true })
  .extend({ media: Media.nullable(), createdAt: Timestamp })
  .meta({ id: 'LibraryResource' });
export type LibraryResource = z.infer<typeof LibraryResource>;

export const LibraryResourceInput = z.object({
  title: text(100),
  description: z.string().trim().max(2000, { error: 'must be at most 2000 characters' }).default(''),
  kind: ResourceKind,
  campaign: Campaign.nullable().default(null),
  tags: z.array(Tag).max(12, { error: 'at most 12 tags' }).default([]),
  /** A content upload (POST /api/uploads with purpose `content`) of the kind the entry holds. */
  mediaId: Id,
  /** Publish at once (the file must be ready to view). */
  published: z.boolean().default(false),
});
export type LibraryResourceInput = z.infer<typeof LibraryResourceInput>;

export const LibraryResourcePatch = z
  .object({
    title: text(100),
    description: z.string().trim().max(2000, { error: 'must be at most 2000 characters' }),
    kind: ResourceKind,
    campaign: Campaign.nullable(),
    tags: z.array(Tag).max(12, { error: 'at most 12 tags' }),
    mediaId: Id,
  })
  .partial();
export type LibraryResourcePatch = z.infer<typeof LibraryResourcePatch>;

/** 优秀班前会 in the library: best-practice meetings, for the roles that may watch them (else `available` false). */
export const LibraryShowcase = z
  .object({
    available: z.boolean(),
    items: z.array(MeetingSummary),
    total: z.number().int(),
  })
  .meta({ id: 'LibraryShowcase' });
export type LibraryShowcase = z.infer<typeof LibraryShowcase>;

export const LibraryShowcaseQuery = z.object({
  pageSize: z.coerce.number().int().min(1).max(24).default(6),
});
