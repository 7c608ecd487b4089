// What a student sees of a code-blank assignment: the blanks (tests by name only), their best score
// per blank, their submissions with statuses and per-test verdicts (hidden messages after release).
import type { PrismaClient } from '@infer-lab/db';
import {
  type CodeTestResult,
  findCodeBlank,
  hw3CodeBlanks,
  isReleased,
  studentCodeBlank,
  studentCodeResults,
} from '@infer-lab/quiz';
import type { SessionUser } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';
import { deadlineState, effectiveDueAt, findAssignmentFor } from '../quiz/load.ts';

export async function listCodeBlanks(
  prisma: PrismaClient,
  user: SessionUser,
  assignmentId: string,
  now = new Date(),
) {
  const assignment = await findAssignmentFor(prisma, user, assignmentId, 'CODE');
  const best = await prisma.codeBestScore.findMany({
    where: { userId: user.id, assignmentId },
    select: { blankId: true, score: true },
  });
  return {
    assignment: {
      id: assignment.id,
      title: { 'zh-TW': assignment.titleZh, en: assignment.titleEn },
      dueAt: effectiveDueAt(assignment),
      timezone: assignment.course.timezone,
      state: deadlineState(assignment, now),
      released: isReleased(assignment, now),
    },
    blanks: hw3CodeBlanks.map((b) => ({
      id: b.id,
      title: b.title,
      points: b.points,
      bestScore: best.find((x) => x.blankId === b.id)?.score ?? null,
    })),
  };
}

function submissionView(
  s: {
    id: string;
    status: string;
    score: number | null;
    maxScore: number;
    results: unknown;
    error: string | null;
    createdAt: Date;
    gradedAt: Date | null;
  },
  released: boolean,
) {
  return {
    id: s.id,
    status: s.status as 'QUEUED' | 'RUNNING' | 'GRADED' | 'SYSTEM_ERROR',
    score: s.score,
    maxScore: s.maxScore,
    createdAt: s.createdAt,
    gradedAt: s.gradedAt,
    // A grader failure is ours, not the student's: say so, without internals.
    systemError: s.status === 'SYSTEM_ERROR',
    results: s.results ? studentCodeResults(s.results as CodeTestResult[], { released }) : null,
  };
}

export async function getCodeBlank(
  prisma: PrismaClient,
  user: SessionUser,
  assignmentId: string,
  blankId: string,
  now = new Date(),
) {
  const assignment = await findAssignmentFor(prisma, user, assignmentId, 'CODE');
  const blank = findCodeBlank(blankId);
  if (!blank) throw new AppError('NOT_FOUND');
  const released = isReleased(assignment, now);
  const [submissions, best] = await Promise.all([
    prisma.codeSubmission.findMany({
      where: { userId: user.id, assignmentId, blankId },
      orderBy: { createdAt: 'desc' },
      take: 50,
    }),
    prisma.codeBestScore.findUnique({
      where: { userId_assignmentId_blankId: { userId: user.id, assignmentId, blankId } },
    }),
  ]);
  return {
    assignment: {
      id: assignment.id,
      title: { 'zh-TW': assignment.titleZh, en: assignment.titleEn },
      dueAt: effectiveDueAt(assignment),
      timezone: assignment.course.timezone,
      state: deadlineState(assignment, now),
      released,
    },
    blank: studentCodeBlank(blank),
    lastCode: submissions[0]?.code ?? null,
    bestScore: best?.score ?? null,
    bestSubmissionId: best?.submissionId ?? null,
    submissions: submissions.map((s) => submissionView(s, released)),
  };
}

export async function getSubmission(
  prisma: PrismaClient,
  user: SessionUser,
  submissionId: string,
  now = new Date(),
) {
  const s = await prisma.codeSubmission.findUnique({ where: { id: submissionId } });
  if (!s || s.userId !== user.id) throw new AppError('NOT_FOUND');
  const assignment = await findAssignmentFor(prisma, user, s.assignmentId, 'CODE');
  return submissionView(s, isReleased(assignment, now));
}
