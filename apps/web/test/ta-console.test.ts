// The TA's workflows against a real PostgreSQL: key edits with regrade, release, manual grading,
// extensions, gradebook; every change audited.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hw3Quiz, type Question } from '@infer-lab/quiz';
import { DEMO_ID } from '../src/server/lib/seed.ts';
import { PNG_1x1 as PNG } from './images.ts';
import { failure, startTestPlatform, type TestBrowser, type TestPlatform } from './platform.ts';
import { keySheet, sheetWithWrong } from './sheets.ts';

let platform: TestPlatform;
let ta: TestBrowser;
let alice: TestBrowser;
let bob: TestBrowser;
before(async () => {
  platform = await startTestPlatform();
  ta = await platform.browser({ email: 'ta@demo.local', password: 'ta-demo' });
  alice = await platform.browser({ email: 'student@demo.local' });
  bob = await platform.browser({ email: 'student2@demo.local' });
});
after(() => platform.close());

const bestOf = async (b: TestBrowser) =>
  (await b.trpc.student.quiz.attempts.query({ assignmentId: DEMO_ID })).bestScore;

describe('editing a key regrades every attempt', () => {
  test('preview, then apply: attempts, best scores and the audit log change together', async () => {
    // Alice answers q01 with the key (C); Bob answers A.
    await alice.trpc.student.quiz.submit.mutate({ assignmentId: DEMO_ID, answers: keySheet(hw3Quiz) });
    await bob.trpc.student.quiz.submit.mutate({ assignmentId: DEMO_ID, answers: sheetWithWrong(hw3Quiz, 1) });
    assert.equal(await bestOf(alice), 9.25);
    assert.equal(await bestOf(bob), 8.75);

    const { content, assignment } = await ta.trpc.ta.quiz.get.query({ assignmentId: DEMO_ID });
    const q01 = structuredClone(content.questions[0]!) as Question;
    assert.equal(q01.parts[0]?.kind, 'choice');
    if (q01.parts[0]?.kind === 'choice') q01.parts[0].key = ['A'];
    const edit = {
      assignmentId: DEMO_ID,
      baseVersionId: assignment.versionId,
      question: q01,
      mode: 'new-key' as const,
    };

    const preview = await ta.trpc.ta.quiz.previewEdit.mutate(edit);
    assert.deepEqual(
      {
        changedAttempts: preview.changedAttempts,
        changedBestScores: preview.changedBestScores,
        raised: preview.raisedBestScores,
        lowered: preview.loweredBestScores,
      },
      { changedAttempts: 2, changedBestScores: 2, raised: 1, lowered: 1 },
    );
    assert.equal(await bestOf(alice), 9.25, 'a preview writes nothing');

    const applied = await ta.trpc.ta.quiz.applyEdit.mutate(edit);
    assert.equal(applied.version, 2);
    assert.equal(await bestOf(alice), 8.75);
    assert.equal(await bestOf(bob), 9.25);
    const audit = await ta.trpc.ta.audit.list.query({ assignmentId: DEMO_ID });
    assert.equal(audit[0]?.action, 'question.edit');
    assert.deepEqual((audit[0]!.details as { keysAfter: string[][] }).keysAfter, [['A']]);

    // The old version id is stale now: a second TA saving on top of it is refused.
    const stale = await failure(ta.trpc.ta.quiz.applyEdit.mutate(edit));
    assert.equal(stale.status, 409);
    assert.equal(stale.appCode, 'VERSION_CONFLICT');
  });

  test('full credit for everyone raises every best score that missed the question', async () => {
    const { content, assignment } = await ta.trpc.ta.quiz.get.query({ assignmentId: DEMO_ID });
    const q01 = structuredClone(content.questions[0]!) as Question;
    await ta.trpc.ta.quiz.applyEdit.mutate({
      assignmentId: DEMO_ID,
      baseVersionId: assignment.versionId,
      question: q01,
      mode: 'full-credit',
    });
    assert.equal(await bestOf(alice), 9.25);
    assert.equal(await bestOf(bob), 9.25);
  });

  test('invalid edits are refused with the reason and change nothing', async () => {
    const { content, assignment } = await ta.trpc.ta.quiz.get.query({ assignmentId: DEMO_ID });
    const q02 = structuredClone(content.questions[1]!) as Question;
    if (q02.parts[0]?.kind === 'choice') q02.parts[0].key = ['Z'];
    const bad = await failure(
      ta.trpc.ta.quiz.applyEdit.mutate({
        assignmentId: DEMO_ID,
        baseVersionId: assignment.versionId,
        question: q02,
        mode: 'new-key',
      }),
    );
    assert.equal(bad.status, 400);
    assert.match(bad.message, /invalid/i);
    const q03 = structuredClone(content.questions[2]!) as Question;
    q03.parts.push({ kind: 'upload', points: 0.25, prompt: { en: 'x', 'zh-TW': 'x' } });
    const shape = await failure(
      ta.trpc.ta.quiz.previewEdit.mutate({
        assignmentId: DEMO_ID,
        baseVersionId: assignment.versionId,
        question: q03,
        mode: 'new-key',
      }),
    );
    assert.equal(shape.appCode, 'PART_STRUCTURE');
    const after = await ta.trpc.ta.quiz.get.query({ assignmentId: DEMO_ID });
    assert.equal(after.assignment.versionId, assignment.versionId);
  });
});

describe('manual grading', () => {
  test('grading an image updates every attempt that cites it and the best score at once', async () => {
    const form = new FormData();
    form.set('file', new Blob([PNG]), 'shot.png');
    form.set('assignmentId', DEMO_ID);
    form.set('questionId', 'q18');
    const { handleUploadPost } = await import('../src/server/lib/http-uploads.ts');
    const cookie = [...alice.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await handleUploadPost(
      new Request('http://t/api/uploads', { method: 'POST', body: form, headers: { cookie } }),
      platform.db.prisma,
    );
    const { id: uploadId } = (await response.json()) as { id: string };
    const sheet = {
      ...keySheet(hw3Quiz),
      q18: { ...keySheet(hw3Quiz).q18, '0': { kind: 'upload' as const, uploadId } },
    };
    await alice.trpc.student.quiz.submit.mutate({ assignmentId: DEMO_ID, answers: sheet });
    await alice.trpc.student.quiz.submit.mutate({ assignmentId: DEMO_ID, answers: sheet });

    const queue = await ta.trpc.ta.grading.queue.query({ assignmentId: DEMO_ID });
    const item = queue.find((i) => i.uploadId === uploadId);
    assert.ok(item, 'the image is waiting');
    assert.equal(item.attemptIds.length, 2, 'listed once for both attempts');
    const over = await failure(
      ta.trpc.ta.grading.grade.mutate({
        assignmentId: DEMO_ID,
        uploadId,
        questionId: 'q18',
        part: 0,
        points: 0.5,
      }),
    );
    assert.equal(over.appCode, 'BAD_GRADE');
    const graded = await ta.trpc.ta.grading.grade.mutate({
      assignmentId: DEMO_ID,
      uploadId,
      questionId: 'q18',
      part: 0,
      points: 0.25,
      comment: 'clear screenshot',
    });
    assert.equal(graded.gradedAttempts, 2);
    assert.equal(graded.bestScore, 9.5);
    assert.equal(await bestOf(alice), 9.5);
    const after = await ta.trpc.ta.grading.queue.query({ assignmentId: DEMO_ID });
    assert.ok(!after.some((i) => i.uploadId === uploadId), 'no longer waiting');
  });
});

describe('extensions', () => {
  test('a personal extension lets one student submit after the deadline, no one else', async () => {
    await platform.db.prisma.assignment.update({
      where: { id: DEMO_ID },
      data: { dueAt: new Date(Date.now() - 60_000) },
    });
    const students = await ta.trpc.ta.gradebook.get.query({ assignmentId: DEMO_ID });
    const bobRow = students.students.find((s) => s.email === 'student2@demo.local')!;
    await ta.trpc.ta.extensions.grant.mutate({
      assignmentId: DEMO_ID,
      userId: bobRow.userId,
      dueAt: new Date(Date.now() + 3600_000),
      reason: 'medical',
    });
    const ok = await bob.trpc.student.quiz.submit.mutate({
      assignmentId: DEMO_ID,
      answers: keySheet(hw3Quiz),
    });
    assert.ok(ok.attempt.id);
    const late = await failure(
      alice.trpc.student.quiz.submit.mutate({ assignmentId: DEMO_ID, answers: keySheet(hw3Quiz) }),
    );
    assert.equal(late.appCode, 'DEADLINE_PASSED');
    const list = await bob.trpc.student.assignments.list.query();
    assert.equal(list.find((a) => a.id === DEMO_ID)?.extended, true);
    await ta.trpc.ta.extensions.revoke.mutate({ assignmentId: DEMO_ID, userId: bobRow.userId });
    assert.equal(
      (await failure(bob.trpc.student.quiz.submit.mutate({ assignmentId: DEMO_ID, answers: {} }))).appCode,
      'DEADLINE_PASSED',
    );
    const unknown = await failure(
      ta.trpc.ta.extensions.grant.mutate({
        assignmentId: DEMO_ID,
        userId: '00000000-0000-4000-8000-000000000000',
        dueAt: new Date(),
      }),
    );
    assert.equal(unknown.status, 404);
  });
});

describe('release', () => {
  test('releasing shows keys, explanations and per-question results to students', async () => {
    const before = await alice.trpc.student.quiz.attempts.query({ assignmentId: DEMO_ID });
    assert.equal(before.released, false);
    await ta.trpc.ta.quiz.release.mutate({ assignmentId: DEMO_ID });
    const quiz = await alice.trpc.student.quiz.get.query({ assignmentId: DEMO_ID });
    assert.equal(quiz.assignment.released, true);
    assert.ok(quiz.content.released && quiz.content.questions[1]!.explanation.en.length > 0);
    const history = await alice.trpc.student.quiz.attempts.query({ assignmentId: DEMO_ID });
    assert.ok(history.attempts[0] && 'results' in history.attempts[0]);
  });
});

describe('gradebook', () => {
  test('one row per student with best score, attempts and per-question points', async () => {
    const book = await ta.trpc.ta.gradebook.get.query({ assignmentId: DEMO_ID });
    assert.equal(book.students.length, 2);
    const alice = book.students.find((s) => s.email === 'student@demo.local')!;
    assert.equal(alice.bestScore, 9.5);
    assert.equal(alice.attempts, 3);
    assert.equal(alice.perQuestion.q18?.points, 0.5);
    assert.equal(book.assignment.maxScore, 10);
  });
});
