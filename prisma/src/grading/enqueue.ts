// Submitting code: the submission row (QUEUED) and its grading job are written in ONE transaction,
// so a submission is never stored without a job nor a job sent for a submission that rolled back.
import type { PrismaClient } from '../client.ts';
import { GRADE_QUEUE, type GradeJob, type PgBoss } from './queue.ts';

type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** pg-boss runs its SQL through this, i.e. inside the Prisma transaction. */
function transactionDb(tx: Transaction) {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const params = values.map((v) =>
        v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v,
      );
      const rows = await tx.$queryRawUnsafe<Record<string, unknown>[]>(text, ...params);
      return { rows };
    },
  };
}

export class GradingInputError extends Error {
  override readonly name = 'GradingInputError';
}

export interface SubmissionInput {
  userId: string;
  assignmentId: string;
  blankId: string;
  code: string;
  maxScore: number;
}

/** Stores the submission and queues its grading; the caller has checked deadline and blank. */
export async function enqueueSubmission(
  prisma: PrismaClient,
  boss: PgBoss,
  input: SubmissionInput,
): Promise<{ submissionId: string }> {
  return prisma.$transaction(
    async (tx) => {
      const assignment = await tx.assignment.findUnique({
        where: { id: input.assignmentId },
        select: { kind: true },
      });
      if (!assignment) throw new GradingInputError(`Assignment ${input.assignmentId} does not exist`);
      if (assignment.kind !== 'CODE')
        throw new GradingInputError(`Assignment ${input.assignmentId} is not a code assignment`);
      const submission = await tx.codeSubmission.create({
        data: {
          userId: input.userId,
          assignmentId: input.assignmentId,
          blankId: input.blankId,
          code: input.code,
          maxScore: input.maxScore,
        },
        select: { id: true },
      });
      await sendGradeJob(boss, submission.id, tx);
      return { submissionId: submission.id };
    },
    { maxWait: 10_000, timeout: 10_000 },
  );
}

/** Queues grading of an existing submission inside `tx`; the first job of a submission has its id. */
export async function sendGradeJob(
  boss: PgBoss,
  submissionId: string,
  tx: Transaction,
  options: { regrade?: boolean } = {},
): Promise<string> {
  const data: GradeJob = { submissionId };
  const jobId = await boss.send(GRADE_QUEUE, data, {
    ...(options.regrade ? {} : { id: submissionId }),
    db: transactionDb(tx),
  });
  if (!jobId)
    throw new Error(
      `grading: queue "${GRADE_QUEUE}" does not exist or refused the job (run openGradingQueue first)`,
    );
  return jobId;
}

/**
 * Requeues submissions stuck in SYSTEM_ERROR (the grader failed and its retries ran out) whose last
 * grading began over `olderThanMs` ago. Each one moves to QUEUED with a new job in one transaction;
 * the status check makes concurrent callers requeue it once. Returns how many were requeued.
 */
export async function regradeSystemErrors(
  prisma: PrismaClient,
  boss: PgBoss,
  options: { olderThanMs?: number; limit?: number } = {},
): Promise<number> {
  const before = new Date(Date.now() - (options.olderThanMs ?? 5 * 60_000));
  const stuck = await prisma.codeSubmission.findMany({
    where: { status: 'SYSTEM_ERROR', OR: [{ startedAt: null }, { startedAt: { lt: before } }] },
    select: { id: true },
    take: options.limit ?? 100,
  });
  let requeued = 0;
  for (const { id } of stuck) {
    await prisma.$transaction(async (tx) => {
      const moved = await tx.codeSubmission.updateMany({
        where: { id, status: 'SYSTEM_ERROR' },
        data: { status: 'QUEUED' },
      });
      if (moved.count === 1) {
        await sendGradeJob(boss, id, tx, { regrade: true });
        requeued++;
      }
    });
  }
  return requeued;
}
