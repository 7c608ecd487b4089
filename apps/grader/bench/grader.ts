// `npm run bench -- grader [--workers 2] [--rate 1.5] [--duration 60] [--burst 300]`
// Two worker processes on this machine grade a mix of the five blanks (right and wrong answers):
// a steady phase at a fixed submission rate (gradings per minute, submit → result latency), then a
// burst submitted at once (time until every one is graded, and that none is lost).
// Targets: ≥ 60 gradings/min, p95 submit → result < 5 s, burst of 300 cleared in < 5 min.
import { parseArgs } from 'node:util';
import { createPrisma } from '@infer-lab/db';
import { enqueueSubmission, openGradingQueue } from '@infer-lab/db/grading';
import { migrate } from '@infer-lab/db/platform';
import { startPostgres } from '@infer-lab/db/testing';
import { hw3CodeBlanks, referenceSolutions } from '@infer-lab/quiz';
import pg from 'pg';
import { ASSIGNMENT, seedStudents, spawnWorker, type WorkerProcess, waitFor } from '../test/fixtures.ts';

const { values } = parseArgs({
  options: {
    workers: { type: 'string', default: '2' },
    rate: { type: 'string', default: '1.5' },
    duration: { type: 'string', default: '60' },
    burst: { type: 'string', default: '300' },
  },
});
const workerCount = Number(values.workers);
const rate = Number(values.rate);
const duration = Number(values.duration);
const burst = Number(values.burst);

// Every third submission is a plausible wrong answer (it still runs every test).
const wrong: Record<string, string> = {
  'spec-residual': referenceSolutions['spec-residual']!.replace(
    'Math.max(0, p[i]! - q[i]!)',
    'Math.abs(p[i]! - q[i]!)',
  ),
  'spec-accept-ratio': referenceSolutions['spec-accept-ratio']!.replace('Math.min(1, px / qx)', 'px / qx'),
  'flash-online-softmax': referenceSolutions['flash-online-softmax']!.replace(
    'Math.exp(state.m - mNew)',
    '1',
  ),
  'prefix-block-hash': referenceSolutions['prefix-block-hash']!.replace('[parent, ...', '[ROOT_HASH, ...'),
  'ngram-lookup': referenceSolutions['ngram-lookup']!.replace(
    'start >= 0; start--',
    'start >= 0; start -= 2',
  ),
};
const pick = (i: number) => {
  const blank = hw3CodeBlanks[i % hw3CodeBlanks.length]!;
  return { blankId: blank.id, code: i % 3 === 2 ? wrong[blank.id]! : referenceSolutions[blank.id]! };
};

const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;

const server = await startPostgres();
const admin = new pg.Client({ connectionString: server.adminUrl });
await admin.connect();
await admin.query('CREATE DATABASE grader_bench');
await admin.end();
const url = server.urlFor('grader_bench');
await migrate(url);
const prisma = createPrisma(url, { poolSize: 4 });
const { alice, bob } = await seedStudents(prisma);
const users = [alice, bob];
const boss = await openGradingQueue(url, { onError: () => {} });
const workers: WorkerProcess[] = [];
let submitted = 0;
const submit = () => {
  const i = submitted++;
  return enqueueSubmission(prisma, boss, {
    userId: users[i % 2]!,
    assignmentId: ASSIGNMENT,
    ...pick(i),
    maxScore: 1,
  });
};
const graded = (ids: string[]) =>
  prisma.codeSubmission.count({ where: { id: { in: ids }, status: { in: ['GRADED', 'SYSTEM_ERROR'] } } });

try {
  for (let w = 0; w < workerCount; w++)
    workers.push(await spawnWorker(url, { GRADER_MAINTENANCE_SECONDS: '30' }));
  // Warm-up: each worker loads its models on its first jobs.
  const warm = await Promise.all(Array.from({ length: 5 * workerCount }, submit));
  await waitFor(
    'warm-up',
    async () => (await graded(warm.map((w) => w.submissionId))) === warm.length,
    120_000,
  );
  console.log(`${workerCount} workers warm; steady phase: ${rate} submissions/s for ${duration} s`);

  const steady: string[] = [];
  const started = Date.now();
  while (Date.now() - started < duration * 1000) {
    const due = started + (steady.length / rate) * 1000;
    if (Date.now() < due) await new Promise((r) => setTimeout(r, due - Date.now()));
    steady.push((await submit()).submissionId);
  }
  await waitFor('the steady phase to drain', async () => (await graded(steady)) === steady.length, 300_000);
  const rows = await prisma.codeSubmission.findMany({
    where: { id: { in: steady } },
    select: { createdAt: true, gradedAt: true, status: true },
  });
  const latencies = rows
    .map((r) => ((r.gradedAt ?? new Date()).getTime() - r.createdAt.getTime()) / 1000)
    .sort((a, b) => a - b);
  const lastGraded = Math.max(...rows.map((r) => r.gradedAt?.getTime() ?? 0));
  const perMinute = (rows.length / ((lastGraded - started) / 1000)) * 60;

  console.log(`burst: ${burst} submissions at once`);
  const burstStart = Date.now();
  // As fast as 16 concurrent submitters go (the web app's pool would queue them the same way).
  const burstIds: string[] = [];
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (burstIds.length < burst) {
        const slot = burstIds.push('') - 1;
        burstIds[slot] = (await submit()).submissionId;
      }
    }),
  );
  const submitSeconds = (Date.now() - burstStart) / 1000;
  await waitFor('the burst to clear', async () => (await graded(burstIds)) === burstIds.length, 15 * 60_000);
  const burstSeconds = (Date.now() - burstStart) / 1000;
  const burstRows = await prisma.codeSubmission.groupBy({
    by: ['status'],
    where: { id: { in: burstIds } },
    _count: true,
  });
  const errors = await prisma.codeSubmission.count({ where: { status: 'SYSTEM_ERROR' } });
  const duplicated = await prisma.codeSubmission.count({ where: { attempts: { gt: 1 } } });

  console.log('\nGrader benchmark (numbers from a shared 2-core machine; other work may have run beside it)');
  console.table({
    workers: { value: workerCount, target: '' },
    'steady: submitted': { value: steady.length, target: '' },
    'steady: gradings / min': { value: perMinute.toFixed(1), target: '≥ 60' },
    'steady: p50 submit→result (s)': { value: percentile(latencies, 0.5).toFixed(2), target: '' },
    'steady: p95 submit→result (s)': { value: percentile(latencies, 0.95).toFixed(2), target: '< 5' },
    'steady: max submit→result (s)': { value: latencies.at(-1)!.toFixed(2), target: '' },
    'burst: submissions': { value: burst, target: '' },
    'burst: submit time (s)': { value: submitSeconds.toFixed(1), target: '' },
    'burst: cleared in (s)': { value: burstSeconds.toFixed(1), target: '< 300' },
    'burst: graded': { value: burstRows.find((r) => r.status === 'GRADED')?._count ?? 0, target: `${burst}` },
    'system errors (all phases)': { value: errors, target: '0' },
    'graded more than once': { value: duplicated, target: '0' },
  });
} finally {
  for (const w of workers) await w.kill('SIGTERM');
  await boss.stop({ graceful: false, wait: true });
  await prisma.$disconnect();
  await server.stop();
}
