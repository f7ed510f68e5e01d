import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { CreateUploadBody, Upload } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import type { EnterpriseAccess } from '../access/enterprise-access.ts';
import type { AuditRepository } from '../audit/audit.port.ts';
import {
  ConflictError,
  ForbiddenError,
  MediaRejectedError,
  NotFoundError,
  PayloadTooLargeError,
  QuotaExceededError,
  ValidationError,
} from '../errors/index.ts';
import type { EventPublisher } from '../events/event.port.ts';
import type { JobQueue } from '../jobs/jobs.ts';
import { exactLength } from './exact-length.ts';
import type { MediaStore } from './media-store.port.ts';
import type { AssetKind, MediaRepository, UploadRecord } from './media.port.ts';
import { sourceKey } from './storage-keys.ts';
import { checkUploadRequest, expectedPartSize, formatBytes, partCount, type UploadLimits, type UploadPurpose } from './upload-policy.ts';
import { assertWithinUploadQuota, type OpenUploads, type UploadQuota } from './upload-quota.ts';

/** What the bytes are, decided from the first few kilobytes. `DOCUMENT` is a PDF (by its signature). */
export type FileSniffer = (head: Uint8Array) => Promise<{ kind: 'VIDEO' | 'PHOTO' | 'DOCUMENT' | 'OTHER'; mime: string | null }>;

/** Who an upload will belong to. Content (training and library material) belongs to no enterprise and no meeting. */
interface UploadOwner {
  enterpriseId: string | null;
  meetingId: string | null;
  originalOfId: string | null;
}

export interface UploadPolicy extends UploadLimits {
  ttlHours: number;
  /** Lifetime of presigned part URLs. */
  partUrlSeconds: number;
  /** Limits on open uploads; absent in processes that only expire uploads (the worker). */
  quota?: UploadQuota;
}

// file-type needs 4100 bytes; TIFF-based photos keep what names them further in. Reading more costs nothing.
const SNIFF_BYTES = 64 * 1024;

/**
 * Resumable uploads straight into object storage: a multipart upload per file, parts PUT to
 * presigned URLs (S3) or to the API (filesystem store), resumable from the list of received
 * parts, completed into an asset whose type is decided by its bytes.
 */
export class UploadService {
  constructor(
    private readonly media: MediaRepository,
    private readonly store: MediaStore,
    private readonly jobs: JobQueue,
    private readonly access: EnterpriseAccess,
    private readonly audit: AuditRepository,
    private readonly sniff: FileSniffer,
    private readonly policy: UploadPolicy,
    private readonly events: EventPublisher,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(actor: Actor, input: CreateUploadBody): Promise<Upload> {
    const purpose: UploadPurpose = input.purpose ?? 'evidence';
    const owner: UploadOwner =
      purpose === 'content'
        ? { ...this.contentOwner(actor, input), originalOfId: null }
        : { ...(await this.ownerOf(actor, input.meetingId)), originalOfId: await this.originalOf(input) };
    const check = checkUploadRequest(input, this.policy, purpose);
    if ('issues' in check) throw check.tooLarge ? new PayloadTooLargeError(check.issues) : new ValidationError(check.issues);
    // Checked before storage is touched, so a flood over quota costs no storage calls, and again
    // atomically when the upload is stored, so parallel requests cannot all squeeze under it.
    const quota = this.policy.quota;
    const admit = quota && { at: this.now(), check: (open: OpenUploads) => assertWithinUploadQuota(open, input.size, quota) };
    const refused = async (error: unknown): Promise<never> => {
      if (error instanceof QuotaExceededError) await this.auditQuotaRefusal(actor, owner.enterpriseId, input.size, error);
      throw error;
    };
    if (admit) await this.media.openUploads(actor.userId, owner.enterpriseId, admit.at).then(admit.check).catch(refused);

    const assetId = randomUUID();
    const key = sourceKey(assetId);
    const storageUploadId = await this.store.createMultipart(key, input.contentType);
    const upload = await this.media
      .createUpload({
        // An unknown declared type is stored as a video until the bytes say otherwise at completion.
        asset: {
          id: assetId,
          enterpriseId: owner.enterpriseId,
          meetingId: owner.meetingId,
          // Content is the platform's from the start; only evidence without a meeting waits for its report.
          staged: purpose === 'evidence' && owner.meetingId === null,
          originalOfId: owner.originalOfId,
          kind: check.kind === 'PHOTO' || check.kind === 'DOCUMENT' ? check.kind : 'VIDEO',
          originalName: input.fileName,
          contentType: input.contentType,
          sizeBytes: input.size,
          sourceKey: key,
          createdById: actor.userId,
        },
        upload: {
          enterpriseId: owner.enterpriseId,
          userId: actor.userId,
          fileName: input.fileName,
          contentType: input.contentType,
          sizeBytes: input.size,
          partSize: this.policy.partSizeBytes,
          storageKey: key,
          storageUploadId,
          expiresAt: new Date(this.now().getTime() + this.policy.ttlHours * 3_600_000),
        },
        admit,
      })
      .catch(async (error: unknown) => {
        await this.store.abortMultipart(key, storageUploadId);
        return refused(error);
      });
    await this.audit.record({
      actor,
      action: 'upload.create',
      entityType: 'media',
      entityId: assetId,
      enterpriseId: owner.enterpriseId,
      outcome: 'SUCCESS',
      details: { fileName: input.fileName, size: input.size, meetingId: owner.meetingId, purpose },
    });
    return this.describe(upload, []);
  }

  /**
   * Who the file will belong to: the meeting's enterprise, or, for a report still being written
   * (no meeting yet), the uploader's own enterprise, which holds it until the report is submitted.
   */
  private async ownerOf(actor: Actor, meetingId: string | undefined): Promise<{ enterpriseId: string; meetingId: string | null }> {
    if (meetingId) {
      const meeting = await this.media.findMeetingOwner(meetingId);
      if (!meeting) throw new NotFoundError('meeting', meetingId);
      await this.access.assertCanManage(actor, meeting.enterpriseId, { entityType: 'meeting', entityId: meeting.id });
      return { enterpriseId: meeting.enterpriseId, meetingId: meeting.id };
    }
    if (!actor.enterpriseId)
      throw new ValidationError([
        { field: 'meetingId', code: 'FIELD_REQUIRED', message: 'name the meeting: only enterprise accounts upload files before reporting' },
      ]);
    await this.access.assertCanManage(actor, actor.enterpriseId, { entityType: 'enterprise', entityId: actor.enterpriseId });
    return { enterpriseId: actor.enterpriseId, meetingId: null };
  }

  /**
   * Training and library material: the system administrator's alone (it is shown to every user of
   * the platform), and never a meeting's file.
   */
  private contentOwner(actor: Actor, input: CreateUploadBody): { enterpriseId: null; meetingId: null } {
    if (actor.role !== 'ADMIN')
      throw new ForbiddenError('UPLOAD_CONTENT_ADMIN_ONLY', 'Only the system administrator uploads training and library material.');
    if (input.meetingId || input.originalOf)
      throw ValidationError.field(
        input.meetingId ? 'meetingId' : 'originalOf',
        'UPLOAD_CONTENT_NO_MEETING',
        'training and library material belongs to no meeting; leave the meeting out',
      );
    return { enterpriseId: null, meetingId: null };
  }

  /** The compressed copy an original belongs to: a file of the same meeting that is not itself an original. */
  private async originalOf(input: CreateUploadBody): Promise<string | null> {
    if (!input.originalOf) return null;
    const copy = await this.media.findAsset(input.originalOf);
    if (!input.meetingId || !copy || copy.meetingId !== input.meetingId || copy.originalOfId) {
      throw new ValidationError([
        {
          field: 'originalOf',
          code: 'ORIGINAL_NOT_OF_MEETING',
          message: "not a file of this meeting's report; upload it as a file of its own",
        },
      ]);
    }
    return copy.id;
  }

  private async auditQuotaRefusal(actor: Actor, enterpriseId: string | null, size: number, error: QuotaExceededError): Promise<void> {
    await this.audit.record({
      actor,
      action: 'upload.create',
      // Content uploads count against the uploader alone.
      entityType: enterpriseId ? 'enterprise' : 'user',
      entityId: enterpriseId ?? actor.userId ?? undefined,
      enterpriseId,
      outcome: 'DENIED',
      details: { reason: error.code, ...error.params, size },
    });
  }

  /** The upload with the parts received so far and fresh targets for the rest. */
  async get(actor: Actor, id: string): Promise<Upload> {
    const upload = await this.load(actor, id);
    const received = upload.status === 'ACTIVE' ? await this.store.listParts(upload.storageKey, upload.storageUploadId) : [];
    return this.describe(upload, received);
  }

  /** Receives one part through the API (filesystem store, or clients that cannot reach S3). */
  async receivePart(
    actor: Actor,
    id: string,
    partNumber: number,
    body: Readable,
    contentLength: number | undefined,
  ): Promise<{ partNumber: number; size: number }> {
    const upload = this.requireActive(await this.load(actor, id));
    const count = partCount(upload.sizeBytes, upload.partSize);
    if (partNumber > count)
      throw ValidationError.field('partNumber', 'PART_OUT_OF_RANGE', `this upload has ${count} part(s); ${partNumber} is out of range`, {
        count,
      });
    const expected = expectedPartSize(partNumber, upload.sizeBytes, upload.partSize);
    if (contentLength !== undefined && contentLength !== expected) {
      throw ValidationError.field(
        'body',
        'PART_SIZE_MISMATCH',
        `part ${partNumber} must be exactly ${expected} bytes, got ${contentLength}`,
        { expected, actual: contentLength },
      );
    }
    // Counted as it arrives: a chunked body announces no length, and must not fill a disk first.
    const exact = exactLength(body, expected);
    try {
      await this.store.uploadPart(upload.storageKey, upload.storageUploadId, partNumber, exact.stream, expected);
    } catch (failure) {
      throw exact.explain(failure);
    }
    return { partNumber, size: expected };
  }

  /**
   * Joins the parts, checks the size, sniffs the bytes and queues processing. A file that is not
   * an accepted video or photo is deleted with its asset, so nothing of it is left behind.
   */
  async complete(actor: Actor, id: string): Promise<{ assetId: string; kind: AssetKind }> {
    const upload = this.requireActive(await this.load(actor, id));
    const count = partCount(upload.sizeBytes, upload.partSize);
    const received = await this.store.listParts(upload.storageKey, upload.storageUploadId);
    const sizes = new Map(received.map((p) => [p.partNumber, p.size]));
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter(
      (n) => sizes.get(n) !== expectedPartSize(n, upload.sizeBytes, upload.partSize),
    );
    if (missing.length) {
      throw new ConflictError(
        'PARTS_MISSING',
        `Parts ${missing.join(', ')} of ${count} are missing or incomplete; send them, then complete again.`,
        {
          params: { parts: missing.join(', '), count },
        },
      );
    }
    await this.store.completeMultipart(upload.storageKey, upload.storageUploadId);

    const head = await this.readHead(upload.storageKey);
    const sniffed = await this.sniff(head);
    const content = upload.enterpriseId === null;
    if (content) await this.refuseBadDocument(actor, upload, sniffed.kind);
    // Evidence is a recording or a photo: a PDF is refused as it always was.
    if (sniffed.kind === 'OTHER' || (sniffed.kind === 'DOCUMENT' && !content)) {
      await this.discard(upload, 'ABORTED');
      await this.audit.record({
        actor,
        action: 'upload.rejected',
        entityType: 'media',
        entityId: upload.assetId,
        enterpriseId: upload.enterpriseId,
        outcome: 'FAILURE',
        details: { detected: sniffed.mime, fileName: upload.fileName },
      });
      const detected = sniffed.mime ?? 'text or an unknown format';
      throw new MediaRejectedError(
        'MEDIA_NOT_MEDIA',
        `"${upload.fileName}" is not a video, audio recording or photo (its bytes are ${detected}).`,
        { params: { fileName: upload.fileName } },
      );
    }
    // The asset must say UPLOADED before its job can start; the session's own status can follow.
    const [owner] = await Promise.all([
      this.media
        .markUploaded(upload.assetId, sniffed.kind, sniffed.mime ?? upload.contentType)
        .then(() => this.media.findAsset(upload.assetId)),
      this.media.setUploadStatus(upload.id, 'COMPLETED', this.now()),
    ]);
    // Photos (and documents, which take as little) have a queue (and so a worker slot) of their own:
    // they never wait behind a video encode.
    await this.jobs.send(
      sniffed.kind === 'VIDEO' ? 'media.process' : 'media.photo',
      { assetId: upload.assetId },
      { singletonKey: upload.assetId },
    );
    if (owner?.enterpriseId && owner.zoneId) {
      await this.events.publish({
        type: 'media.status',
        assetId: owner.id,
        meetingId: owner.meetingId,
        enterpriseId: owner.enterpriseId,
        zoneId: owner.zoneId,
        status: 'UPLOADED',
        progress: 0,
      });
    }
    await this.audit.record({
      actor,
      action: 'upload.complete',
      entityType: 'media',
      entityId: upload.assetId,
      enterpriseId: upload.enterpriseId,
      outcome: 'SUCCESS',
      details: { kind: sniffed.kind, mime: sniffed.mime },
    });
    return { assetId: upload.assetId, kind: sniffed.kind };
  }

  /**
   * Content sent as a PDF must be one (its declared type is not enough), and a PDF must fit the
   * document limit (its declared type may not have said PDF). Refused files are deleted like any other.
   */
  private async refuseBadDocument(actor: Actor, upload: UploadRecord, kind: Awaited<ReturnType<FileSniffer>>['kind']): Promise<void> {
    const declaredPdf = upload.contentType.toLowerCase() === 'application/pdf';
    const tooLarge = kind === 'DOCUMENT' && upload.sizeBytes > this.policy.maxDocumentBytes;
    if (!(declaredPdf && kind !== 'DOCUMENT') && !tooLarge) return;
    await this.discard(upload, 'ABORTED');
    await this.audit.record({
      actor,
      action: 'upload.rejected',
      entityType: 'media',
      entityId: upload.assetId,
      outcome: 'FAILURE',
      details: { detected: kind, fileName: upload.fileName, size: upload.sizeBytes },
    });
    if (tooLarge) {
      const params = { size: formatBytes(upload.sizeBytes), limit: formatBytes(this.policy.maxDocumentBytes) };
      throw new MediaRejectedError('MEDIA_DOCUMENT_TOO_LARGE', `The document is ${params.size}, over the ${params.limit} limit.`, {
        params,
      });
    }
    throw new MediaRejectedError('MEDIA_DOCUMENT_UNREADABLE', `"${upload.fileName}" was sent as a PDF but its bytes are not one.`, {
      params: {},
    });
  }

  async abort(actor: Actor, id: string): Promise<void> {
    const upload = this.requireActive(await this.load(actor, id));
    await this.discard(upload, 'ABORTED');
    await this.audit.record({
      actor,
      action: 'upload.abort',
      entityType: 'media',
      entityId: upload.assetId,
      enterpriseId: upload.enterpriseId,
      outcome: 'SUCCESS',
    });
  }

  /** Job: aborts uploads past their expiry, deleting their parts and assets. Returns how many. */
  async expireAbandoned(): Promise<number> {
    const expired = await this.media.listExpiredUploads(this.now(), 200);
    for (const upload of expired) await this.discard(upload, 'EXPIRED');
    return expired.length;
  }

  private async discard(upload: UploadRecord, status: 'ABORTED' | 'EXPIRED'): Promise<void> {
    await this.store.abortMultipart(upload.storageKey, upload.storageUploadId);
    await this.store.delete(upload.storageKey);
    await this.media.setUploadStatus(upload.id, status, this.now());
    await this.media.deleteAsset(upload.assetId);
  }

  private async readHead(key: string): Promise<Uint8Array> {
    const { body } = await this.store.get(key, { start: 0, end: SNIFF_BYTES - 1 });
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  private async load(actor: Actor, id: string): Promise<UploadRecord> {
    const upload = await this.media.findUpload(id);
    if (!upload) throw new NotFoundError('upload', id);
    if (upload.enterpriseId) {
      await this.access.assertCanManage(actor, upload.enterpriseId, { entityType: 'upload', entityId: id });
      return upload;
    }
    // Content (no enterprise): only the administrator who started it carries it on.
    if (actor.role !== 'ADMIN' || !actor.userId || upload.userId !== actor.userId) throw new NotFoundError('upload', id);
    return upload;
  }

  private requireActive(upload: UploadRecord): UploadRecord {
    if (upload.status !== 'ACTIVE') {
      throw new ConflictError('UPLOAD_NOT_ACTIVE', `This upload is ${upload.status.toLowerCase()}; start a new upload for the file.`, {
        params: { status: upload.status },
      });
    }
    if (upload.expiresAt <= this.now()) throw new ConflictError('UPLOAD_EXPIRED', 'This upload expired; start a new upload for the file.');
    return upload;
  }

  private async describe(upload: UploadRecord, received: { partNumber: number; size: number }[]): Promise<Upload> {
    const count = partCount(upload.sizeBytes, upload.partSize);
    const done = new Set(
      received.filter((p) => p.size === expectedPartSize(p.partNumber, upload.sizeBytes, upload.partSize)).map((p) => p.partNumber),
    );
    const parts = [];
    let direct = false;
    for (let n = 1; n <= count && upload.status === 'ACTIVE'; n++) {
      if (done.has(n)) continue;
      const presigned = await this.store.presignPart(upload.storageKey, upload.storageUploadId, n, this.policy.partUrlSeconds);
      direct = presigned !== null;
      parts.push({
        partNumber: n,
        url: presigned ?? `/api/uploads/${upload.id}/parts/${n}`,
        method: 'PUT' as const,
        size: expectedPartSize(n, upload.sizeBytes, upload.partSize),
      });
    }
    return {
      id: upload.id,
      assetId: upload.assetId,
      status: upload.status,
      fileName: upload.fileName,
      size: upload.sizeBytes,
      partSize: upload.partSize,
      partCount: count,
      expiresAt: upload.expiresAt.toISOString(),
      received: received.map((p) => ({ partNumber: p.partNumber, size: p.size })),
      parts,
      direct: direct || this.store.driver === 's3',
    };
  }
}
