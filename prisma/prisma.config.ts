import { defineConfig } from 'prisma/config';

// The CLI only needs a URL for commands that touch a database (production `migrate deploy`);
// `prisma generate` works without one.
export default defineConfig({
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/infer_lab' },
});
