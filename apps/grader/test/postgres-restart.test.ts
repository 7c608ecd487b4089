// Restarting PostgreSQL under a running worker process: it reconnects by itself and carries on.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createPrisma, type PrismaClient } from '@infer-lab/db';
import { enqueueSubmission, openGradingQueue, type PgBoss } from '@infer-lab/db/grading';
import { migrate, type RunningPostgres, startPostgres } from '@infer-lab/db/platform';
import { referenceSolutions } from '@infer-lab/quiz';
import pg from 'pg';
import {
  ASSIGNMENT,
  seedStudents,
  spawnWorker,
  type WorkerProcess,
  waitFor,
  waitForStatus,
} from './fixtures.ts';

const parent = mkdtempSync(join(tmpdir(), 'grader-pg-restart-'));
const dataDir = join(parent, 'pg');
let server: RunningPostgres | undefined;
let worker: WorkerProcess | undefined;
let prisma: PrismaClient | undefined;
let boss: PgBoss | undefined;

after(async () => {
  await worker?.kill('SIGKILL');
  await boss?.stop({ graceful: false, wait: true }).catch(() => {});
  await prisma?.$disconnect();
  await server?.stop();
  rmSync(parent, { recursive: true, force: true });
});

test('a worker survives a PostgreSQL restart and grades what is submitted afterwards', async () => {
  server = await startPostgres({ dataDir, log: () => {} });
  const port = Number(new URL(server.adminUrl).port);
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE grader_restart');
  await admin.end();
  const url = server.urlFor('grader_restart');
  await migrate(url);
  prisma = createPrisma(url, { poolSize: 2 });
  const { alice } = await seedStudents(prisma);
  boss = await openGradingQueue(url, { onError: () => {} });
  worker = await spawnWorker(url);
  const submit = () =>
    enqueueSubmission(prisma!, boss!, {
      userId: alice,
      assignmentId: ASSIGNMENT,
      blankId: 'prefix-block-hash',
      code: referenceSolutions['prefix-block-hash']!,
      maxScore: 1,
    });

  const before = await submit();
  await waitForStatus(prisma, before.submissionId, 'GRADED');

  await server.stop();
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  server = await startPostgres({ dataDir, port, log: () => {} });
  assert.equal(Number(new URL(server.adminUrl).port), port, 'restarted on the same port');
  assert.equal(worker.child.exitCode, null, 'the worker process stayed up');

  const afterRestart = await waitFor('the database to accept submissions again', () => submit(), 30_000);
  const row = await waitForStatus(prisma, afterRestart.submissionId, 'GRADED', 60_000);
  assert.equal(row.score, 1);
  assert.equal(worker.child.exitCode, null);
  assert.match(worker.output(), /queue error|grader: ready/);
});
