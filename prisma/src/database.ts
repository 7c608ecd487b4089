// Where the platform's database comes from: DATABASE_URL, or an embedded server whose data lives in
// the git-ignored .data/postgres folder and survives restarts.
import { join } from 'node:path';
import pg from 'pg';
import { migrate } from './migrate.ts';
import { type RunningPostgres, startPostgres } from './postgres.ts';

export const repoRoot = new URL('../..', import.meta.url).pathname;

export interface PlatformDatabase {
  url: string;
  embedded?: RunningPostgres;
  /** Migrations applied by this start (empty when the schema was current). */
  applied: string[];
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

export async function openPlatformDatabase(options: { log?: (line: string) => void; port?: number } = {}) {
  const external = process.env.DATABASE_URL;
  let result: PlatformDatabase;
  if (external) {
    result = { url: external, applied: [] };
  } else {
    const embedded = await startPostgres({
      dataDir: join(repoRoot, '.data', 'postgres'),
      port: options.port ?? Number(process.env.PGPORT ?? 54329),
      log: options.log,
    });
    await ensureDatabase(embedded.adminUrl, 'infer_lab');
    result = { url: embedded.urlFor('infer_lab'), embedded, applied: [] };
  }
  result.applied = await migrate(result.url);
  return result;
}
