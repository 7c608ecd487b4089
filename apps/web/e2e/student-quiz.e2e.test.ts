// A student in a real browser: sign in, switch language, answer all 20, submit twice, see the best
// score; after the deadline the server refuses the submission.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hw3Quiz } from '@infer-lab/quiz';
import type { Page } from 'playwright-core';
import { DEMO_ID } from '../src/server/lib/seed.ts';
import { PNG_1x1 } from '../test/images.ts';
import { setUpPlatformAndBrowser } from './server.ts';

const e2e = setUpPlatformAndBrowser();
const { skip } = e2e;

async function answerEverything(page: Page, wrongQuestionId?: string) {
  for (const question of hw3Quiz.questions) {
    const card = page.getByTestId(`question-${question.id}`);
    for (const [i, part] of question.parts.entries()) {
      if (part.kind === 'upload') {
        await card
          .getByTestId(`upload-${question.id}`)
          .setInputFiles({ name: 'shot.png', mimeType: 'image/png', buffer: PNG_1x1 });
        await card.locator('img.preview').waitFor();
        continue;
      }
      const name = `${question.id}-${i}`;
      const wanted =
        question.id === wrongQuestionId ? [part.options.find((o) => !part.key.includes(o.id))!.id] : part.key;
      for (const option of part.options) {
        const input = card.locator(`input[name="${name}"][value="${option.id}"]`);
        if (wanted.includes(option.id)) await input.check();
        else if (part.choose > 1 && (await input.isChecked())) await input.uncheck();
      }
    }
  }
}

test('a student answers the demo quiz twice in the browser and keeps the best score', { skip }, async (t) => {
  const page = await e2e.browser.newPage({ locale: 'zh-TW' });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()} ${r.url()}`));
  t.after(async () => {
    if (problems.length) console.log(problems.join('\n'));
    await page.screenshot({ path: 'test-results/student-quiz-last.png', fullPage: false }).catch(() => {});
  });
  await page.goto(`${e2e.platform.url}/`);
  await page.waitForURL(/\/zh-TW\/sign-in$/);
  await page.getByLabel('電子郵件').fill('student@demo.local');
  await page.getByLabel('密碼').fill('student-demo');
  await page.getByRole('button', { name: '登入' }).click();
  await page.getByTestId(`assignment-${DEMO_ID}`).waitFor();
  assert.ok(await page.getByText('HW3 練習版（開放中）').isVisible());

  // Switch to English: the URL carries the locale and the account remembers it.
  await page.getByTestId('switch-language').click();
  await page.waitForURL(/\/en$/);
  await page.getByText('HW3 demo copy (open)').click();
  await page.waitForURL(new RegExp(`/en/assignments/${DEMO_ID}$`));
  await page.getByTestId('question-q20').waitFor();
  assert.equal(await page.locator('[data-testid^="question-q"]').count(), 20);
  assert.ok(await page.locator('.katex').first().isVisible(), 'LaTeX is rendered by KaTeX');

  // First attempt: one question wrong. Reloading first proves the autosaved draft survives.
  await answerEverything(page, 'q01');
  await page.getByTestId('draft-status').and(page.locator('[data-status="saved"]')).waitFor();
  await page.reload();
  await page.getByTestId('question-q20').waitFor();
  assert.ok(
    await page
      .locator(`input[name="q02-0"][value="${(hw3Quiz.questions[1]!.parts[0] as { key: string[] }).key[0]}"]`)
      .isChecked(),
  );
  await page.getByTestId('submit').click();
  await page.getByTestId('submit-result').waitFor();
  assert.match(await page.getByTestId('submit-result').innerText(), /score 8\.75 \/ 10\. Best score 8\.75\./);

  // Second attempt: every choice right (the three 0.25-point images wait for a TA: 9.25 of 10).
  await answerEverything(page);
  await page.getByTestId('submit').click();
  await page.getByText('Submitted: score 9.25 / 10. Best score 9.25.').waitFor();
  await page.getByTestId('best-score').getByText('9.25').waitFor();
  assert.equal(await page.getByTestId('attempt-history').locator('tbody tr').count(), 2);

  const rows = await e2e.platform.db.prisma.attempt.findMany({
    where: { assignmentId: DEMO_ID },
    select: { score: true },
  });
  assert.deepEqual(rows.map((r) => r.score).sort(), [8.75, 9.25]);

  // The deadline passes while the page is open: the server refuses, in the page's language.
  await e2e.platform.db.prisma.assignment.update({
    where: { id: DEMO_ID },
    data: { dueAt: new Date(Date.now() - 60_000) },
  });
  await page.getByTestId('submit').click();
  await page.getByTestId('submit-error').waitFor();
  assert.match(
    await page.getByTestId('submit-error').innerText(),
    /deadline .* has passed: this submission was not counted/,
  );
  assert.equal(await e2e.platform.db.prisma.attempt.count({ where: { assignmentId: DEMO_ID } }), 2);
  await page.close();
});
