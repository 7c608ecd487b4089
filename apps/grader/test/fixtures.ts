// Shared setup of the grader's integration tests: a migrated database with a course, a CODE
// assignment and two students; helpers to wait for gradings.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { PrismaClient } from '@infer-lab/db';
import { seedCodeBlanks } from '../src/seed.ts';

export const COURSE = 'ml-2026-spring';
export const ASSIGNMENT = 'hw3-code-blanks';

export async function seedStudents(prisma: PrismaClient): Promise<{ alice: string; bob: string }> {
  await prisma.course.create({ data: { id: COURSE, title: 'ML 2026 Spring' } });
  await seedCodeBlanks(prisma, new Date());
  const make = (email: string) => prisma.user.create({ data: { email, name: email, passwordHash: 'x' } });
  const [alice, bob] = await Promise.all([make('alice@test.local'), make('bob@test.local')]);
  return { alice: alice.id, bob: bob.id };
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function waitForStatus(prisma: PrismaClient, id: string, status: string, timeoutMs?: number) {
  return waitFor(
    `submission ${id} to be ${status}`,
    async () => {
      const row = await prisma.codeSubmission.findUnique({ where: { id } });
      return row?.status === status ? row : undefined;
    },
    timeoutMs,
  );
}

export interface WorkerProcess {
  child: ChildProcess;
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

const mainPath = fileURLToPath(new URL('../src/main.ts', import.meta.url));

/** A real worker process (src/main.ts), resolved once it says it is ready. */
export async function spawnWorker(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--no-node-snapshot', '--import', 'tsx', mainPath], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      GRADER_PORT: '0',
      GRADER_MAINTENANCE_SECONDS: '1',
      GRADER_POLL_SECONDS: '0.5',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitFor(
    'the worker to be ready',
    async () => {
      if (child.exitCode !== null) throw new Error(`worker exited early:\n${output}`);
      return output.includes('grader: ready');
    },
    30_000,
  ).catch((error) => {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${output}`);
  });
  return {
    child,
    output: () => output,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
