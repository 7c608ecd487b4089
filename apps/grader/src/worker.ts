// The grading worker: takes jobs from both queues, grades in the sandbox one at a time (the models
// and the CPU are shared), writes results idempotently, and requeues stuck SYSTEM_ERRORs.
import { createPrisma, type PrismaClient } from '@infer-lab/db';
import {
  GRADE_QUEUE,
  type GradeJob,
  openGradingQueue,
  type PgBoss,
  type QueueSettings,
  regradeSystemErrors,
  VISIBLE_QUEUE,
  type VisibleTestsAnswer,
  type VisibleTestsRequest,
} from '@infer-lab/db/grading';
import { findCodeBlank } from '@infer-lab/quiz';
import { gradeCode } from './grade.ts';
import { startHttp } from './http.ts';
import { GraderMetrics } from './metrics.ts';
import { createGraderModels, type GraderModels } from './models.ts';
import { claimSubmission, markSystemError, recordGrading } from './results.ts';
import type { SandboxLimits } from './sandbox/sandbox.ts';

export interface WorkerOptions {
  databaseUrl: string;
  /** HTTP port for /healthz and /metrics; 0 picks a free one; undefined serves none. */
  port?: number;
  pollingIntervalSeconds?: number;
  /** pg-boss maintenance (expiring the jobs of dead workers) every this many seconds. */
  maintenanceIntervalSeconds?: number;
  queue?: Partial<QueueSettings>;
  /** How often to requeue submissions stuck in SYSTEM_ERROR, and how old they must be. */
  regradeEveryMs?: number;
  regradeAfterMs?: number;
  limits?: SandboxLimits;
  models?: GraderModels;
  log?: (line: string) => void;
}

export interface GraderWorker {
  prisma: PrismaClient;
  boss: PgBoss;
  metrics: GraderMetrics;
  port: number | undefined;
  stop(): Promise<void>;
}

export async function startWorker(options: WorkerOptions): Promise<GraderWorker> {
  const log = options.log ?? ((line: string) => console.log(`grader: ${line}`));
  const prisma = createPrisma(options.databaseUrl, { poolSize: 2 });
  const boss = await openGradingQueue(options.databaseUrl, {
    supervise: true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
    queue: options.queue,
    onError: (error) => log(`queue error (will keep retrying): ${error.message}`),
  });
  const models = options.models ?? createGraderModels();
  const metrics = new GraderMetrics();

  // One grading at a time per worker: the models' buffers and the CPU are shared.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = chain.then(task, task);
    chain = run.catch(() => {});
    return run;
  };

  const gradeJob = async (job: PgBoss.Job<GradeJob>) => {
    const started = performance.now();
    const { submissionId } = job.data;
    const claimed = await claimSubmission(prisma, submissionId);
    if (!claimed) {
      metrics.outcome('already_graded');
      return { skipped: 'already graded or missing' };
    }
    try {
      const blank = findCodeBlank(claimed.blankId);
      if (!blank) throw new Error(`unknown blank "${claimed.blankId}"`);
      const grading = await serial(() => gradeCode(blank, claimed.code, models, { limits: options.limits }));
      const written = await recordGrading(prisma, submissionId, grading);
      metrics.outcome(written ? 'graded' : 'already_graded');
      return { score: grading.score };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      metrics.outcome('system_error');
      log(`submission ${submissionId}: grader failure (will be retried): ${message}`);
      await markSystemError(prisma, submissionId, message).catch(() => {});
      throw error;
    } finally {
      metrics.duration((performance.now() - started) / 1000);
    }
  };

  const visibleJob = async (job: PgBoss.Job<VisibleTestsRequest>): Promise<VisibleTestsAnswer> => {
    const { blankId, code, locale } = job.data;
    const blank = findCodeBlank(blankId);
    if (!blank) return { ok: false, error: `Unknown code blank "${blankId}"` };
    try {
      const grading = await serial(() =>
        gradeCode(blank, code, models, { visibleOnly: true, limits: options.limits, locale }),
      );
      metrics.outcome('visible_ok');
      return { ok: true, results: grading.results, console: grading.console };
    } catch (error) {
      metrics.outcome('visible_error');
      throw error;
    }
  };

  const polling = { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5 };
  await boss.work<GradeJob>(GRADE_QUEUE, polling, ([job]) => gradeJob(job!));
  await boss.work<VisibleTestsRequest>(VISIBLE_QUEUE, polling, ([job]) => visibleJob(job!));

  const sweep = setInterval(() => {
    regradeSystemErrors(prisma, boss, { olderThanMs: options.regradeAfterMs ?? 5 * 60_000 })
      .then((n) => n > 0 && log(`requeued ${n} submissions after grader failures`))
      .catch((error) => log(`regrade sweep failed: ${(error as Error).message}`));
  }, options.regradeEveryMs ?? 60_000);
  sweep.unref();

  const http =
    options.port === undefined
      ? undefined
      : await startHttp(options.port, {
          async healthy() {
            try {
              await Promise.race([
                prisma.$queryRaw`SELECT 1`,
                new Promise((_, reject) =>
                  setTimeout(() => reject(new Error('database did not answer in 2 s')), 2_000),
                ),
              ]);
              return { ok: true, detail: 'database reachable; consuming jobs' };
            } catch (error) {
              return { ok: false, detail: `database unreachable: ${(error as Error).message}` };
            }
          },
          async metrics() {
            const depth: Record<string, number> = {};
            for (const queue of [GRADE_QUEUE, VISIBLE_QUEUE])
              depth[queue] = await boss.getQueueSize(queue).catch(() => Number.NaN);
            return metrics.render(depth);
          },
        });

  return {
    prisma,
    boss,
    metrics,
    port: http?.port,
    async stop() {
      clearInterval(sweep);
      http?.server.close();
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
      await prisma.$disconnect();
    },
  };
}
