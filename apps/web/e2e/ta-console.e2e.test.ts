// The TA console in a real browser: the TA changes Q1's key after a student answered it, previews and
// applies the regrade, and the student's best score changes; the TA releases the answers and the
// student sees the explanations; the gradebook CSV downloads and parses back with Chinese names intact.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { hw3Quiz, parseCanvasGradebookCsv } from '@infer-lab/quiz';
import { createTRPCClient, httpLink } from '@trpc/client';
import type { BrowserContext, Page } from 'playwright-core';
import superjson from 'superjson';
import { DEMO_ID } from '../src/server/lib/seed.ts';
import type { AppRouter } from '../src/server/routers/app.ts';
import { PNG_1x1 } from '../test/images.ts';
import { keySheet } from '../test/sheets.ts';
import { setUpPlatformAndBrowser } from './server.ts';

const e2e = setUpPlatformAndBrowser();
const { skip } = e2e;
const SHOTS = 'test-results';

async function signIn(context: BrowserContext, locale: string, email: string, password: string) {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(`${e2e.platform.url}/${locale}/sign-in`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  // The account's own language wins after signing in.
  await page.waitForURL(/\/(zh-TW|en)(\/ta)?$/); // TAs land on the TA console
  return { page, problems };
}

/**
 * The student's attempt without the UI (the student test covers that), with the browser context's
 * session cookie: every choice by the key and a screenshot for Q18's image part.
 */
async function submitAttemptAs(context: BrowserContext) {
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const form = new FormData();
  form.set('file', new Blob([PNG_1x1], { type: 'image/png' }), 'shot.png');
  form.set('assignmentId', DEMO_ID);
  form.set('questionId', 'q18');
  const upload = await fetch(`${e2e.platform.url}/api/uploads`, {
    method: 'POST',
    body: form,
    headers: { cookie },
  });
  const { id: uploadId } = (await upload.json()) as { id: string };
  assert.equal(upload.status, 201);
  const answers = keySheet(hw3Quiz);
  answers.q18 = { ...answers.q18, '0': { kind: 'upload', uploadId } };
  const trpc = createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${e2e.platform.url}/api/trpc`, transformer: superjson, headers: { cookie } })],
  });
  await trpc.student.quiz.submit.mutate({ assignmentId: DEMO_ID, answers });
}

const bestScoreOn = async (page: Page) => {
  await page.reload();
  const best = page.getByTestId('best-score');
  await best.waitFor();
  return best.innerText();
};

test('a TA regrades Q1, releases the answers and exports the gradebook', { skip }, async () => {
  const studentContext = await e2e.browser.newContext({ locale: 'en' });
  const taContext = await e2e.browser.newContext({ locale: 'zh-TW', viewport: { width: 1366, height: 900 } });
  const student = await signIn(studentContext, 'en', 'student@demo.local', 'student-demo');
  const ta = await signIn(taContext, 'zh-TW', 'ta@demo.local', 'ta-demo');
  try {
    // A student may not open the console: the server component sends them home.
    await student.page.goto(`${e2e.platform.url}/en/ta/${DEMO_ID}`);
    await student.page.waitForURL(/\/en$/);

    // Every choice by the key (Q1 = C): 9.25 of 10 while Q18's image waits for a TA.
    await submitAttemptAs(studentContext);
    await student.page.goto(`${e2e.platform.url}/en/assignments/${DEMO_ID}`);
    assert.equal(await bestScoreOn(student.page), '9.25');
    assert.equal(await student.page.locator('.explanation').count(), 0, 'no explanation before release');

    // The TA opens the console from the header and the demo quiz's questions.
    const page = ta.page;
    await page.getByTestId('ta-console-link').click();
    await page.getByTestId(`ta-assignment-${DEMO_ID}`).getByRole('link', { name: '題目與答案' }).click();
    await page.waitForURL(new RegExp(`/zh-TW/ta/${DEMO_ID}$`));
    await page.getByTestId('ta-question-q20').waitFor();
    assert.equal(await page.getByTestId('key-q01-0').innerText(), '答案: C');
    await page.screenshot({ path: `${SHOTS}/ta-questions.png` });

    // Q1's key becomes A: the preview counts one attempt and one best score lowered; nothing is written.
    await page.getByTestId('edit-q01').click();
    const editor = page.getByTestId('question-editor-q01');
    await editor.locator('input[name="q01-0-key"][value="A"]').check();
    assert.ok(await editor.getByTestId('edit-apply-button').isDisabled(), 'apply waits for a preview');
    await editor.getByTestId('edit-preview-button').click();
    const preview = await editor.getByTestId('edit-preview').innerText();
    assert.match(preview, /1 次作答中有 1 次分數會改變；1 位學生的最佳成績會改變（0 位提高、1 位降低）/);
    await page.screenshot({ path: `${SHOTS}/ta-question-editor.png` });
    assert.equal(await bestScoreOn(student.page), '9.25', 'a preview changes nothing');

    await editor.getByTestId('edit-apply-button').click();
    await page.getByTestId('edit-applied').waitFor();
    assert.match(await page.getByTestId('edit-applied').innerText(), /版本 2/);
    assert.equal(await page.getByTestId('key-q01-0').innerText(), '答案: A');
    assert.equal(await bestScoreOn(student.page), '8.75', "the student's best score follows the new key");
    await page.getByTestId('audit-log').locator('tr[data-action="question.edit"]').waitFor();

    // Release now: the student sees every explanation in their language.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('release-now').click();
    await page.locator('[data-testid="release-state"][data-released="true"]').waitFor();
    await student.page.reload();
    const q01 = student.page.getByTestId('question-q01');
    await q01.locator('.explanation').waitFor();
    assert.match(await q01.locator('.explanation').innerText(), /^Explanation/);
    assert.equal(await student.page.locator('.explanation').count(), hw3Quiz.questions.length);

    // Gradebook: the new best score, and the NTU COOL export with Chinese names intact.
    await page.getByTestId('ta-tab-gradebook').click();
    const row = page.getByTestId('gradebook-row-B12901001');
    await row.waitFor();
    assert.equal(await row.getByTestId('gradebook-best').innerText(), '8.75');
    assert.match(await row.innerText(), /✗ 0/, 'Q1 is wrong under the new key');
    assert.match(await row.innerText(), /⏳/, "Q18's image waits for a TA");
    await page.screenshot({ path: `${SHOTS}/ta-gradebook.png` });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    const bytes = await readFile((await download.path())!);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for Excel');
    const book = parseCanvasGradebookCsv(bytes.toString('utf8'));
    assert.equal(book.pointsPossible, 10);
    const byId = new Map(book.students.map((s) => [s.studentId, s]));
    assert.equal(byId.get('B12901001')?.name, '王小明 Wang Hsiao-Ming');
    assert.equal(byId.get('B12901001')?.score, 8.75);
    assert.equal(byId.get('B12901002')?.name, '林小華 Lin Hsiao-Hua');
    assert.equal(byId.get('B12901002')?.score, null, 'no attempt, no score');

    // The other tabs load; their screenshots are for a person to look at.
    await page.getByTestId('ta-tab-analysis').click();
    await page.getByTestId('item-q01-0').waitFor();
    await page.screenshot({ path: `${SHOTS}/ta-analysis.png` });

    // Manual grading: full points for Q18's image; it leaves the queue and the best score rises.
    await page.getByTestId('ta-tab-grading').click();
    const item = page.locator('[data-testid^="grading-q18-"]');
    await item.locator('img.ta-upload').waitFor();
    await item.locator('textarea').fill('清楚的截圖 Clear screenshot');
    await page.screenshot({ path: `${SHOTS}/ta-grading.png` });
    await item.getByRole('button', { name: '給 0.25 分' }).click();
    await item.waitFor({ state: 'detached' });
    assert.equal(await bestScoreOn(student.page), '9');

    // An extension to 31 Dec 23:59, typed in Taipei time.
    await page.getByTestId('ta-tab-extensions').click();
    const form = page.getByTestId('extension-form');
    await form
      .locator('select[name="student"] option', { hasText: 'B12901001' })
      .waitFor({ state: 'attached' });
    await form
      .locator('select[name="student"]')
      .selectOption({ label: '王小明 Wang Hsiao-Ming (B12901001)' });
    await form.locator('input[name="dueAt"]').fill('2026-12-31T23:59');
    await form.locator('input[name="reason"]').fill('生病 sick leave');
    await form.getByRole('button').click();
    await page.getByTestId('extension-B12901001').waitFor();
    const granted = await e2e.platform.db.prisma.extension.findFirstOrThrow({
      where: { assignmentId: DEMO_ID },
    });
    assert.equal(granted.dueAt.toISOString(), '2026-12-31T15:59:00.000Z');
    await page.screenshot({ path: `${SHOTS}/ta-extensions.png` });
    await page.goto(`${e2e.platform.url}/zh-TW/ta/roster`);
    await page
      .getByTestId('roster-csv')
      .fill('學號,姓名,電子郵件,班別\nB12901003,陳大文,b12901003@ntu.edu.tw,01\nX,壞,bad,01');
    await page.getByTestId('roster-preview-button').click();
    await page.getByTestId('roster-preview').waitFor();
    await page.screenshot({ path: `${SHOTS}/ta-roster.png` });
    assert.match(
      await page.getByTestId('roster-preview').innerText(),
      /1 位新學生 · 0 位已有帳號 · 1 筆有問題/,
    );
    await page.getByTestId('roster-import-button').click();
    await page.getByTestId('roster-credentials').locator('code').waitFor();
    const created = await e2e.platform.db.prisma.user.findUniqueOrThrow({
      where: { email: 'b12901003@ntu.edu.tw' },
    });
    assert.equal(created.name, '陳大文');

    assert.deepEqual([...student.problems, ...ta.problems], []);
  } finally {
    await studentContext.close();
    await taContext.close();
  }
});
