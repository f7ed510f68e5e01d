#!/bin/sh
# Stand-in for Prisma's native schema-engine binary, which cannot be downloaded on these machines.
# `prisma generate` only checks that PRISMA_SCHEMA_ENGINE_BINARY points to an existing file and never
# runs it; anything that does run it (migrate dev/deploy, db push) gets this message instead.
echo "schema-engine stub: the native Prisma schema engine is not installed here." >&2
echo "Create migrations with: npm run db:migration -- <name> (packages/db/scripts/create-migration.ts)" >&2
exit 1
