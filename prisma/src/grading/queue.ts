// The grading queue: pg-boss in the same PostgreSQL. Submissions go to GRADE_QUEUE (one job per
// submission, keyed by its id); "Run visible tests" goes to VISIBLE_QUEUE and its caller waits.
// Workers on any host share both queues; an expired job (a worker killed mid-job) is retried.
import PgBoss from 'pg-boss';

export const GRADE_QUEUE = 'code-grade';
export const VISIBLE_QUEUE = 'code-visible';

export interface GradeJob {
  submissionId: string;
}

export interface QueueSettings {
  /** A job still active after this long counts as lost (its worker died) and is retried. */
  expireInSeconds: number;
  retryLimit: number;
  retryDelaySeconds: number;
}

export const defaultQueueSettings: QueueSettings = {
  expireInSeconds: 120,
  retryLimit: 5,
  retryDelaySeconds: 2,
};

export interface OpenQueueOptions {
  /** Run pg-boss maintenance here (expiring lost jobs, archiving); workers do, the web app need not. */
  supervise?: boolean;
  maintenanceIntervalSeconds?: number;
  /** Connections of pg-boss's own pool. */
  poolSize?: number;
  queue?: Partial<QueueSettings>;
  onError?: (error: Error) => void;
}

/** Starts a pg-boss client (creating its schema when missing) and makes sure both queues exist. */
export async function openGradingQueue(databaseUrl: string, options: OpenQueueOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    max: options.poolSize ?? 3,
    application_name: 'infer-lab-grading',
    supervise: options.supervise ?? false,
    schedule: false,
    migrate: true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
  });
  // pg-boss emits pool errors (a restarted server); without a listener they would crash the process.
  boss.on('error', options.onError ?? ((error) => console.error(`grading queue: ${error.message}`)));
  await boss.start();
  await ensureGradingQueues(boss, options.queue);
  return boss;
}

/** Creates the two queues if missing (safe when several processes race to do it). */
export async function ensureGradingQueues(
  boss: PgBoss,
  settings: Partial<QueueSettings> = {},
): Promise<void> {
  const s = { ...defaultQueueSettings, ...settings };
  const queues = [
    { name: GRADE_QUEUE, retryLimit: s.retryLimit },
    // A visible run that fails is answered as failed at once: nobody waits for a retry.
    { name: VISIBLE_QUEUE, retryLimit: 0 },
  ];
  for (const queue of queues) {
    if (await boss.getQueue(queue.name)) continue;
    try {
      await boss.createQueue(queue.name, {
        name: queue.name,
        policy: 'standard',
        retryLimit: queue.retryLimit,
        retryDelay: s.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: s.expireInSeconds,
        retentionMinutes: 60,
      });
    } catch (error) {
      if (!(await boss.getQueue(queue.name))) throw error;
    }
  }
}

export type { PgBoss };
