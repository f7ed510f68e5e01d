import type { Campaign, ResourceKind } from '@platform/contracts';
import type { AssetKind } from '../media/media.port.ts';

/** One entry of the 宣教资源电子库 as stored. */
export interface LibraryRecord {
  id: string;
  title: string;
  description: string;
  kind: ResourceKind;
  campaign: Campaign | null;
  tags: string[];
  mediaAssetId: string | null;
  published: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** The fields an administrator writes. */
export type LibraryFields = Pick<LibraryRecord, 'title' | 'description' | 'kind' | 'campaign' | 'tags' | 'mediaAssetId' | 'published'>;

/** What a list asks for; `words` must each be found in the title, the description or a tag. */
export interface LibraryFilter {
  words: string[];
  kind?: ResourceKind;
  campaign?: Campaign;
  tag?: string;
  /** Undefined: drafts and published entries alike. */
  published?: boolean;
  page: number;
  pageSize: number;
}

/** A file an entry may point at, as far as the library's rules need to know it. */
export interface LibraryMediaFacts {
  id: string;
  kind: AssetKind;
  status: string;
  /** Training and library material (no enterprise, no meeting), as opposed to a meeting's evidence. */
  content: boolean;
}

/** Persistence of library entries. */
export interface LibraryRepository {
  list(filter: LibraryFilter): Promise<{ items: LibraryRecord[]; total: number }>;
  findById(id: string): Promise<LibraryRecord | null>;
  create(fields: LibraryFields): Promise<LibraryRecord>;
  update(id: string, fields: Partial<LibraryFields>): Promise<LibraryRecord>;
  /** False when there was no such entry. */
  delete(id: string): Promise<boolean>;
  findMedia(id: string): Promise<LibraryMediaFacts | null>;
}
