// Loads an assignment a user may see, with its current quiz version (immutable, so cached by id).
import type { PrismaClient } from '@infer-lab/db';
import { type QuizContent, quizContentSchema } from '@infer-lab/quiz';
import type { SessionUser } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';

const contentByVersion = new Map<string, QuizContent>();

export async function quizVersionContent(prisma: PrismaClient, versionId: string): Promise<QuizContent> {
  const cached = contentByVersion.get(versionId);
  if (cached) return cached;
  const version = await prisma.quizVersion.findUniqueOrThrow({ where: { id: versionId } });
  const content = quizContentSchema.parse(version.content) as QuizContent;
  contentByVersion.set(versionId, content);
  return content;
}

export async function loadAssignmentFor(prisma: PrismaClient, user: SessionUser, assignmentId: string) {
  const assignment = await prisma.assignment.findUnique({
    where: { id: assignmentId },
    include: { course: { select: { id: true, title: true, timezone: true } } },
  });
  if (!assignment) throw new AppError('NOT_FOUND');
  if (user.role !== 'TA') {
    const enrolled = await prisma.enrollment.findUnique({
      where: { userId_courseId: { userId: user.id, courseId: assignment.courseId } },
      select: { userId: true },
    });
    // A foreign assignment looks exactly like a missing one.
    if (!enrolled) throw new AppError('NOT_FOUND');
  }
  if (!assignment.currentVersionId) throw new AppError('NOT_FOUND');
  const content = await quizVersionContent(prisma, assignment.currentVersionId);
  return { assignment, content, versionId: assignment.currentVersionId };
}

export type LoadedAssignment = Awaited<ReturnType<typeof loadAssignmentFor>>['assignment'];

export function deadlineState(assignment: Pick<LoadedAssignment, 'opensAt' | 'dueAt'>, now: Date) {
  if (assignment.opensAt && now < assignment.opensAt) return 'not-open' as const;
  return now <= assignment.dueAt ? ('open' as const) : ('closed' as const);
}

/** '2026-04-09 23:59:59 (Asia/Taipei)': unambiguous in both languages. */
export function formatDeadline(at: Date, timeZone: string): string {
  const local = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(at);
  return `${local} (${timeZone})`;
}
