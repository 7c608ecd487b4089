import type { PrismaClient } from '@infer-lab/db';
import { checkAnswerSheet } from '@infer-lab/quiz';
import type { SessionUser } from '../auth/sessions.ts';
import { answerError } from './answer-errors.ts';
import { loadAssignmentFor } from './load.ts';

/** Stores the student's unsubmitted answers; the newest save wins. */
export async function saveDraft(
  prisma: PrismaClient,
  user: SessionUser,
  assignmentId: string,
  answers: unknown,
) {
  const { content } = await loadAssignmentFor(prisma, user, assignmentId);
  const checked = checkAnswerSheet(content, answers);
  if (!checked.ok) throw answerError(checked.error);
  const draft = await prisma.draft.upsert({
    where: { userId_assignmentId: { userId: user.id, assignmentId } },
    create: { userId: user.id, assignmentId, answers: checked.sheet },
    update: { answers: checked.sheet, updatedAt: new Date() },
  });
  return { updatedAt: draft.updatedAt };
}
