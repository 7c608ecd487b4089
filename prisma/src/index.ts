export { Prisma } from '../generated/client.ts';
export * from '../generated/enums.ts';
export { createPrisma, type PrismaClient } from './client.ts';
export { openPlatformDatabase, type PlatformDatabase, repoRoot } from './database.ts';
export { MigrationError, migrate, readMigrations } from './migrate.ts';
export { type RunningPostgres, startPostgres } from './postgres.ts';
