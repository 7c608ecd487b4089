// The queue end to end in one process: enqueue (one transaction), a worker grading, results and the
// best score, idempotent duplicates, visible runs, /healthz and /metrics.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  enqueueSubmission,
  GRADE_QUEUE,
  GradingInputError,
  openGradingQueue,
  type PgBoss,
  runVisibleTests,
  sendGradeJob,
} from '@infer-lab/db/grading';
import { createTestDatabase, type TestDatabase } from '@infer-lab/db/testing';
import { findCodeBlank, referenceSolutions } from '@infer-lab/quiz';
import { type GraderWorker, startWorker } from '../src/worker.ts';
import { ASSIGNMENT, seedStudents, waitFor, waitForStatus } from './fixtures.ts';

let db: TestDatabase;
let boss: PgBoss;
let worker: GraderWorker;
let students: { alice: string; bob: string };

before(async () => {
  db = await createTestDatabase();
  students = await seedStudents(db.prisma);
  boss = await openGradingQueue(db.url);
  worker = await startWorker({ databaseUrl: db.url, port: 0, pollingIntervalSeconds: 0.5, log: () => {} });
});

after(async () => {
  await worker?.stop();
  await boss?.stop({ graceful: false, wait: true });
  await db?.drop();
});

const residual = findCodeBlank('spec-residual')!;
const submit = (userId: string, code: string, blankId = 'spec-residual') =>
  enqueueSubmission(db.prisma, boss, { userId, assignmentId: ASSIGNMENT, blankId, code, maxScore: 1 });

test('a correct submission is graded with every test passed and becomes the best score', async () => {
  const { submissionId } = await submit(students.alice, referenceSolutions['spec-residual']!);
  const row = await waitForStatus(db.prisma, submissionId, 'GRADED');
  assert.equal(row.score, 1);
  assert.equal(row.attempts, 1);
  const results = row.results as { id: string; passed: boolean; hidden: boolean }[];
  assert.deepEqual(
    results.map((r) => r.id),
    residual.tests.map((t) => t.id),
  );
  assert.ok(results.every((r) => r.passed));
  const best = await db.prisma.codeBestScore.findUnique({
    where: {
      userId_assignmentId_blankId: {
        userId: students.alice,
        assignmentId: ASSIGNMENT,
        blankId: 'spec-residual',
      },
    },
  });
  assert.equal(best?.submissionId, submissionId);
  assert.equal(best?.score, 1);
});

test('a wrong residual (|p − q|) fails the lossless test and never lowers the best score', async () => {
  const wrong = `
  const diff = p.map((x, i) => Math.abs(x - q[i]!));
  const total = diff.reduce((a, b) => a + b, 0);
  return total > 0 ? diff.map((d) => d / total) : p.map((_, i) => (i === argmax(p) ? 1 : 0));`;
  const { submissionId } = await submit(students.alice, wrong);
  const row = await waitForStatus(db.prisma, submissionId, 'GRADED');
  const results = row.results as { id: string; passed: boolean; message: string }[];
  const lossless = results.find((r) => r.id === 'lossless')!;
  assert.equal(lossless.passed, false);
  assert.match(lossless.message, /Not lossless/);
  assert.ok(row.score! < 1);
  const best = await db.prisma.codeBestScore.findFirst({
    where: { userId: students.alice, blankId: 'spec-residual' },
  });
  assert.equal(best?.score, 1, 'the earlier full score stays the best');
});

test('a duplicated job for the same submission records one result', async () => {
  const { submissionId } = await submit(students.bob, referenceSolutions['spec-residual']!);
  await db.prisma.$transaction((tx) => sendGradeJob(boss, submissionId, tx, { regrade: true }));
  await waitForStatus(db.prisma, submissionId, 'GRADED');
  await waitFor(
    'both jobs to finish',
    async () => (await boss.getQueueSize(GRADE_QUEUE)) === 0 && worker.metrics.outcomes.get('already_graded'),
  );
  const row = await db.prisma.codeSubmission.findUniqueOrThrow({ where: { id: submissionId } });
  assert.equal(row.attempts, 1, 'the second job found it graded and wrote nothing');
  assert.equal(await db.prisma.codeBestScore.count({ where: { userId: students.bob } }), 1);
});

test('enqueueing is one transaction: a rolled-back submission leaves no job, a quiz assignment is refused', async () => {
  const jobsBefore = await boss.getQueueSize(GRADE_QUEUE);
  await assert.rejects(
    db.prisma.$transaction(async (tx) => {
      const row = await tx.codeSubmission.create({
        data: {
          userId: students.bob,
          assignmentId: ASSIGNMENT,
          blankId: 'spec-residual',
          code: 'x',
          maxScore: 1,
        },
      });
      await sendGradeJob(boss, row.id, tx);
      throw new Error('roll back');
    }),
    /roll back/,
  );
  assert.equal(await boss.getQueueSize(GRADE_QUEUE), jobsBefore);
  await db.prisma.assignment.create({
    data: {
      id: 'quiz',
      courseId: 'ml-2026-spring',
      titleZh: 'q',
      titleEn: 'q',
      dueAt: new Date(),
      releaseAt: new Date(),
    },
  });
  await assert.rejects(
    enqueueSubmission(db.prisma, boss, {
      userId: students.bob,
      assignmentId: 'quiz',
      blankId: 'spec-residual',
      code: 'x',
      maxScore: 1,
    }),
    GradingInputError,
  );
});

test('Run visible tests answers with the visible tests only, in the asked language', async () => {
  const answer = await runVisibleTests(boss, {
    blankId: 'ngram-lookup',
    code: 'console.log("ctx", context.length); return [];',
    locale: 'zh-TW',
  });
  assert.ok(answer.ok);
  const visible = findCodeBlank('ngram-lookup')!.tests.filter((t) => !t.hidden);
  assert.deepEqual(
    answer.results.map((r) => r.id),
    visible.map((t) => t.id),
  );
  assert.equal(answer.results[0]!.name, visible[0]!.title['zh-TW']);
  assert.deepEqual(
    answer.results.map((r) => r.passed),
    [false, true],
  );
  assert.match(answer.console, /ctx 6/);
  const broken = await runVisibleTests(boss, { blankId: 'ngram-lookup', code: 'return [' });
  assert.ok(broken.ok && broken.results.every((r) => !r.passed && /does not compile/.test(r.message)));
});

test('/healthz and /metrics answer on the worker port', async () => {
  const health = await fetch(`http://127.0.0.1:${worker.port}/healthz`);
  assert.equal(health.status, 200);
  const metrics = await (await fetch(`http://127.0.0.1:${worker.port}/metrics`)).text();
  assert.match(metrics, /grader_jobs_total\{outcome="graded"\} \d+/);
  assert.match(metrics, /grader_job_duration_seconds_count \d+/);
  assert.match(metrics, /grader_queue_depth\{queue="code-grade"\} 0/);
});
