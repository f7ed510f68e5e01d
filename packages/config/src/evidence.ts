import { z } from 'zod';

/** Limits of the evidence checks (flags for a reviewer, never penalties). */
export const evidenceEnvShape = {
  EVIDENCE_PHOTO_MAX_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(90),
  EVIDENCE_PHOTO_MAX_METERS: z.coerce.number().int().min(10).max(1_000_000).default(1000),
  EVIDENCE_VIDEO_MIN_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  // Above 15 the index lookup would have to enumerate too many neighbours (see README).
  EVIDENCE_REUSE_PHASH_BITS: z.coerce.number().int().min(0).max(15).default(10),
  EVIDENCE_REUSE_DHASH_BITS: z.coerce.number().int().min(0).max(32).default(14),
};
export type EvidenceEnv = z.infer<z.ZodObject<typeof evidenceEnvShape>>;

/** The same shape as core's EvidenceCheckSettings. */
export interface EvidenceConfig {
  /** A photo, or a video that recorded its capture time, taken further than this from the declared start is flagged. */
  photoMaxMinutesFromStart: number;
  /** A photo or video whose GPS lies further than this from the enterprise's registered location is flagged. */
  photoMaxMeters: number;
  /** A video shorter than this is flagged. */
  videoMinSeconds: number;
  /** Reused photo: most differing pHash and dHash bits of one region pair. */
  reuse: { phash: number; dhash: number };
}

export function evidenceConfigOf(env: EvidenceEnv): EvidenceConfig {
  return {
    photoMaxMinutesFromStart: env.EVIDENCE_PHOTO_MAX_MINUTES,
    photoMaxMeters: env.EVIDENCE_PHOTO_MAX_METERS,
    videoMinSeconds: env.EVIDENCE_VIDEO_MIN_SECONDS,
    reuse: { phash: env.EVIDENCE_REUSE_PHASH_BITS, dhash: env.EVIDENCE_REUSE_DHASH_BITS },
  };
}
