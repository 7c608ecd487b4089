// The web process's grading-queue client (pg-boss in the platform's PostgreSQL), opened on first use.
import { openGradingQueue, type PgBoss } from '@infer-lab/db/grading';

let queue: Promise<PgBoss> | undefined;

export function gradingQueue(): Promise<PgBoss> {
  const url = process.env.DATABASE_URL;
  if (!url) return Promise.reject(new Error('DATABASE_URL is not set'));
  queue ??= openGradingQueue(url, { supervise: false, poolSize: 3 }).catch((error) => {
    queue = undefined; // try again on the next request
    throw error;
  });
  return queue;
}
