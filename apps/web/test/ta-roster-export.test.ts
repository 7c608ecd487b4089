// Roster import with preview and per-row errors; the NTU COOL gradebook export read back; item analysis.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { hw3Quiz, parseCanvasGradebookCsv } from '@infer-lab/quiz';
import { COURSE_ID, DEMO_ID } from '../src/server/lib/seed.ts';
import { failure, startTestPlatform, type TestBrowser, type TestPlatform } from './platform.ts';
import { keySheet, sheetWithWrong } from './sheets.ts';

let platform: TestPlatform;
let ta: TestBrowser;
before(async () => {
  platform = await startTestPlatform();
  ta = await platform.browser({ email: 'ta@demo.local', password: 'ta-demo' });
});
after(() => platform.close());

const roster = [
  '學號,姓名,電子郵件,班別',
  'B12901010,陳大文,chen@demo.local,01',
  'B12901011,"李, 小美",LEE@demo.local,02',
  'B12901012,No Email,not-an-email,01',
  'B12901001,王小明 Wang Hsiao-Ming,student@demo.local,03',
  'B12901099,Thief,student2@demo.local,01',
].join('\n');

test('preview shows new, updated and refused rows with reasons; import creates accounts that can sign in', async () => {
  const preview = await ta.trpc.ta.roster.preview.mutate({ courseId: COURSE_ID, csv: roster });
  const status = Object.fromEntries(preview.rows.map((r) => [r.email, r.status]));
  assert.deepEqual(status, {
    'chen@demo.local': 'new',
    'lee@demo.local': 'new',
    'student@demo.local': 'update',
    'student2@demo.local': 'error',
  });
  assert.deepEqual(
    preview.errors.map((e) => [e.line, e.code]),
    [[4, 'BAD_EMAIL']],
  );
  assert.equal(
    await platform.db.prisma.user.count({ where: { email: 'chen@demo.local' } }),
    0,
    'a preview writes nothing',
  );

  const result = await ta.trpc.ta.roster.import.mutate({ courseId: COURSE_ID, csv: roster });
  assert.equal(result.created, 2);
  assert.equal(result.updated, 1);
  assert.deepEqual(result.skippedRows, [6]);
  const lee = result.credentials.find((c) => c.email === 'lee@demo.local')!;
  assert.equal(lee.name, '李, 小美');
  const browser = await platform.browser({ email: 'lee@demo.local', password: lee.password });
  const list = await browser.trpc.student.assignments.list.query();
  assert.ok(
    list.some((a) => a.id === DEMO_ID),
    'the imported student sees the course assignments',
  );
  const enrolment = await platform.db.prisma.enrollment.findFirst({
    where: { user: { email: 'student@demo.local' } },
  });
  assert.equal(enrolment?.section, '03', 'an existing student moves to the new section');
  const unknownCourse = await failure(ta.trpc.ta.roster.preview.mutate({ courseId: 'nope', csv: roster }));
  assert.equal(unknownCourse.status, 404);
});

test('the gradebook export is Canvas CSV with a BOM and reads back with Chinese names intact', async () => {
  const alice = await platform.browser({ email: 'student@demo.local' });
  await alice.trpc.student.quiz.submit.mutate({ assignmentId: DEMO_ID, answers: keySheet(hw3Quiz) });
  const { filename, csv } = await ta.trpc.ta.gradebook.exportCsv.query({ assignmentId: DEMO_ID });
  assert.match(filename, /\.csv$/);
  assert.ok(csv.startsWith('\uFEFF'), 'UTF-8 BOM for Excel');
  assert.match(csv.split('\r\n')[0]!, /^\uFEFFStudent,ID,SIS User ID,SIS Login ID,Section,/);
  const back = parseCanvasGradebookCsv(csv);
  assert.equal(back.pointsPossible, 10);
  const wang = back.students.find((s) => s.studentId === 'B12901001')!;
  assert.equal(wang.name, '王小明 Wang Hsiao-Ming');
  assert.equal(wang.score, 9.25);
  assert.equal(back.students.find((s) => s.loginId === 'lee@demo.local')?.name, '李, 小美');
  assert.equal(
    back.students.find((s) => s.loginId === 'lee@demo.local')?.score,
    null,
    'no attempt, empty cell',
  );
});

test('item analysis flags a question whose key looks wrong', async () => {
  // Strong students all answer q02 the same way, which the key calls wrong.
  const q02 = hw3Quiz.questions[1]!;
  const part = q02.parts[0]!;
  assert.equal(part.kind, 'choice');
  for (let i = 0; i < 10; i++) {
    const email = `item${i}@demo.local`;
    const result = await ta.trpc.ta.roster.import.mutate({
      courseId: COURSE_ID,
      csv: `student id,name,email\nB129011${String(i).padStart(2, '0')},Item ${i},${email}\n`,
    });
    const b = await platform.browser({ email, password: result.credentials[0]!.password });
    const strong = i < 6;
    const sheet = strong ? keySheet(hw3Quiz) : sheetWithWrong(hw3Quiz, 12);
    if (strong && part.kind === 'choice') {
      const wrongChoice = part.options
        .map((o) => o.id)
        .filter((id) => !part.key.includes(id))
        .slice(0, part.choose);
      sheet.q02 = { '0': { kind: 'choice', selected: wrongChoice } };
    }
    await b.trpc.student.quiz.submit.mutate({ assignmentId: DEMO_ID, answers: sheet });
  }
  const analysis = await ta.trpc.ta.analysis.items.query({ assignmentId: DEMO_ID });
  const item = analysis.items.find((i) => i.questionId === 'q02')!;
  assert.ok(
    item.flags.some((f) => f.code === 'KEY_SUSPECT'),
    JSON.stringify(item.flags),
  );
  const q20 = analysis.items.find((i) => i.questionId === 'q20');
  assert.ok(q20, 'choice parts of upload questions are analysed too');
});
