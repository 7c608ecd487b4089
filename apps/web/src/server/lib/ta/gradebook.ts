// One row per enrolled student: best score, attempts, last submission, per-question points of the
// best attempt.
import type { PrismaClient } from '@infer-lab/db';
import { hw3CodeBlanks, roundPoints } from '@infer-lab/quiz';
import { AppError } from '../errors.ts';
import { quizVersionContent } from '../quiz/load.ts';

type PerQuestion = Record<string, { points: number; correct: boolean; pending: boolean }>;

/** Who the student is, as every gradebook row and the CSV export name them. */
const studentIdentity = { id: true, name: true, email: true, studentId: true } as const;

function studentRow(
  section: string | null,
  user: { id: string; name: string; email: string; studentId: string | null },
  grades: {
    bestScore: number | null;
    attempts: number;
    lastSubmittedAt: Date | null;
    perQuestion: PerQuestion;
  },
) {
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    studentId: user.studentId,
    section,
    ...grades,
  };
}

/** By student number (e-mail for accounts without one), the order of the course's own lists. */
function byStudentNumber(
  a: { studentId: string | null; email: string },
  b: { studentId: string | null; email: string },
): number {
  return (a.studentId ?? a.email).localeCompare(b.studentId ?? b.email);
}

export async function gradebook(prisma: PrismaClient, assignmentId: string) {
  const assignment = await prisma.assignment.findUnique({
    where: { id: assignmentId },
    select: { id: true, kind: true, titleZh: true, titleEn: true, courseId: true, currentVersionId: true },
  });
  if (assignment?.kind === 'CODE') return codeGradebook(prisma, { ...assignment });
  if (!assignment?.currentVersionId) throw new AppError('NOT_FOUND');
  const content = await quizVersionContent(prisma, assignment.currentVersionId);
  const enrollments = await prisma.enrollment.findMany({
    where: { courseId: assignment.courseId, user: { role: 'STUDENT' } },
    select: {
      section: true,
      user: {
        select: {
          ...studentIdentity,
          bestScores: {
            where: { assignmentId },
            select: { score: true, attempt: { select: { id: true, results: true } } },
          },
          attempts: {
            where: { assignmentId },
            select: { submittedAt: true },
            orderBy: { submittedAt: 'desc' },
          },
        },
      },
    },
  });
  const maxScore = roundPoints(
    content.questions.flatMap((q) => q.parts).reduce((sum, p) => sum + p.points, 0),
  );
  const students = enrollments.map(({ section, user }) => {
    const best = user.bestScores[0];
    const perQuestion: PerQuestion = {};
    for (const r of best?.attempt.results ?? []) {
      const entry = perQuestion[r.questionId] ?? { points: 0, correct: true, pending: false };
      entry.points = roundPoints(entry.points + r.points);
      entry.correct &&= r.correct;
      entry.pending ||= r.pending;
      perQuestion[r.questionId] = entry;
    }
    return studentRow(section, user, {
      bestScore: best?.score ?? null,
      attempts: user.attempts.length,
      lastSubmittedAt: user.attempts[0]?.submittedAt ?? null,
      perQuestion,
    });
  });
  const questions = content.questions.map((q) => ({
    id: q.id,
    number: q.number,
    points: roundPoints(q.parts.reduce((s, p) => s + p.points, 0)),
  }));
  return gradebookOf(assignment, maxScore, questions, students);
}

/** A code-blank assignment: one column per blank (its best score), the total is their sum. */
async function codeGradebook(
  prisma: PrismaClient,
  assignment: { id: string; titleZh: string; titleEn: string; courseId: string },
) {
  const enrollments = await prisma.enrollment.findMany({
    where: { courseId: assignment.courseId, user: { role: 'STUDENT' } },
    select: {
      section: true,
      user: {
        select: {
          ...studentIdentity,
          codeBestScores: { where: { assignmentId: assignment.id }, select: { blankId: true, score: true } },
          codeSubmissions: {
            where: { assignmentId: assignment.id },
            select: { createdAt: true },
            orderBy: { createdAt: 'desc' },
          },
        },
      },
    },
  });
  const students = enrollments.map(({ section, user }) => {
    const perQuestion: PerQuestion = {};
    for (const blank of hw3CodeBlanks) {
      const best = user.codeBestScores.find((b) => b.blankId === blank.id);
      if (best)
        perQuestion[blank.id] = { points: best.score, correct: best.score === blank.points, pending: false };
    }
    return studentRow(section, user, {
      bestScore: user.codeBestScores.length
        ? roundPoints(user.codeBestScores.reduce((sum, b) => sum + b.score, 0))
        : null,
      attempts: user.codeSubmissions.length,
      lastSubmittedAt: user.codeSubmissions[0]?.createdAt ?? null,
      perQuestion,
    });
  });
  const maxScore = roundPoints(hw3CodeBlanks.reduce((sum, b) => sum + b.points, 0));
  const questions = hw3CodeBlanks.map((b, i) => ({ id: b.id, number: i + 1, points: b.points }));
  return gradebookOf(assignment, maxScore, questions, students);
}

/** The gradebook as the TA console and the CSV export read it: students in the course's order. */
function gradebookOf(
  assignment: { id: string; titleZh: string; titleEn: string },
  maxScore: number,
  questions: { id: string; number: number; points: number }[],
  students: ReturnType<typeof studentRow>[],
) {
  students.sort(byStudentNumber);
  return {
    assignment: {
      id: assignment.id,
      title: { 'zh-TW': assignment.titleZh, en: assignment.titleEn },
      maxScore,
    },
    questions,
    students,
  };
}
