// What a student sees of one quiz: the questions (keys and explanations only after release), their
// draft, their best score and attempt history.
import type { PrismaClient } from '@infer-lab/db';
import { isReleased, studentView } from '@infer-lab/quiz';
import type { SessionUser } from '../auth/sessions.ts';
import { deadlineState, effectiveDueAt, loadAssignmentFor } from './load.ts';

export async function getStudentQuiz(
  prisma: PrismaClient,
  user: SessionUser,
  assignmentId: string,
  now = new Date(),
) {
  const { assignment, content } = await loadAssignmentFor(prisma, user, assignmentId);
  const released = isReleased(assignment, now);
  const [draft, best] = await Promise.all([
    prisma.draft.findUnique({ where: { userId_assignmentId: { userId: user.id, assignmentId } } }),
    prisma.bestScore.findUnique({ where: { userId_assignmentId: { userId: user.id, assignmentId } } }),
  ]);
  return {
    assignment: {
      id: assignment.id,
      title: { 'zh-TW': assignment.titleZh, en: assignment.titleEn },
      courseTitle: assignment.course.title,
      timezone: assignment.course.timezone,
      opensAt: assignment.opensAt,
      dueAt: effectiveDueAt(assignment),
      extended: effectiveDueAt(assignment) > assignment.dueAt,
      releaseAt: assignment.releasedAt ?? assignment.releaseAt,
      state: deadlineState(assignment, now),
      released,
      scoringPolicy: assignment.scoringPolicy,
    },
    content: studentView(content, { released }),
    draft: draft ? { answers: draft.answers, updatedAt: draft.updatedAt } : null,
    bestScore: best?.score ?? null,
  };
}

export async function listAttempts(
  prisma: PrismaClient,
  user: SessionUser,
  assignmentId: string,
  now = new Date(),
) {
  const { assignment } = await loadAssignmentFor(prisma, user, assignmentId);
  const released = isReleased(assignment, now);
  const [attempts, best] = await Promise.all([
    prisma.attempt.findMany({
      where: { assignmentId, userId: user.id },
      orderBy: { submittedAt: 'desc' },
      select: {
        id: true,
        submittedAt: true,
        score: true,
        maxScore: true,
        // Per-question correctness is part of the answers: hidden until release.
        ...(released
          ? { answers: true, results: { orderBy: [{ questionId: 'asc' }, { part: 'asc' }] } }
          : {}),
      },
    }),
    prisma.bestScore.findUnique({ where: { userId_assignmentId: { userId: user.id, assignmentId } } }),
  ]);
  return { released, bestAttemptId: best?.attemptId ?? null, bestScore: best?.score ?? null, attempts };
}
