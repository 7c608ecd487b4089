// Real PostgreSQL for tests: one server per `npm test` run (TEST_POSTGRES_ADMIN_URL), one fresh,
// migrated database per test file.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createPrisma, type PrismaClient } from './client.ts';
import { migrate } from './migrate.ts';
import { type RunningPostgres, startPostgres as startServer } from './postgres.ts';

/** A throwaway server whose data folder is deleted on stop. */
export function startPostgres(): Promise<RunningPostgres> {
  const parent = mkdtempSync(join(tmpdir(), 'infer-lab-test-'));
  chmodSync(parent, 0o755); // the postgres user must pass through it when tests run as root
  return startServer({ dataDir: join(parent, 'pg'), ephemeral: true });
}

export interface TestDatabase {
  url: string;
  prisma: PrismaClient;
  /** Closes the client and drops the database (and the server, if this file started one). */
  drop(): Promise<void>;
}

function withDatabase(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  let server: RunningPostgres | undefined;
  let adminUrl = process.env.TEST_POSTGRES_ADMIN_URL;
  if (!adminUrl) {
    server = await startPostgres();
    adminUrl = server.adminUrl;
  }
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  if (options.migrate !== false) await migrate(url);
  const prisma = createPrisma(url, { poolSize: 5 });
  return {
    url,
    prisma,
    async drop() {
      await prisma.$disconnect();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
      await server?.stop();
    },
  };
}
