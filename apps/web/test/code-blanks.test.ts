// Code blanks end to end on the server: a real grader worker (isolated-vm sandbox, the real engine)
// takes the queued job from PostgreSQL; the student sees queued → graded and the best score.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { referenceSolutions } from '@infer-lab/quiz';
import { type GraderWorker, startWorker } from '../../grader/src/worker.ts';
import { CODE_ID } from '../src/server/lib/seed.ts';
import { failure, startTestPlatform, type TestBrowser, type TestPlatform } from './platform.ts';

let platform: TestPlatform;
let worker: GraderWorker;
let student: TestBrowser;
before(async () => {
  platform = await startTestPlatform();
  worker = await startWorker({ databaseUrl: platform.db.url, pollingIntervalSeconds: 0.5, log: () => {} });
  student = await platform.browser({ email: 'student@demo.local' });
});
after(async () => {
  await worker?.stop();
  await platform.close();
});

async function waitForGrade(submissionId: string) {
  for (let i = 0; i < 240; i++) {
    const s = await student.trpc.student.code.submission.query({ submissionId });
    if (s.status === 'GRADED' || s.status === 'SYSTEM_ERROR') return s;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('not graded within 60 s');
}

test('the student lists the five blanks and opens one with its template and tests by name', async () => {
  const list = await student.trpc.student.code.list.query({ assignmentId: CODE_ID });
  assert.equal(list.blanks.length, 5);
  const blank = await student.trpc.student.code.get.query({
    assignmentId: CODE_ID,
    blankId: 'spec-residual',
  });
  assert.match(blank.blank.template, /TODO: BEGIN/);
  assert.ok(blank.blank.tests.some((t) => t.hidden));
  assert.doesNotMatch(
    JSON.stringify(blank),
    /Math\.max\(0, p\[i\]! - q\[i\]!\)/,
    'no reference solution leaks',
  );
});

test('the reference residual is queued, graded with full marks, and becomes the best score', async () => {
  const { submissionId } = await student.trpc.student.code.submit.mutate({
    assignmentId: CODE_ID,
    blankId: 'spec-residual',
    code: referenceSolutions['spec-residual']!,
  });
  const first = await student.trpc.student.code.submission.query({ submissionId });
  assert.ok(['QUEUED', 'RUNNING', 'GRADED'].includes(first.status));
  const graded = await waitForGrade(submissionId);
  assert.equal(graded.status, 'GRADED');
  assert.equal(graded.score, graded.maxScore);
  const hidden = graded.results!.filter((r) => r.hidden);
  assert.ok(
    hidden.length > 0 && hidden.every((r) => /after grades are released/.test(r.message)),
    'hidden test messages withheld',
  );
  const list = await student.trpc.student.code.list.query({ assignmentId: CODE_ID });
  assert.equal(list.blanks.find((b) => b.id === 'spec-residual')?.bestScore, graded.maxScore);
});

test('the wrong residual abs(p − q) fails the losslessness check and keeps the best score', async () => {
  const wrong = `
  const diff = new Float32Array(p.length);
  for (let i = 0; i < p.length; i++) diff[i] = Math.abs(p[i]! - q[i]!);
  return diff;`;
  const { submissionId } = await student.trpc.student.code.submit.mutate({
    assignmentId: CODE_ID,
    blankId: 'spec-residual',
    code: wrong,
  });
  const graded = await waitForGrade(submissionId);
  assert.equal(graded.status, 'GRADED');
  assert.ok(graded.score! < graded.maxScore);
  const blank = await student.trpc.student.code.get.query({
    assignmentId: CODE_ID,
    blankId: 'spec-residual',
  });
  assert.equal(blank.bestScore, graded.maxScore, 'the earlier full marks still count');
  assert.equal(blank.submissions.length, 2);
});

test('run visible tests answers in seconds and stores nothing', async () => {
  const before = await platform.db.prisma.codeSubmission.count();
  const answer = await student.trpc.student.code.runVisible.mutate({
    assignmentId: CODE_ID,
    blankId: 'spec-accept-ratio',
    code: referenceSolutions['spec-accept-ratio']!,
  });
  assert.ok(answer.ok, JSON.stringify(answer));
  assert.ok(answer.ok && answer.results.length > 0 && answer.results.every((r) => r.passed && !r.hidden));
  assert.equal(await platform.db.prisma.codeSubmission.count(), before);
});

test('bad input: tampered template, unknown blank, late submission', async () => {
  const { blank } = await student.trpc.student.code.get.query({
    assignmentId: CODE_ID,
    blankId: 'spec-residual',
  });
  const tampered = blank.template.replace('export function', 'export async function');
  const error = await failure(
    student.trpc.student.code.submit.mutate({
      assignmentId: CODE_ID,
      blankId: 'spec-residual',
      code: tampered,
    }),
  );
  assert.equal(error.status, 400);
  assert.equal(error.appCode, 'CODE_TEMPLATE');
  const unknown = await failure(
    student.trpc.student.code.get.query({ assignmentId: CODE_ID, blankId: 'no-such-blank' }),
  );
  assert.equal(unknown.status, 404);
  await platform.db.prisma.assignment.update({
    where: { id: CODE_ID },
    data: { dueAt: new Date(Date.now() - 1000) },
  });
  const late = await failure(
    student.trpc.student.code.submit.mutate({
      assignmentId: CODE_ID,
      blankId: 'spec-residual',
      code: 'return p;',
    }),
  );
  assert.equal(late.appCode, 'DEADLINE_PASSED');
});

test('the TA gradebook of the code assignment has a column per blank and exports to COOL', async () => {
  const ta = await platform.browser({ email: 'ta@demo.local', password: 'ta-demo' });
  const book = await ta.trpc.ta.gradebook.get.query({ assignmentId: CODE_ID });
  assert.deepEqual(
    book.questions.map((q) => q.id),
    ['spec-residual', 'spec-accept-ratio', 'flash-online-softmax', 'prefix-block-hash', 'ngram-lookup'],
  );
  const row = book.students.find((s) => s.email === 'student@demo.local')!;
  assert.ok(row.perQuestion['spec-residual']!.points > 0);
  assert.equal(row.attempts, 2);
  const { csv } = await ta.trpc.ta.gradebook.exportCsv.query({ assignmentId: CODE_ID });
  assert.match(csv, /HW3 code blanks/);
});
