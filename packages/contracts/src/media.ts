import { z } from 'zod';
import { Id } from './common.ts';
import { namedFormat, singleLine } from './rules.ts';

export const MediaKind = z.enum(['VIDEO', 'PHOTO', 'DOCUMENT']);
export const MediaStatus = z.enum(['UPLOADING', 'UPLOADED', 'PROCESSING', 'PLAYABLE', 'READY', 'FAILED']);
export type MediaStatus = z.infer<typeof MediaStatus>;

export const CreateUploadBody = z.object({
  /**
   * The meeting the file is evidence of. Left out while the report is still being written: the
   * file is then held for the officer's enterprise and attached with the report (`mediaIds`).
   */
  meetingId: Id.optional(),
  /** This file is the original of a compressed copy already uploaded to the meeting (sent later, on Wi-Fi). */
  originalOf: Id.optional(),
  /**
   * `evidence` (the default): a meeting's photo or video, owned by its enterprise. `content`:
   * training and library material owned by the platform (videos, posters, PDF documents), uploaded
   * by administrators only, with no meeting or enterprise, and readable by every logged-in user.
   */
  purpose: z.enum(['evidence', 'content']).optional(),
  fileName: z
    .string()
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(255, { error: 'must be at most 255 characters' })
    .refine(...singleLine),
  size: z.number().int({ error: 'must be a whole number of bytes' }).positive({ error: 'must be more than 0 bytes' }),
  contentType: z
    .string()
    .trim()
    .min(3)
    .max(127)
    .check(namedFormat('mimeType', /^[\w.+-]+\/[\w.+-]+$/, 'must be a MIME type such as video/mp4')),
});
export type CreateUploadBody = z.infer<typeof CreateUploadBody>;

/** A part the server has stored: the answer to PUT /api/uploads/{id}/parts/{n}. */
export const ReceivedPart = z.object({ partNumber: z.number().int(), size: z.number().int() });
export type ReceivedPart = z.infer<typeof ReceivedPart>;

export const PartTarget = z.object({
  partNumber: z.number().int(),
  /** Where to PUT the part's bytes: a presigned object-store URL, or the API's own part endpoint. */
  url: z.string(),
  method: z.literal('PUT'),
  size: z.number().int(),
});

export const Upload = z
  .object({
    id: Id,
    assetId: Id,
    status: z.enum(['ACTIVE', 'COMPLETED', 'ABORTED', 'EXPIRED']),
    fileName: z.string(),
    size: z.number().int(),
    partSize: z.number().int(),
    partCount: z.number().int(),
    expiresAt: z.string(),
    /** Parts already stored: a resuming client sends only the others. */
    received: z.array(ReceivedPart),
    /** Targets for the parts still missing. */
    parts: z.array(PartTarget),
    /** True when parts go straight to the object store (S3); false when they go through the API. */
    direct: z.boolean(),
  })
  .meta({ id: 'Upload' });
export type Upload = z.infer<typeof Upload>;

/** The answer to completing an upload: the asset, what the bytes turned out to be, and where to follow it. */
export const UploadCompletion = z
  .object({
    assetId: Id,
    kind: MediaKind,
    mediaUrl: z.string().meta({ description: 'GET this (/api/media/{assetId}) for status and links' }),
  })
  .meta({ id: 'UploadCompletion' });
export type UploadCompletion = z.infer<typeof UploadCompletion>;

export const UploadPartParams = z.object({ id: Id, partNumber: z.coerce.number().int().min(1).max(10_000) });

export const Rendition = z.object({
  name: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  bandwidth: z.number().int(),
  codecs: z.string(),
  remuxed: z.boolean(),
});

export const Media = z
  .object({
    id: Id,
    kind: MediaKind,
    status: MediaStatus,
    /** 0–100 while processing. */
    progress: z.number().int(),
    /** Why a FAILED file failed: a MEDIA_* code of the error registry with its params; null otherwise. */
    failure: z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }).nullable(),
    /**
     * Set when the file ends before the length its header declares (an interrupted copy): the
     * stream holds what was there, up to this second, out of `declaredSeconds`.
     */
    truncated: z.object({ atSeconds: z.number(), declaredSeconds: z.number() }).nullable(),
    originalName: z.string(),
    contentType: z.string(),
    size: z.number(),
    meetingId: Id.nullable(),
    /** Set on an original sent after its compressed copy: the copy's id. */
    originalOf: Id.nullable(),
    durationSeconds: z.number().nullable(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    renditions: z.array(Rendition),
    /** Signed, expiring delivery links; null until the file exists. */
    hlsUrl: z.string().nullable(),
    posterUrl: z.string().nullable(),
    spriteVttUrl: z.string().nullable(),
    thumbnailUrl: z.string().nullable(),
    imageUrl: z.string().nullable(),
    /** A DOCUMENT's PDF, shown inline (same origin, so it may be framed); null for photos and videos. */
    documentUrl: z.string().nullable(),
    capturedAt: z.string().nullable(),
    capturedOffset: z.string().nullable(),
    gps: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
    camera: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Media' });
export type Media = z.infer<typeof Media>;

export const StreamParams = z.object({ id: Id, token: z.string().min(10).max(400), '*': z.string().max(200) });
