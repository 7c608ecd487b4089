import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { migrate, migrationsDir, readMigrations } from '../src/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';

let db: TestDatabase;
before(async () => {
  db = await createTestDatabase({ migrate: false });
});
after(() => db.drop());

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

test('applies every migration once and records it as Prisma does', async () => {
  const names = readMigrations().map((m) => m.name);
  assert.deepEqual(await migrate(db.url), names);
  assert.deepEqual(await migrate(db.url), [], 'a second run applies nothing');
  const rows = await query<{ migration_name: string; applied_steps_count: number; finished_at: Date | null }>(
    'SELECT migration_name, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
  );
  assert.deepEqual(
    rows.map((r) => [r.migration_name, r.applied_steps_count, r.finished_at !== null]),
    names.map((n) => [n, 1, true]),
  );
});

test('two runners at once apply each migration exactly once', async () => {
  const other = await createTestDatabase({ migrate: false });
  try {
    const [a, b] = await Promise.all([migrate(other.url), migrate(other.url)]);
    assert.equal(a.length + b.length, readMigrations().length);
  } finally {
    await other.drop();
  }
});

test('a failing migration is rolled back whole and named in the error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
  cpSync(migrationsDir, dir, { recursive: true });
  mkdirSync(join(dir, '99990101000000_broken'));
  writeFileSync(
    join(dir, '99990101000000_broken', 'migration.sql'),
    'CREATE TABLE "Half" (id int);\nALTER TABLE "NoSuchTable" ADD COLUMN x int;\n',
  );
  await assert.rejects(migrate(db.url, dir), /99990101000000_broken failed and was rolled back.*NoSuchTable/);
  const half = await query("SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'");
  assert.equal(half.length, 0, 'the first statement of the failed migration was rolled back');
});

test('an applied migration that was edited is refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
  cpSync(migrationsDir, dir, { recursive: true });
  const first = readMigrations(dir)[0]!;
  appendFileSync(join(dir, first.name, 'migration.sql'), '\n-- edited\n');
  await assert.rejects(migrate(db.url, dir), /was edited after it was applied/);
});
