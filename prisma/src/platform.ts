export { openPlatformDatabase, type PlatformDatabase, repoRoot } from './database.ts';
export { MigrationError, migrate, migrationsDir, readMigrations } from './migrate.ts';
export { type RunningPostgres, startPostgres } from './postgres.ts';
