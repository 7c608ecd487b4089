// Submitting: check the deadline by the server's clock, check and score the answers, then store the
// attempt, its per-part results and the best score in one transaction.
import { Prisma, type PrismaClient } from '@infer-lab/db';
import { type AnswerSheet, checkAnswerSheet, scoreAttempt } from '@infer-lab/quiz';
import type { SessionUser } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';
import { answerError } from './answer-errors.ts';
import { deadlineState, formatDeadline, loadAssignmentFor } from './load.ts';

async function checkUploads(
  prisma: PrismaClient,
  user: SessionUser,
  assignmentId: string,
  sheet: AnswerSheet,
) {
  for (const [questionId, parts] of Object.entries(sheet)) {
    for (const answer of Object.values(parts)) {
      if (answer.kind !== 'upload') continue;
      const upload = await prisma.upload.findFirst({
        where: { id: answer.uploadId, userId: user.id, assignmentId, questionId },
        select: { id: true },
      });
      if (!upload) throw new AppError('UNKNOWN_UPLOAD', { questionId });
    }
  }
}

export async function submitAttempt(
  prisma: PrismaClient,
  user: SessionUser,
  assignmentId: string,
  answers: unknown,
  now = new Date(),
) {
  const { assignment, content, versionId } = await loadAssignmentFor(prisma, user, assignmentId);
  const state = deadlineState(assignment, now);
  if (state === 'not-open') throw new AppError('NOT_OPEN');
  if (state === 'closed') {
    throw new AppError('DEADLINE_PASSED', {
      deadline: formatDeadline(assignment.dueAt, assignment.course.timezone),
    });
  }
  const checked = checkAnswerSheet(content, answers);
  if (!checked.ok) throw answerError(checked.error);
  await checkUploads(prisma, user, assignmentId, checked.sheet);
  const scored = scoreAttempt(content, checked.sheet, assignment.scoringPolicy);

  return prisma.$transaction(async (tx) => {
    const attempt = await tx.attempt.create({
      data: {
        assignmentId,
        userId: user.id,
        versionId,
        answers: checked.sheet,
        score: scored.score,
        maxScore: scored.maxScore,
        submittedAt: now,
        results: { createMany: { data: scored.results } },
      },
      select: { id: true, submittedAt: true, score: true, maxScore: true },
    });
    // Keep the higher score; concurrent submissions serialise on the row, so the max always wins.
    await tx.$executeRaw(Prisma.sql`
      INSERT INTO "BestScore" ("userId", "assignmentId", "attemptId", "score", "updatedAt")
      VALUES (${user.id}::uuid, ${assignmentId}, ${attempt.id}::uuid, ${scored.score}, now())
      ON CONFLICT ("userId", "assignmentId") DO UPDATE
        SET "attemptId" = EXCLUDED."attemptId", "score" = EXCLUDED."score", "updatedAt" = now()
        WHERE "BestScore"."score" < EXCLUDED."score"`);
    const best = await tx.bestScore.findUniqueOrThrow({
      where: { userId_assignmentId: { userId: user.id, assignmentId } },
      select: { score: true, attemptId: true },
    });
    return { attempt, bestScore: best.score, isBest: best.attemptId === attempt.id };
  });
}
