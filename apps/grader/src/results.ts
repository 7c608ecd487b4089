// The submission's life in the database. claim → RUNNING (attempts + 1); record → GRADED with its
// results and the best score, in ONE transaction; a failure of the grader → SYSTEM_ERROR (no score,
// so no credit is lost). Every write skips a submission already GRADED: a retried or duplicated job
// never records a second result.
import type { PrismaClient } from '@infer-lab/db';
import type { Grading } from './grade.ts';

export interface ClaimedSubmission {
  id: string;
  userId: string;
  assignmentId: string;
  blankId: string;
  code: string;
}

export async function claimSubmission(prisma: PrismaClient, id: string): Promise<ClaimedSubmission | null> {
  const rows = await prisma.$queryRaw<ClaimedSubmission[]>`
    UPDATE "CodeSubmission" SET status = 'RUNNING', attempts = attempts + 1, "startedAt" = now()
    WHERE id = ${id}::uuid AND status <> 'GRADED'
    RETURNING id, "userId", "assignmentId", "blankId", code`;
  return rows[0] ?? null;
}

/** Returns false when the submission was already graded (nothing written). */
export async function recordGrading(prisma: PrismaClient, id: string, grading: Grading): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const graded = await tx.$queryRaw<{ userId: string; assignmentId: string; blankId: string }[]>`
      UPDATE "CodeSubmission"
      SET status = 'GRADED', score = ${grading.score}, "maxScore" = ${grading.maxScore},
          results = ${JSON.stringify(grading.results)}::jsonb, error = NULL, "gradedAt" = now()
      WHERE id = ${id}::uuid AND status <> 'GRADED'
      RETURNING "userId", "assignmentId", "blankId"`;
    const row = graded[0];
    if (!row) return false;
    await tx.$executeRaw`
      INSERT INTO "CodeBestScore" ("userId", "assignmentId", "blankId", "submissionId", score, "updatedAt")
      VALUES (${row.userId}::uuid, ${row.assignmentId}, ${row.blankId}, ${id}::uuid, ${grading.score}, now())
      ON CONFLICT ("userId", "assignmentId", "blankId") DO UPDATE
      SET "submissionId" = EXCLUDED."submissionId", score = EXCLUDED.score, "updatedAt" = EXCLUDED."updatedAt"
      WHERE "CodeBestScore".score < EXCLUDED.score`;
    return true;
  });
}

export async function markSystemError(prisma: PrismaClient, id: string, error: string): Promise<void> {
  await prisma.$executeRaw`
    UPDATE "CodeSubmission" SET status = 'SYSTEM_ERROR', error = ${error.slice(0, 2_000)}
    WHERE id = ${id}::uuid AND status <> 'GRADED'`;
}
