// Every tRPC procedure × {anonymous, student, other student, TA}: who may call what, and that no
// student-callable procedure returns a key, an explanation or per-question correctness before release.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { hw3Quiz } from '@infer-lab/quiz';
import { hashPassword } from '../src/server/lib/auth/passwords.ts';
import { createSession } from '../src/server/lib/auth/sessions.ts';
import { CODE_ID, DEMO_ID } from '../src/server/lib/seed.ts';
import { appRouter } from '../src/server/routers/app.ts';
import { startTestPlatform, type TestBrowser, type TestPlatform } from './platform.ts';
import { keySheet } from './sheets.ts';

type Role = 'anonymous' | 'student' | 'other' | 'ta';
const roles: Role[] = ['anonymous', 'student', 'other', 'ta'];

let platform: TestPlatform;
const ids = { studentId: '', versionId: '' };

before(async () => {
  platform = await startTestPlatform();
  const prisma = platform.db.prisma;
  await prisma.course.create({ data: { id: 'other-course', title: 'Other course' } });
  const outsider = await prisma.user.create({
    data: { email: 'outsider@demo.local', name: 'Outsider', passwordHash: await hashPassword('x') },
  });
  await prisma.enrollment.create({ data: { userId: outsider.id, courseId: 'other-course' } });
  const student = await prisma.user.findUniqueOrThrow({ where: { email: 'student@demo.local' } });
  ids.studentId = student.id;
  ids.versionId = (await prisma.assignment.findUniqueOrThrow({ where: { id: DEMO_ID } })).currentVersionId!;
  // Something for every procedure to find: an attempt of the student.
  const s = await browserAs('student');
  await s.trpc.student.quiz.submit.mutate({ assignmentId: DEMO_ID, answers: keySheet(hw3Quiz) });
});
after(() => platform.close());

const emails: Record<Exclude<Role, 'anonymous'>, string> = {
  student: 'student@demo.local',
  other: 'outsider@demo.local',
  ta: 'ta@demo.local',
};

/** A browser whose session is created directly (no password hashing per call). */
async function browserAs(role: Role): Promise<TestBrowser> {
  const browser = await platform.browser();
  if (role !== 'anonymous') {
    const user = await platform.db.prisma.user.findUniqueOrThrow({ where: { email: emails[role] } });
    browser.cookies.set('il_session', (await createSession(platform.db.prisma, user.id)).token);
  }
  return browser;
}

const inputs: Record<string, () => unknown> = {
  'public.auth.signIn': () => ({ email: 'student@demo.local', password: 'wrong-password' }),
  'public.auth.signOut': () => undefined,
  'public.auth.session': () => undefined,
  'account.setLocale': () => ({ locale: 'en' }),
  'student.assignments.list': () => undefined,
  'student.quiz.get': () => ({ assignmentId: DEMO_ID }),
  'student.quiz.saveDraft': () => ({ assignmentId: DEMO_ID, answers: {} }),
  'student.quiz.submit': () => ({ assignmentId: DEMO_ID, answers: {} }),
  'student.quiz.attempts': () => ({ assignmentId: DEMO_ID }),
  'student.code.list': () => ({ assignmentId: CODE_ID }),
  'student.code.get': () => ({ assignmentId: CODE_ID, blankId: 'spec-residual' }),
  'student.code.submit': () => ({ assignmentId: CODE_ID, blankId: 'spec-residual', code: 'return p;' }),
  // A tampered template is refused before any grader is asked, so no worker is needed here.
  'student.code.runVisible': () => ({
    assignmentId: CODE_ID,
    blankId: 'spec-residual',
    code: '// ==== TODO: BEGIN (your code) ====\n// ==== TODO: END ====',
  }),
  'student.code.submission': () => ({ submissionId: '00000000-0000-4000-8000-000000000000' }),
  'ta.assignments.list': () => undefined,
  'ta.quiz.get': () => ({ assignmentId: DEMO_ID }),
  'ta.quiz.previewEdit': () => ({
    assignmentId: DEMO_ID,
    baseVersionId: ids.versionId,
    question: hw3Quiz.questions[0],
    mode: 'new-key',
  }),
  'ta.quiz.applyEdit': () => ({
    assignmentId: DEMO_ID,
    baseVersionId: ids.versionId,
    question: hw3Quiz.questions[0],
    mode: 'new-key',
  }),
  'ta.quiz.release': () => ({ assignmentId: 'no-such-assignment' }),
  'ta.audit.list': () => ({ assignmentId: DEMO_ID }),
  'ta.gradebook.get': () => ({ assignmentId: DEMO_ID }),
  'ta.grading.queue': () => ({ assignmentId: DEMO_ID }),
  'ta.grading.grade': () => ({
    assignmentId: DEMO_ID,
    uploadId: '00000000-0000-4000-8000-000000000000',
    questionId: 'q18',
    part: 0,
    points: 0,
  }),
  'ta.extensions.list': () => ({ assignmentId: DEMO_ID }),
  'ta.extensions.grant': () => ({
    assignmentId: DEMO_ID,
    userId: ids.studentId,
    dueAt: new Date(Date.now() + 86400_000),
  }),
  'ta.extensions.revoke': () => ({ assignmentId: DEMO_ID, userId: ids.studentId }),
  'ta.gradebook.exportCsv': () => ({ assignmentId: DEMO_ID }),
  'ta.analysis.items': () => ({ assignmentId: DEMO_ID }),
  'ta.courses.list': () => undefined,
  'ta.roster.preview': () => ({
    courseId: 'ml-2026-spring',
    csv: 'student id,name,email,section\nB12901099,新生 New,new@demo.local,01\n',
  }),
  'ta.roster.import': () => ({
    courseId: 'ml-2026-spring',
    csv: 'student id,name,email,section\nB12901099,新生 New,new@demo.local,01\n',
  }),
};

type Outcome = { status: number; output?: unknown; appCode?: string | null };

async function call(role: Role, path: string): Promise<Outcome> {
  const browser = await browserAs(role);
  const type = (appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)[path]!
    ._def.type;
  // biome-ignore lint/suspicious/noExplicitAny: walking the client proxy by a runtime path
  let node: any = browser.trpc;
  for (const segment of path.split('.')) node = node[segment];
  try {
    const output = await (type === 'query' ? node.query(inputs[path]!()) : node.mutate(inputs[path]!()));
    return { status: 200, output };
  } catch (error) {
    const data = (error as { data?: { httpStatus?: number; appCode?: string | null } }).data;
    return { status: data?.httpStatus ?? 0, appCode: data?.appCode };
  }
}

/** What each caller must get: 'ok' (2xx), a status, or 'not-denied' (anything but 401/403/5xx). */
function expected(path: string, role: Role): 'ok' | 'not-denied' | number {
  const [group] = path.split('.');
  if (path === 'public.auth.signIn') return 401; // a wrong password, whoever asks
  if (group === 'public') return 'ok';
  if (role === 'anonymous') return 401;
  if (group === 'account') return 'ok';
  if (group === 'student') {
    if (role === 'ta') return 403;
    if (path === 'student.code.submission') return 404; // nobody's submission
    if (path === 'student.code.runVisible' && role === 'student') return 400;
    if (role === 'other') return path === 'student.assignments.list' ? 'ok' : 404;
    return 'ok';
  }
  return role === 'ta' ? 'not-denied' : 403;
}

test('the matrix covers every procedure of the router', () => {
  assert.deepEqual(Object.keys(appRouter._def.procedures).sort(), Object.keys(inputs).sort());
});

for (const path of Object.keys(inputs)) {
  test(`${path}: anonymous, student, other student, TA`, async () => {
    for (const role of roles) {
      const want = expected(path, role);
      const got = await call(role, path);
      const where = `${path} as ${role} → ${got.status} ${got.appCode ?? ''}`;
      if (want === 'ok') assert.equal(got.status, 200, where);
      else if (want === 'not-denied')
        assert.ok(
          got.status === 200 ||
            (got.status >= 400 && got.status < 500 && got.status !== 401 && got.status !== 403),
          where,
        );
      else assert.equal(got.status, want, where);
      // Code verdicts are meant to be seen (hidden tests' messages are withheld: code-blanks.test.ts).
      if (role !== 'ta' && got.status === 200 && !path.startsWith('student.code.')) {
        const json = JSON.stringify(got.output) ?? '';
        assert.doesNotMatch(
          json,
          /"(key|explanation|correct|results|fullCredit)"/,
          `${where} leaks grading data before release`,
        );
      }
      if (path === 'student.assignments.list' && role === 'other') {
        assert.ok(
          !(got.output as { id: string }[]).some((a) => a.id === DEMO_ID),
          'other courses stay invisible',
        );
      }
    }
  });
}
