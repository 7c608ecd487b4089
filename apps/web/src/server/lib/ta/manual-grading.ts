// Upload parts wait for a TA. The queue lists each student's uploaded image once per question (an
// image cited by several attempts is graded once); a grade rescores those attempts and the best score.
import type { PrismaClient } from '@infer-lab/db';
import type { AnswerSheet, ScoringPolicy } from '@infer-lab/quiz';
import type { SessionUser } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';
import { quizVersionContent } from '../quiz/load.ts';
import { writeAudit } from './audit.ts';
import { applyRescore, planRescore } from './rescore.ts';

function uploadIdOf(answers: unknown, questionId: string, part: number): string | null {
  const answer = (answers as AnswerSheet)[questionId]?.[String(part)];
  return answer?.kind === 'upload' ? answer.uploadId : null;
}

export async function gradingQueue(prisma: PrismaClient, assignmentId: string) {
  const pending = await prisma.attemptResult.findMany({
    where: { pending: true, attempt: { assignmentId } },
    select: {
      questionId: true,
      part: true,
      maxPoints: true,
      attempt: {
        select: {
          id: true,
          answers: true,
          submittedAt: true,
          user: { select: { id: true, name: true, studentId: true } },
        },
      },
    },
    orderBy: [{ attempt: { submittedAt: 'asc' } }],
  });
  const items = new Map<
    string,
    {
      uploadId: string;
      questionId: string;
      part: number;
      maxPoints: number;
      student: { id: string; name: string; studentId: string | null };
      attemptIds: string[];
      firstSubmittedAt: Date;
    }
  >();
  for (const row of pending) {
    const uploadId = uploadIdOf(row.attempt.answers, row.questionId, row.part);
    if (!uploadId) continue;
    const key = `${row.attempt.user.id}:${row.questionId}:${row.part}:${uploadId}`;
    const item = items.get(key);
    if (item) item.attemptIds.push(row.attempt.id);
    else
      items.set(key, {
        uploadId,
        questionId: row.questionId,
        part: row.part,
        maxPoints: row.maxPoints,
        student: row.attempt.user,
        attemptIds: [row.attempt.id],
        firstSubmittedAt: row.attempt.submittedAt,
      });
  }
  return [...items.values()];
}

export async function gradeUpload(
  prisma: PrismaClient,
  actor: SessionUser,
  input: {
    assignmentId: string;
    uploadId: string;
    questionId: string;
    part: number;
    points: number;
    comment?: string;
  },
) {
  return prisma.$transaction(async (tx) => {
    const assignment = await tx.assignment.findUnique({
      where: { id: input.assignmentId },
      select: { currentVersionId: true, scoringPolicy: true },
    });
    if (!assignment?.currentVersionId) throw new AppError('NOT_FOUND');
    const upload = await tx.upload.findUnique({
      where: { id: input.uploadId },
      select: { userId: true, assignmentId: true, questionId: true },
    });
    if (!upload || upload.assignmentId !== input.assignmentId || upload.questionId !== input.questionId)
      throw new AppError('NOT_PENDING');
    const content = await quizVersionContent(tx as unknown as PrismaClient, assignment.currentVersionId);
    const part = content.questions.find((q) => q.id === input.questionId)?.parts[input.part];
    if (part?.kind !== 'upload') throw new AppError('NOT_PENDING');
    if (!(input.points >= 0 && input.points <= part.points))
      throw new AppError('BAD_GRADE', { max: part.points });
    const attempts = await tx.attempt.findMany({
      where: { assignmentId: input.assignmentId, userId: upload.userId },
      select: { id: true, answers: true },
    });
    const citing = attempts.filter(
      (a) => uploadIdOf(a.answers, input.questionId, input.part) === input.uploadId,
    );
    if (citing.length === 0) throw new AppError('NOT_PENDING');
    for (const attempt of citing) {
      await tx.manualGrade.upsert({
        where: {
          attemptId_questionId_part: {
            attemptId: attempt.id,
            questionId: input.questionId,
            part: input.part,
          },
        },
        create: {
          attemptId: attempt.id,
          questionId: input.questionId,
          part: input.part,
          points: input.points,
          comment: input.comment ?? null,
          graderId: actor.id,
        },
        update: {
          points: input.points,
          comment: input.comment ?? null,
          graderId: actor.id,
          gradedAt: new Date(),
        },
      });
    }
    const plan = await planRescore(
      tx,
      input.assignmentId,
      content,
      assignment.scoringPolicy as ScoringPolicy,
      { userId: upload.userId },
    );
    await applyRescore(tx, input.assignmentId, assignment.currentVersionId, plan);
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'manual-grade',
      assignmentId: input.assignmentId,
      details: {
        userId: upload.userId,
        uploadId: input.uploadId,
        questionId: input.questionId,
        part: input.part,
        points: input.points,
        attempts: citing.length,
      },
    });
    const best = await tx.bestScore.findUnique({
      where: { userId_assignmentId: { userId: upload.userId, assignmentId: input.assignmentId } },
    });
    return { gradedAttempts: citing.length, bestScore: best?.score ?? null };
  });
}
