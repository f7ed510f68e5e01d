import type { Campaign, ResourceKind } from '@platform/contracts';
import type { LibraryFields, LibraryFilter, LibraryRecord, LibraryRepository } from '@platform/core';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';

interface LibraryRow {
  id: string;
  title: string;
  description: string;
  kind: string;
  campaign: string | null;
  tags: string[];
  mediaAssetId: string | null;
  published: boolean;
  createdAt: Date;
  updatedAt: Date;
}

function toRecord(row: LibraryRow): LibraryRecord {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    kind: row.kind as ResourceKind,
    campaign: row.campaign as Campaign | null,
    tags: row.tags,
    mediaAssetId: row.mediaAssetId,
    published: row.published,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** `word` as a LIKE pattern matching it anywhere, its own % and _ taken literally. */
const containing = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The conditions of a list: each word somewhere in the title, description or a tag (part of a tag counts). */
function whereOf(filter: LibraryFilter): Prisma.Sql {
  const conditions: Prisma.Sql[] = filter.words.map((word) => {
    const pattern = containing(word);
    return Prisma.sql`("title" ILIKE ${pattern} OR "description" ILIKE ${pattern}
      OR EXISTS (SELECT 1 FROM unnest("tags") AS tag WHERE tag ILIKE ${pattern}))`;
  });
  if (filter.kind) conditions.push(Prisma.sql`"kind" = ${filter.kind}::"ResourceKind"`);
  if (filter.campaign) conditions.push(Prisma.sql`"campaign" = ${filter.campaign}`);
  if (filter.tag) conditions.push(Prisma.sql`${filter.tag} = ANY("tags")`);
  if (filter.published !== undefined) conditions.push(Prisma.sql`"published" = ${filter.published}`);
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
}

/** Entries of the 宣教资源电子库, and the facts of the files they may point at. */
export function createLibraryRepository(prisma: PrismaClient): LibraryRepository {
  return {
    async list(filter) {
      const where = whereOf(filter);
      // Substring search over a few hundred or thousand entries: a scan is cheap, and no index
      // would serve "part of a tag" anyway.
      const [rows, counted] = await Promise.all([
        prisma.$queryRaw<LibraryRow[]>`
          SELECT "id", "title", "description", "kind"::text AS "kind", "campaign", "tags", "mediaAssetId", "published", "createdAt", "updatedAt"
          FROM "library_resource" ${where}
          ORDER BY "createdAt" DESC, "id" DESC
          LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`,
        prisma.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS "total" FROM "library_resource" ${where}`,
      ]);
      return { items: rows.map(toRecord), total: counted[0]?.total ?? 0 };
    },

    async findById(id) {
      const row = await prisma.libraryResource.findUnique({ where: { id } });
      return row ? toRecord(row) : null;
    },

    async create(fields: LibraryFields) {
      return toRecord(await prisma.libraryResource.create({ data: fields }));
    },

    async update(id, fields) {
      return toRecord(await prisma.libraryResource.update({ where: { id }, data: fields }));
    },

    async delete(id) {
      const { count } = await prisma.libraryResource.deleteMany({ where: { id } });
      return count > 0;
    },

    async findMedia(id) {
      const row = await prisma.mediaAsset.findUnique({
        where: { id },
        select: { id: true, kind: true, status: true, enterpriseId: true, meetingId: true },
      });
      return row && { id: row.id, kind: row.kind, status: row.status, content: row.enterpriseId === null && row.meetingId === null };
    },
  };
}
