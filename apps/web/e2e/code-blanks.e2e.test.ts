// A student fills the speculative-sampling residual in the browser's editor, runs the visible tests,
// submits, and watches the submission go from queued to graded by a real grader worker.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fillTemplate, findCodeBlank, referenceSolutions } from '@infer-lab/quiz';
import type { Browser } from 'playwright-core';
import { type GraderWorker, startWorker } from '../../grader/src/worker.ts';
import { CODE_ID } from '../src/server/lib/seed.ts';
import { chromiumMissing, launchChromium } from './browser.ts';
import { startE2EPlatform } from './server.ts';

const skip = chromiumMissing();
let platform: Awaited<ReturnType<typeof startE2EPlatform>>;
let worker: GraderWorker;
let browser: Browser;
before(async () => {
  if (skip) return;
  platform = await startE2EPlatform();
  worker = await startWorker({ databaseUrl: platform.db.url, pollingIntervalSeconds: 0.5, log: () => {} });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await worker?.stop();
  await platform?.stop();
});

test('editor, visible tests, submission graded live', { skip }, async () => {
  const page = await browser.newPage({ locale: 'en' });
  await page.goto(`${platform.url}/en/sign-in`);
  await page.getByLabel('Email').fill('student@demo.local');
  await page.getByLabel('Password').fill('student-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId(`assignment-${CODE_ID}`).getByRole('link').click();
  await page.getByTestId('blank-spec-residual').getByRole('link').click();
  await page.getByTestId('code-editor').locator('.cm-content').waitFor();

  const blank = findCodeBlank('spec-residual')!;
  const solution = fillTemplate(blank.template, referenceSolutions['spec-residual']!);
  await page.getByTestId('code-editor').locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(solution);

  await page.getByTestId('run-visible').click();
  const visible = page.getByTestId('visible-results');
  await visible.waitFor({ timeout: 60_000 });
  const rows = await visible.locator('tr').allInnerTexts();
  assert.ok(rows.length > 0 && rows.every((r) => r.startsWith('✓')), rows.join('\n'));

  await page.getByTestId('submit-code').click();
  await page.locator('[data-testid="submission-row"][data-status="GRADED"]').waitFor({ timeout: 90_000 });
  assert.match(
    await page.getByTestId('submission-score').first().innerText(),
    new RegExp(`^${blank.points} / ${blank.points}`),
  );
  await page.getByTestId('code-best-score').getByText(String(blank.points)).waitFor();
  await page.close();
});
