import type { PrismaClient } from '@infer-lab/db';
import { type AnswerSheet, analyzeItems } from '@infer-lab/quiz';
import { AppError } from '../errors.ts';
import { quizVersionContent } from '../quiz/load.ts';

/** Item analysis over each student's best attempt, under the current key. */
export async function itemAnalysis(prisma: PrismaClient, assignmentId: string) {
  const assignment = await prisma.assignment.findUnique({
    where: { id: assignmentId },
    select: { currentVersionId: true },
  });
  if (!assignment?.currentVersionId) throw new AppError('NOT_FOUND');
  const content = await quizVersionContent(prisma, assignment.currentVersionId);
  const best = await prisma.bestScore.findMany({
    where: { assignmentId },
    select: { userId: true, score: true, attempt: { select: { answers: true, results: true } } },
  });
  return analyzeItems(
    content,
    best.map((b) => ({
      userId: b.userId,
      score: b.score,
      sheet: b.attempt.answers as AnswerSheet,
      results: b.attempt.results,
    })),
  );
}
