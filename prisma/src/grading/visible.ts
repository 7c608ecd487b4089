// "Run visible tests": a short job on VISIBLE_QUEUE that a grader runs in its sandbox; the caller
// waits for the answer (seconds). Nothing is stored in the application's tables.
import { type PgBoss, VISIBLE_QUEUE } from './queue.ts';

export interface VisibleTestsRequest {
  blankId: string;
  code: string;
  locale?: 'zh-TW' | 'en';
}

export interface VisibleTestResult {
  id: string;
  name: string;
  hidden: boolean;
  passed: boolean;
  message: string;
}

export type VisibleTestsAnswer =
  | { ok: true; results: VisibleTestResult[]; console: string }
  | { ok: false; error: string };

export class VisibleTestsTimeout extends Error {
  override readonly name = 'VisibleTestsTimeout';
}

export async function runVisibleTests(
  boss: PgBoss,
  request: VisibleTestsRequest,
  options: { timeoutMs?: number; pollMs?: number } = {},
): Promise<VisibleTestsAnswer> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const jobId = await boss.send(VISIBLE_QUEUE, request, {
    expireInSeconds: Math.ceil(timeoutMs / 1000) + 30,
    retryLimit: 0,
  });
  if (!jobId)
    throw new Error(`grading: queue "${VISIBLE_QUEUE}" does not exist (run openGradingQueue first)`);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 100));
    const job = await boss.getJobById<VisibleTestsRequest>(VISIBLE_QUEUE, jobId, { includeArchive: true });
    if (job?.state === 'completed') return job.output as VisibleTestsAnswer;
    if (job?.state === 'failed' || job?.state === 'cancelled') {
      return { ok: false, error: 'The grader could not run your tests; please try again.' };
    }
  }
  await boss.cancel(VISIBLE_QUEUE, jobId).catch(() => {});
  throw new VisibleTestsTimeout(`No grader answered within ${timeoutMs / 1000} s (are graders running?)`);
}
