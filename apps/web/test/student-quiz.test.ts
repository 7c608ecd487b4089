// A student's whole quiz flow against a real PostgreSQL, through the real tRPC HTTP handler.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hw3Quiz } from '@infer-lab/quiz';
import { CODE_ID, DEMO_ID, HW3_ID } from '../src/server/lib/seed.ts';
import { failure, startTestPlatform, type TestPlatform } from './platform.ts';
import { keySheet, sheetWithWrong } from './sheets.ts';

let platform: TestPlatform;
before(async () => {
  platform = await startTestPlatform();
});
after(() => platform.close());

const attemptCount = () => platform.db.prisma.attempt.count();

describe('signing in', () => {
  test('the demo student signs in and the session says who they are', async () => {
    const browser = await platform.browser({ email: 'student@demo.local' });
    const me = await browser.trpc.public.auth.session.query();
    assert.equal(me?.email, 'student@demo.local');
    assert.equal(me?.role, 'STUDENT');
  });

  test('a wrong password is refused with 401 in the user language', async () => {
    const browser = await platform.browser({ locale: 'zh-TW' });
    const zh = await failure(
      browser.trpc.public.auth.signIn.mutate({ email: 'student@demo.local', password: 'nope' }),
    );
    assert.equal(zh.status, 401);
    assert.equal(zh.message, '電子郵件或密碼錯誤。');
    browser.setLocale('en');
    const en = await failure(
      browser.trpc.public.auth.signIn.mutate({ email: 'nobody@demo.local', password: 'x' }),
    );
    assert.equal(en.message, 'Wrong email or password.');
  });

  test('signing out ends the session in the database', async () => {
    const browser = await platform.browser({ email: 'student2@demo.local' });
    const before = await platform.db.prisma.session.count();
    await browser.trpc.public.auth.signOut.mutate();
    assert.equal(await platform.db.prisma.session.count(), before - 1);
    assert.equal(await browser.trpc.public.auth.session.query(), null);
  });
});

describe('who may call student procedures', () => {
  test('anonymous callers get 401, TAs 403', async () => {
    const anonymous = await platform.browser();
    assert.equal((await failure(anonymous.trpc.student.assignments.list.query())).status, 401);
    const ta = await platform.browser({ email: 'ta@demo.local', password: 'ta-demo' });
    assert.equal((await failure(ta.trpc.student.quiz.get.query({ assignmentId: DEMO_ID }))).status, 403);
  });

  test('an assignment of a course the student is not in looks missing', async () => {
    const prisma = platform.db.prisma;
    await prisma.course.create({ data: { id: 'other-course', title: 'Other' } });
    await prisma.assignment.create({
      data: {
        id: 'other-hw',
        courseId: 'other-course',
        titleZh: '其他',
        titleEn: 'Other',
        dueAt: new Date(Date.now() + 86400_000),
        releaseAt: new Date(Date.now() + 2 * 86400_000),
      },
    });
    const student = await platform.browser({ email: 'student@demo.local' });
    const error = await failure(student.trpc.student.quiz.get.query({ assignmentId: 'other-hw' }));
    assert.equal(error.status, 404);
    const submit = await failure(
      student.trpc.student.quiz.submit.mutate({ assignmentId: 'other-hw', answers: {} }),
    );
    assert.equal(submit.status, 404);
  });
});

describe('the quiz before release', () => {
  test('lists both seeded assignments with their deadlines', async () => {
    const student = await platform.browser({ email: 'student@demo.local' });
    const list = await student.trpc.student.assignments.list.query();
    const ids = list.map((a) => a.id).sort();
    assert.deepEqual(ids, [CODE_ID, DEMO_ID, HW3_ID].sort());
    const hw3 = list.find((a) => a.id === HW3_ID)!;
    assert.equal(hw3.dueAt.toISOString(), '2026-04-09T15:59:59.000Z');
    assert.equal(hw3.timezone, 'Asia/Taipei');
  });

  test('shows 20 bilingual questions without keys or explanations', async () => {
    const student = await platform.browser({ email: 'student@demo.local' });
    const quiz = await student.trpc.student.quiz.get.query({ assignmentId: DEMO_ID });
    assert.equal(quiz.assignment.state, 'open');
    assert.equal(quiz.assignment.released, false);
    assert.equal(quiz.content.questions.length, 20);
    const json = JSON.stringify(quiz.content);
    assert.doesNotMatch(json, /"key"/);
    assert.doesNotMatch(json, /"explanation"/);
    for (const q of quiz.content.questions) {
      assert.ok(q.stem.en.length > 10 && q.stem['zh-TW'].length > 5, `${q.id} has both languages`);
    }
  });
});

describe('submitting', () => {
  test('scores at once, keeps every attempt, and the best score is the maximum', async () => {
    const student = await platform.browser({ email: 'student2@demo.local' });
    const first = await student.trpc.student.quiz.submit.mutate({
      assignmentId: DEMO_ID,
      answers: sheetWithWrong(hw3Quiz, 3),
    });
    assert.equal(first.attempt.score, 7.75);
    assert.equal(first.attempt.maxScore, 10);
    assert.equal(first.bestScore, 7.75);
    const second = await student.trpc.student.quiz.submit.mutate({
      assignmentId: DEMO_ID,
      answers: keySheet(hw3Quiz),
    });
    assert.equal(second.attempt.score, 9.25, 'every choice right; the three 0.25-point images wait for a TA');
    assert.equal(second.bestScore, 9.25);
    const third = await student.trpc.student.quiz.submit.mutate({ assignmentId: DEMO_ID, answers: {} });
    assert.equal(third.attempt.score, 0);
    assert.equal(third.bestScore, 9.25, 'a worse attempt never lowers the best score');
    const history = await student.trpc.student.quiz.attempts.query({ assignmentId: DEMO_ID });
    assert.deepEqual(
      history.attempts.map((a) => a.score),
      [0, 9.25, 7.75],
    );
    assert.equal(history.bestAttemptId, second.attempt.id);
    assert.equal(history.released, false);
    assert.ok(!('results' in history.attempts[0]!), 'per-question results stay hidden before release');
  });

  test('concurrent submissions leave the best score equal to the maximum over attempts', async () => {
    const student = await platform.browser({ email: 'student@demo.local' });
    const sheets = [0, 1, 2, 3, 4, 5, 6, 7].map((wrong) => sheetWithWrong(hw3Quiz, wrong));
    await Promise.all(
      sheets.map((answers) => student.trpc.student.quiz.submit.mutate({ assignmentId: DEMO_ID, answers })),
    );
    const rows = await platform.db.prisma.$queryRaw<{ best: number; max: number }[]>`
      SELECT b.score AS best, (SELECT max(score) FROM "Attempt" a WHERE a."userId" = b."userId" AND a."assignmentId" = b."assignmentId") AS max
      FROM "BestScore" b`;
    assert.ok(rows.length > 0);
    for (const row of rows) assert.equal(row.best, row.max);
  });

  test('a late submission is refused with the deadline and nothing is stored', async () => {
    const student = await platform.browser({ email: 'student@demo.local', locale: 'zh-TW' });
    const before = await attemptCount();
    const error = await failure(
      student.trpc.student.quiz.submit.mutate({ assignmentId: HW3_ID, answers: keySheet(hw3Quiz) }),
    );
    assert.equal(error.status, 409);
    assert.equal(error.appCode, 'DEADLINE_PASSED');
    assert.match(error.message, /已超過截止時間.*2026-04-09/);
    assert.equal(await attemptCount(), before);
  });

  test('unknown questions and options are 400 with a clear message, nothing stored', async () => {
    const student = await platform.browser({ email: 'student@demo.local' });
    const before = await attemptCount();
    const unknownQuestion = await failure(
      student.trpc.student.quiz.submit.mutate({
        assignmentId: DEMO_ID,
        answers: { q99: { '0': { kind: 'choice', selected: ['A'] } } },
      }),
    );
    assert.equal(unknownQuestion.status, 400);
    assert.equal(unknownQuestion.message, 'Unknown question q99.');
    const unknownOption = await failure(
      student.trpc.student.quiz.submit.mutate({
        assignmentId: DEMO_ID,
        answers: { q01: { '0': { kind: 'choice', selected: ['Z'] } } },
      }),
    );
    assert.equal(unknownOption.message, 'Question q01 has no option Z.');
    const wrongKind = await failure(
      student.trpc.student.quiz.submit.mutate({
        assignmentId: DEMO_ID,
        answers: { q01: { '0': { kind: 'upload', uploadId: '00000000-0000-4000-8000-000000000000' } } },
      }),
    );
    assert.equal(wrongKind.status, 400);
    assert.equal(await attemptCount(), before);
  });

  test('malformed and oversized bodies get 4xx, never 500', async () => {
    const student = await platform.browser({ email: 'student@demo.local' });
    const malformed = await student.raw('/api/trpc/student.quiz.submit', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"json": {"assignmentId": 5, "answers": "everything"}}',
    });
    assert.equal(malformed.status, 400);
    const notJson = await student.raw('/api/trpc/student.quiz.submit', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{{{',
    });
    assert.equal(notJson.status, 400);
    const notDeclared = await student.raw('/api/trpc/student.quiz.submit', { method: 'POST', body: '{}' });
    assert.equal(notDeclared.status, 415);
    const huge = await student.raw('/api/trpc/student.quiz.submit', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(2 * 1024 * 1024) },
      body: 'x'.repeat(2 * 1024 * 1024),
    });
    assert.equal(huge.status, 413);
  });
});

describe('drafts and language', () => {
  test('a saved draft comes back with the quiz', async () => {
    const student = await platform.browser({ email: 'student@demo.local' });
    const answers = { q01: { '0': { kind: 'choice' as const, selected: ['C'] } } };
    await student.trpc.student.quiz.saveDraft.mutate({ assignmentId: DEMO_ID, answers });
    const quiz = await student.trpc.student.quiz.get.query({ assignmentId: DEMO_ID });
    assert.deepEqual(quiz.draft?.answers, answers);
  });

  test('the chosen language persists on the account', async () => {
    const student = await platform.browser({ email: 'student2@demo.local' });
    await student.trpc.account.setLocale.mutate({ locale: 'en' });
    const again = await platform.browser({ email: 'student2@demo.local' });
    assert.equal((await again.trpc.public.auth.session.query())?.locale, 'en');
    const bad = await failure(student.trpc.account.setLocale.mutate({ locale: 'fr' as 'en' }));
    assert.equal(bad.status, 400);
  });
});
