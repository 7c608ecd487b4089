// The grading worker process (`npm start` runs one beside the web app; production runs several).
// Settings come from the environment (GRADER_*); their meaning is documented on WorkerOptions.
import { startWorker } from './worker.ts';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('grader: DATABASE_URL is not set');
  process.exit(1);
}
const number = (name: string, fallback: number) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    console.error(`grader: ${name} must be a number ≥ 0, got "${raw}"`);
    process.exit(1);
  }
  return value;
};

const worker = await startWorker({
  databaseUrl: url,
  port: number('GRADER_PORT', 9464),
  pollingIntervalSeconds: number('GRADER_POLL_SECONDS', 0.5),
  maintenanceIntervalSeconds: number('GRADER_MAINTENANCE_SECONDS', 30),
  queue: {
    expireInSeconds: number('GRADER_JOB_EXPIRE_SECONDS', 120),
    retryLimit: number('GRADER_RETRY_LIMIT', 5),
    retryDelaySeconds: number('GRADER_RETRY_DELAY_SECONDS', 2),
  },
  regradeEveryMs: number('GRADER_REGRADE_EVERY_SECONDS', 60) * 1000,
  regradeAfterMs: number('GRADER_REGRADE_AFTER_SECONDS', 300) * 1000,
});
console.log(`grader: ready (pid ${process.pid}, /healthz and /metrics on port ${worker.port})`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await worker.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
