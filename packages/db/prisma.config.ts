import { defineConfig } from 'prisma/config';

// Used only by the Prisma CLI (generate; `migrate deploy` on machines that can download the
// schema engine). The platform itself reads DATABASE_URL through apps/*/src/config.ts.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/postgres' },
});
