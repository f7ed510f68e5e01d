import {
  RESOURCE_MEDIA_KINDS,
  type LibraryQuery,
  type LibraryResource,
  type LibraryResourceInput,
  type LibraryResourcePatch,
  type LibraryResourceSummary,
  type LibraryShowcase,
  type Media,
  type MeetingSummary,
  type Page,
  type ResourceKind,
} from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import { requireRole } from '../access/scope.ts';
import type { AuditRepository } from '../audit/audit.port.ts';
import { changedFields } from '../audit/changed-fields.ts';
import { mayViewShowcase } from '../compliance/showcase.service.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors/index.ts';
import type { LibraryFields, LibraryRecord, LibraryRepository } from './library.port.ts';

/** Reads a file with links signed for the caller (MediaService). */
export interface LibraryMediaReader {
  get(actor: Actor, id: string): Promise<Media>;
}

/** Lists best-practice meetings (ShowcaseService, whose roles rule who sees them). */
export interface ShowcaseLister {
  list(actor: Actor, query: { page: number; pageSize: number }): Promise<Page<MeetingSummary>>;
}

// Words looked for at once; a longer query is a sentence, not a search.
const MAX_WORDS = 6;
const VIEWABLE = new Set(['PLAYABLE', 'READY']);

/**
 * 宣教资源电子库: posters, guidance videos, documents and campaign material for everyone logged
 * in, and 优秀班前会 for those who may watch best-practice meetings. Only the system administrator
 * writes, and only he sees drafts; files are his content uploads, never a meeting's evidence.
 */
export class LibraryService {
  constructor(
    private readonly library: LibraryRepository,
    private readonly media: LibraryMediaReader,
    private readonly showcase: ShowcaseLister,
    private readonly audit: AuditRepository,
  ) {}

  async list(actor: Actor, query: LibraryQuery): Promise<Page<LibraryResourceSummary>> {
    const admin = actor.role === 'ADMIN';
    const words = (query.q ?? '').split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);
    const published = admin ? (query.published === undefined ? undefined : query.published === 'true') : true;
    const { page, pageSize } = query;
    const found = await this.library.list({ words, kind: query.kind, campaign: query.campaign, tag: query.tag, published, page, pageSize });
    const items = await Promise.all(found.items.map((record) => this.summaryOf(actor, record)));
    return { items, total: found.total, page, pageSize };
  }

  async get(actor: Actor, id: string): Promise<LibraryResource> {
    return this.viewOf(actor, await this.visible(actor, id));
  }

  /** The newest best-practice meetings, or `available: false` for roles that may not watch them. */
  async showcaseOf(actor: Actor, query: { pageSize: number }): Promise<LibraryShowcase> {
    if (!mayViewShowcase(actor)) return { available: false, items: [], total: 0 };
    const page = await this.showcase.list(actor, { page: 1, pageSize: query.pageSize });
    return { available: true, items: page.items, total: page.total };
  }

  async create(actor: Actor, input: LibraryResourceInput): Promise<LibraryResource> {
    requireRole(actor, 'ADMIN');
    const fields: LibraryFields = {
      title: input.title,
      description: input.description,
      kind: input.kind,
      campaign: input.campaign,
      tags: dedupe(input.tags),
      mediaAssetId: input.mediaId,
      published: input.published,
    };
    const status = await this.checkMedia(fields.kind, input.mediaId);
    if (fields.published) assertViewable(status);
    const record = await this.library.create(fields);
    await this.audit.record({
      actor,
      action: 'library.create',
      entityType: 'libraryResource',
      entityId: record.id,
      entityLabel: record.title,
      outcome: 'SUCCESS',
      details: { kind: record.kind, campaign: record.campaign, mediaId: record.mediaAssetId, published: record.published },
    });
    return this.viewOf(actor, record);
  }

  async update(actor: Actor, id: string, patch: LibraryResourcePatch): Promise<LibraryResource> {
    requireRole(actor, 'ADMIN');
    const existing = await this.library.findById(id);
    if (!existing) throw new NotFoundError('libraryResource', id);
    const { mediaId, ...rest } = patch;
    const fields: Partial<LibraryFields> = { ...rest, ...(rest.tags ? { tags: dedupe(rest.tags) } : {}) };
    if (mediaId !== undefined) fields.mediaAssetId = mediaId;
    const kind = fields.kind ?? existing.kind;
    const mediaAssetId = fields.mediaAssetId ?? existing.mediaAssetId;
    // A new file, or a new kind the old file must still fit.
    if (mediaAssetId && (mediaId !== undefined || fields.kind !== undefined)) {
      const status = await this.checkMedia(kind, mediaAssetId);
      // What is published must stay viewable: a replacement still processing waits for a draft.
      if (existing.published && mediaId !== undefined) assertViewable(status);
    }
    const changes = changedFields(existing, fields);
    const record = Object.keys(changes).length ? await this.library.update(id, fields) : existing;
    if (Object.keys(changes).length) {
      await this.audit.record({
        actor,
        action: 'library.update',
        entityType: 'libraryResource',
        entityId: id,
        entityLabel: record.title,
        outcome: 'SUCCESS',
        changes,
      });
    }
    return this.viewOf(actor, record);
  }

  /** Shows the entry to everyone (`true`) or withdraws it to a draft. Its file must be viewable to publish. */
  async setPublished(actor: Actor, id: string, published: boolean): Promise<LibraryResource> {
    requireRole(actor, 'ADMIN');
    const existing = await this.library.findById(id);
    if (!existing) throw new NotFoundError('libraryResource', id);
    if (existing.published === published) return this.viewOf(actor, existing);
    if (published) {
      const media = existing.mediaAssetId ? await this.library.findMedia(existing.mediaAssetId) : null;
      assertViewable(media?.status ?? null);
    }
    const record = await this.library.update(id, { published });
    await this.audit.record({
      actor,
      action: published ? 'library.publish' : 'library.unpublish',
      entityType: 'libraryResource',
      entityId: id,
      entityLabel: record.title,
      outcome: 'SUCCESS',
    });
    return this.viewOf(actor, record);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    requireRole(actor, 'ADMIN');
    const existing = await this.library.findById(id);
    if (!existing || !(await this.library.delete(id))) throw new NotFoundError('libraryResource', id);
    await this.audit.record({
      actor,
      action: 'library.delete',
      entityType: 'libraryResource',
      entityId: id,
      entityLabel: existing.title,
      outcome: 'SUCCESS',
      details: { kind: existing.kind, mediaId: existing.mediaAssetId, published: existing.published },
    });
  }

  /** A draft is nobody's business but the administrator's: not found, never "forbidden". */
  private async visible(actor: Actor, id: string): Promise<LibraryRecord> {
    const record = await this.library.findById(id);
    if (!record || (!record.published && actor.role !== 'ADMIN')) throw new NotFoundError('libraryResource', id);
    return record;
  }

  /**
   * The file of an entry of `kind`: a content upload (never a meeting's evidence) of a kind the
   * entry holds, whose processing has not failed. Returns its status.
   */
  private async checkMedia(kind: ResourceKind, mediaId: string): Promise<string> {
    const media = await this.library.findMedia(mediaId);
    if (!media)
      throw ValidationError.field('mediaId', 'REFERENCE_NOT_FOUND', 'no such file; upload it first (purpose content)', {
        entity: 'media',
      });
    if (!media.content)
      throw ValidationError.field('mediaId', 'LIBRARY_MEDIA_NOT_CONTENT', "a meeting's evidence cannot go into the library");
    const allowed = RESOURCE_MEDIA_KINDS[kind];
    if (!(allowed as readonly string[]).includes(media.kind))
      throw ValidationError.field('mediaId', 'LIBRARY_MEDIA_KIND', `a ${kind} entry holds a ${allowed.join(' or ')} file`, {
        expected: allowed[0]!,
      });
    if (media.status === 'FAILED') throw ValidationError.field('mediaId', 'LIBRARY_MEDIA_FAILED', 'the file failed processing');
    return media.status;
  }

  private async viewOf(actor: Actor, record: LibraryRecord): Promise<LibraryResource> {
    const { mediaAssetId: _m, ...fields } = record;
    return {
      ...fields,
      media: record.mediaAssetId ? await this.media.get(actor, record.mediaAssetId) : null,
      createdAt: record.createdAt.toISOString(),
      updatedAt: record.updatedAt.toISOString(),
    };
  }

  private async summaryOf(actor: Actor, record: LibraryRecord): Promise<LibraryResourceSummary> {
    const media = record.mediaAssetId ? await this.media.get(actor, record.mediaAssetId) : null;
    return {
      id: record.id,
      title: record.title,
      description: record.description,
      kind: record.kind,
      campaign: record.campaign,
      tags: record.tags,
      published: record.published,
      media: media && {
        id: media.id,
        kind: media.kind,
        status: media.status,
        durationSeconds: media.durationSeconds,
        thumbnailUrl: media.thumbnailUrl ?? media.posterUrl,
      },
      updatedAt: record.updatedAt.toISOString(),
    };
  }
}

function assertViewable(status: string | null): void {
  if (status === null || !VIEWABLE.has(status))
    throw new ConflictError('LIBRARY_MEDIA_NOT_READY', 'The file is still uploading or being processed; publish it once it is ready.');
}

function dedupe(tags: string[]): string[] {
  return [...new Set(tags)];
}
