// Image uploads for Q18–Q20 part 1: type judged by content, 5 MB cap, owner-only reads.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { hw3Quiz } from '@infer-lab/quiz';
import { handleUploadGet, handleUploadPost } from '../src/server/lib/http-uploads.ts';
import { DEMO_ID, HW3_ID } from '../src/server/lib/seed.ts';
import { PNG_1x1 as PNG } from './images.ts';
import { failure, startTestPlatform, type TestBrowser, type TestPlatform } from './platform.ts';
import { keySheet } from './sheets.ts';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([4, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);

let platform: TestPlatform;
let student: TestBrowser;
let other: TestBrowser;
before(async () => {
  platform = await startTestPlatform();
  student = await platform.browser({ email: 'student@demo.local' });
  other = await platform.browser({ email: 'student2@demo.local' });
});
after(() => platform.close());

const cookieOf = (b: TestBrowser) => [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

function post(
  browser: TestBrowser | null,
  fields: { file?: Blob; assignmentId?: string; questionId?: string },
  locale = 'en',
) {
  const form = new FormData();
  if (fields.file) form.set('file', fields.file, 'shot.png');
  if (fields.assignmentId) form.set('assignmentId', fields.assignmentId);
  if (fields.questionId) form.set('questionId', fields.questionId);
  const headers: Record<string, string> = { 'x-locale': locale };
  if (browser) headers.cookie = cookieOf(browser);
  return handleUploadPost(
    new Request('http://test.local/api/uploads', { method: 'POST', body: form, headers }),
    platform.db.prisma,
  );
}

test('PNG, JPEG and WebP are stored with their checksum; the owner reads them back', async () => {
  for (const [bytes, mime] of [
    [PNG, 'image/png'],
    [JPEG, 'image/jpeg'],
    [WEBP, 'image/webp'],
  ] as const) {
    const response = await post(student, {
      file: new Blob([bytes]),
      assignmentId: DEMO_ID,
      questionId: 'q18',
    });
    assert.equal(response.status, 201);
    const body = (await response.json()) as { id: string; mime: string; size: number };
    assert.equal(body.mime, mime);
    const read = await handleUploadGet(
      new Request(`http://test.local/api/uploads/${body.id}`, { headers: { cookie: cookieOf(student) } }),
      body.id,
      platform.db.prisma,
    );
    assert.equal(read.status, 200);
    assert.deepEqual(Buffer.from(await read.arrayBuffer()), bytes);
    const foreign = await handleUploadGet(
      new Request(`http://test.local/api/uploads/${body.id}`, { headers: { cookie: cookieOf(other) } }),
      body.id,
      platform.db.prisma,
    );
    assert.equal(foreign.status, 404, 'another student cannot see it');
  }
});

test('a text file named .png is refused by its content, in the user language', async () => {
  const count = await platform.db.prisma.upload.count();
  const response = await post(
    student,
    { file: new Blob(['not an image at all']), assignmentId: DEMO_ID, questionId: 'q18' },
    'zh-TW',
  );
  assert.equal(response.status, 415);
  assert.equal(
    ((await response.json()) as { error: { message: string } }).error.message,
    '只接受 PNG、JPEG 與 WebP 圖片。',
  );
  assert.equal(await platform.db.prisma.upload.count(), count);
});

test('files over 5 MB, wrong questions, closed assignments and anonymous callers are refused', async () => {
  const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
  assert.equal(
    (await post(student, { file: new Blob([big]), assignmentId: DEMO_ID, questionId: 'q18' })).status,
    413,
  );
  assert.equal(
    (await post(student, { file: new Blob([PNG]), assignmentId: DEMO_ID, questionId: 'q01' })).status,
    400,
  );
  assert.equal(
    (await post(student, { file: new Blob([PNG]), assignmentId: DEMO_ID, questionId: 'q77' })).status,
    400,
  );
  assert.equal(
    (await post(student, { file: new Blob([PNG]), assignmentId: HW3_ID, questionId: 'q18' })).status,
    409,
  );
  assert.equal((await post(student, { assignmentId: DEMO_ID, questionId: 'q18' })).status, 400);
  assert.equal(
    (await post(null, { file: new Blob([PNG]), assignmentId: DEMO_ID, questionId: 'q18' })).status,
    401,
  );
});

test('an attempt may only cite the student own upload for that question', async () => {
  const mine = (await (
    await post(student, { file: new Blob([PNG]), assignmentId: DEMO_ID, questionId: 'q19' })
  ).json()) as { id: string };
  const theirs = (await (
    await post(other, { file: new Blob([PNG]), assignmentId: DEMO_ID, questionId: 'q19' })
  ).json()) as { id: string };
  const sheet = keySheet(hw3Quiz);
  const withUpload = (id: string) => ({
    ...sheet,
    q19: { ...sheet.q19, '0': { kind: 'upload' as const, uploadId: id } },
  });
  const error = await failure(
    student.trpc.student.quiz.submit.mutate({ assignmentId: DEMO_ID, answers: withUpload(theirs.id) }),
  );
  assert.equal(error.appCode, 'UNKNOWN_UPLOAD');
  const ok = await student.trpc.student.quiz.submit.mutate({
    assignmentId: DEMO_ID,
    answers: withUpload(mine.id),
  });
  assert.equal(ok.attempt.score, 9.25, 'the uploaded part waits for a TA');
  const pending = await platform.db.prisma.attemptResult.findMany({
    where: { attemptId: ok.attempt.id, pending: true },
  });
  assert.deepEqual(
    pending.map((r) => `${r.questionId}:${r.part}`),
    ['q19:0'],
  );
});
