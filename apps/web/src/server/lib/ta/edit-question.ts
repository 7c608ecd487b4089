// A TA edits one question (texts, options, key, explanation) or gives everyone full credit on it.
// The preview shows what the change would do; applying writes a new quiz version and rescores every
// attempt and best score in one transaction, with an audit entry.
import type { PrismaClient } from '@infer-lab/db';
import { type Question, type QuizContent, type ScoringPolicy, validateQuizContent } from '@infer-lab/quiz';
import type { SessionUser } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';
import { quizVersionContent } from '../quiz/load.ts';
import { writeAudit } from './audit.ts';
import { applyRescore, planRescore } from './rescore.ts';

export type EditMode = 'new-key' | 'full-credit';

export interface QuestionEdit {
  assignmentId: string;
  /** The version the TA edited; a newer one means someone else saved first. */
  baseVersionId: string;
  question: Question;
  mode: EditMode;
}

async function editedContent(prisma: PrismaClient, edit: QuestionEdit) {
  const assignment = await prisma.assignment.findUnique({
    where: { id: edit.assignmentId },
    select: { currentVersionId: true, scoringPolicy: true },
  });
  if (!assignment?.currentVersionId) throw new AppError('NOT_FOUND');
  if (assignment.currentVersionId !== edit.baseVersionId) throw new AppError('VERSION_CONFLICT');
  const current = await quizVersionContent(prisma, assignment.currentVersionId);
  const index = current.questions.findIndex((q) => q.id === edit.question.id);
  const before = current.questions[index];
  if (!before) throw new AppError('UNKNOWN_QUESTION', { questionId: edit.question.id });
  const sameShape =
    before.number === edit.question.number &&
    before.parts.length === edit.question.parts.length &&
    before.parts.every((p, i) => p.kind === edit.question.parts[i]?.kind);
  if (!sameShape) throw new AppError('PART_STRUCTURE', { questionId: edit.question.id });
  const question: Question = { ...edit.question, fullCredit: edit.mode === 'full-credit' ? true : undefined };
  if (question.fullCredit === undefined) delete question.fullCredit;
  const next: QuizContent = {
    ...current,
    questions: current.questions.map((q, i) => (i === index ? question : q)),
  };
  const checked = validateQuizContent(next);
  if (!checked.ok) {
    throw new AppError('INVALID_CONTENT', {
      detail: checked.issues.map((i) => `${i.path}: ${i.message}`).join('; '),
    });
  }
  return { content: checked.content, policy: assignment.scoringPolicy as ScoringPolicy, before };
}

export async function previewQuestionEdit(prisma: PrismaClient, edit: QuestionEdit) {
  const { content, policy } = await editedContent(prisma, edit);
  const plan = await planRescore(prisma, edit.assignmentId, content, policy);
  return {
    attempts: plan.attempts.length,
    changedAttempts: plan.changedAttempts,
    changedBestScores: plan.changedBest.length,
    raisedBestScores: plan.changedBest.filter((b) => b.newBest > b.oldBest).length,
    loweredBestScores: plan.changedBest.filter((b) => b.newBest < b.oldBest).length,
  };
}

export async function applyQuestionEdit(prisma: PrismaClient, actor: SessionUser, edit: QuestionEdit) {
  return prisma.$transaction(
    async (tx) => {
      // Serialise edits of one assignment: the second waits here, then fails the version check.
      await tx.$queryRaw`SELECT id FROM "Assignment" WHERE id = ${edit.assignmentId} FOR UPDATE`;
      const { content, policy, before } = await editedContent(tx as unknown as PrismaClient, edit);
      const last = await tx.quizVersion.aggregate({
        where: { assignmentId: edit.assignmentId },
        _max: { version: true },
      });
      const version = await tx.quizVersion.create({
        data: { assignmentId: edit.assignmentId, version: (last._max.version ?? 0) + 1, content },
      });
      await tx.assignment.update({
        where: { id: edit.assignmentId },
        data: { currentVersionId: version.id },
      });
      const plan = await planRescore(tx, edit.assignmentId, content, policy);
      await applyRescore(tx, edit.assignmentId, version.id, plan);
      await writeAudit(tx, {
        actorId: actor.id,
        action: edit.mode === 'full-credit' ? 'question.full-credit' : 'question.edit',
        assignmentId: edit.assignmentId,
        details: {
          questionId: edit.question.id,
          version: version.version,
          keysBefore: before.parts.map((p) => (p.kind === 'choice' ? p.key : null)),
          keysAfter: edit.question.parts.map((p) => (p.kind === 'choice' ? p.key : null)),
          changedAttempts: plan.changedAttempts,
          changedBestScores: plan.changedBest.length,
        },
      });
      return {
        versionId: version.id,
        version: version.version,
        changedAttempts: plan.changedAttempts,
        changedBestScores: plan.changedBest.length,
      };
    },
    { timeout: 60_000 },
  );
}
