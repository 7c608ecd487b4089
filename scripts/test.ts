// `npm test`: every *.test.ts of every workspace in one Node test run, so one summary counts them all.
// Starts one PostgreSQL server for the integration tests (each test file makes its own database on it).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { startPostgres } from '@infer-lab/db/testing';
import { buildWebIfStale } from './platform.ts';

const root = new URL('..', import.meta.url).pathname;
const roots = ['apps', 'packages', 'prisma', 'scripts'];
const skip = new Set(['node_modules', '.next', 'generated', 'dist', '.turbo']);

function findTests(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (skip.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) findTests(path, out);
    else if (name.endsWith('.test.ts') || name.endsWith('.test.tsx')) out.push(relative(root, path));
  }
  return out;
}

const filters = process.argv.slice(2);
const files = roots
  .flatMap((r) => findTests(join(root, r)))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error(`No test files match ${filters.join(' ')}`);
  process.exit(1);
}

// End-to-end tests drive the production build of the web app.
if (files.some((f) => f.includes('/e2e/'))) buildWebIfStale();

const postgres = await startPostgres();
const result = spawnSync(
  process.execPath,
  ['--no-node-snapshot', '--import', 'tsx', '--test', '--test-concurrency=2', ...files],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TEST_POSTGRES_ADMIN_URL: postgres.adminUrl },
  },
);
await postgres.stop();
process.exit(result.status ?? 1);
