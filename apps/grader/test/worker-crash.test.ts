// Real worker processes: a worker killed with SIGKILL mid-job (the job expires, is retried, and one
// result is recorded), and a failing grader (SYSTEM_ERROR, no credit lost, regraded later).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { enqueueSubmission, openGradingQueue, type PgBoss } from '@infer-lab/db/grading';
import { createTestDatabase, type TestDatabase } from '@infer-lab/db/testing';
import { referenceSolutions } from '@infer-lab/quiz';
import { ASSIGNMENT, seedStudents, spawnWorker, type WorkerProcess, waitForStatus } from './fixtures.ts';

let db: TestDatabase;
let boss: PgBoss;
let students: { alice: string; bob: string };
const workers: WorkerProcess[] = [];

before(async () => {
  db = await createTestDatabase();
  students = await seedStudents(db.prisma);
  // Short expiry so a dead worker's job comes back within seconds; one retry.
  boss = await openGradingQueue(db.url, {
    queue: { expireInSeconds: 3, retryLimit: 1, retryDelaySeconds: 0 },
  });
});

after(async () => {
  for (const w of workers) await w.kill('SIGKILL');
  await boss?.stop({ graceful: false, wait: true });
  await db?.drop();
});

const start = async (env?: Record<string, string>) => {
  const worker = await spawnWorker(db.url, env);
  workers.push(worker);
  return worker;
};

test('SIGKILL mid-job: the job is retried by another worker and exactly one result is recorded', async () => {
  const first = await start();
  const { submissionId } = await enqueueSubmission(db.prisma, boss, {
    userId: students.alice,
    assignmentId: ASSIGNMENT,
    blankId: 'flash-online-softmax',
    code: referenceSolutions['flash-online-softmax']!,
    maxScore: 1,
  });
  // The first grading of a fresh worker loads the models (seconds): kill it while RUNNING.
  await waitForStatus(db.prisma, submissionId, 'RUNNING');
  await first.kill('SIGKILL');
  await start();
  const row = await waitForStatus(db.prisma, submissionId, 'GRADED', 60_000);
  assert.equal(row.attempts, 2, 'graded by the second worker after the first died');
  assert.equal(row.score, 1);
  const best = await db.prisma.codeBestScore.findMany({ where: { userId: students.alice } });
  assert.equal(best.length, 1);
  assert.equal(best[0]!.submissionId, submissionId);
});

test('a failing grader marks SYSTEM_ERROR without costing credit, and the submission is regraded', async () => {
  for (const w of workers) await w.kill('SIGTERM');
  const broken = await start({
    GRADER_KJV_TARGET: '/nonexistent/kjv-target',
    GRADER_REGRADE_EVERY_SECONDS: '3600',
  });
  const { submissionId } = await enqueueSubmission(db.prisma, boss, {
    userId: students.bob,
    assignmentId: ASSIGNMENT,
    blankId: 'spec-residual',
    code: referenceSolutions['spec-residual']!,
    maxScore: 1,
  });
  const failed = await waitForStatus(db.prisma, submissionId, 'SYSTEM_ERROR');
  assert.match(failed.error ?? '', /model folder \/nonexistent\/kjv-target is missing/);
  assert.equal(failed.score, null);
  assert.equal(await db.prisma.codeBestScore.count({ where: { userId: students.bob } }), 0);
  // Let its retry fail too, then replace it with a healthy worker that sweeps at once.
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  await broken.kill('SIGTERM');
  await start({ GRADER_REGRADE_EVERY_SECONDS: '1', GRADER_REGRADE_AFTER_SECONDS: '0' });
  const graded = await waitForStatus(db.prisma, submissionId, 'GRADED', 60_000);
  assert.equal(graded.score, 1);
  assert.equal(graded.error, null);
  const best = await db.prisma.codeBestScore.findFirst({ where: { userId: students.bob } });
  assert.equal(best?.score, 1);
});
