import { QuotaExceededError } from '../errors/index.ts';
import { formatBytes } from './upload-policy.ts';

/** How many uploads may be open (neither completed, aborted nor expired) at once. */
export interface UploadQuota {
  openPerUser: number;
  openPerEnterprise: number;
  /** Declared bytes of an enterprise's open uploads together. */
  openBytesPerEnterprise: number;
}

/** What is open now, for the user starting an upload and the enterprise it goes to. */
export interface OpenUploads {
  byUser: number;
  byEnterprise: number;
  bytesByEnterprise: number;
}

export type UploadQuotaBreach =
  | { code: 'UPLOAD_QUOTA_USER'; params: { limit: number } }
  | { code: 'UPLOAD_QUOTA_ENTERPRISE'; params: { limit: number } }
  | { code: 'UPLOAD_QUOTA_BYTES'; params: { limit: string } };

/**
 * The quota a new upload of `size` bytes would break, or null when it fits. Declaring is free, so
 * without this one account could reserve terabytes of parts and storage work in seconds. Pure.
 */
export function uploadQuotaBreach(open: OpenUploads, size: number, quota: UploadQuota): UploadQuotaBreach | null {
  if (open.byUser >= quota.openPerUser) return { code: 'UPLOAD_QUOTA_USER', params: { limit: quota.openPerUser } };
  if (open.byEnterprise >= quota.openPerEnterprise) return { code: 'UPLOAD_QUOTA_ENTERPRISE', params: { limit: quota.openPerEnterprise } };
  if (open.bytesByEnterprise + size > quota.openBytesPerEnterprise)
    return { code: 'UPLOAD_QUOTA_BYTES', params: { limit: formatBytes(quota.openBytesPerEnterprise) } };
  return null;
}

// An upload over quota waits for others to finish, which takes minutes rather than seconds.
const QUOTA_RETRY_SECONDS = 60;

/** Throws QuotaExceededError (429, Retry-After) when a new upload of `size` would break the quota. */
export function assertWithinUploadQuota(open: OpenUploads, size: number, quota: UploadQuota): void {
  const breach = uploadQuotaBreach(open, size, quota);
  if (!breach) return;
  throw new QuotaExceededError(
    breach.code,
    `Upload quota reached (${breach.code}, limit ${breach.params.limit}); finish or cancel open uploads first.`,
    {
      params: breach.params,
      retryAfterSeconds: QUOTA_RETRY_SECONDS,
    },
  );
}
