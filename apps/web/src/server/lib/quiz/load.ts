// Loads an assignment a user may see, with its current quiz version (immutable, so cached by id).
import type { PrismaClient } from '@infer-lab/db';
import { type QuizContent, quizContentSchema, type ScoringPolicy } from '@infer-lab/quiz';
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

export interface LoadedAssignment {
  id: string;
  courseId: string;
  kind: 'QUIZ' | 'CODE';
  titleZh: string;
  titleEn: string;
  opensAt: Date | null;
  dueAt: Date;
  releaseAt: Date;
  releasedAt: Date | null;
  scoringPolicy: ScoringPolicy;
  currentVersionId: string | null;
  /** The student's personal deadline, when a TA granted an extension. */
  extendedDueAt: Date | null;
  course: { title: string; timezone: string };
}

// On the path of every request about an assignment: one query for the assignment, its course, the
// student's extension and the enrolment check. A foreign assignment looks exactly like a missing one.
export async function findAssignmentFor(
  prisma: PrismaClient,
  user: SessionUser,
  assignmentId: string,
  kind: LoadedAssignment['kind'],
): Promise<LoadedAssignment> {
  const rows = await prisma.$queryRaw<
    (Omit<LoadedAssignment, 'course'> & { courseTitle: string; timezone: string; enrolled: boolean })[]
  >`
    SELECT a.id, a."courseId", a.kind::text AS kind, a."titleZh", a."titleEn", a."opensAt", a."dueAt", a."releaseAt",
           a."releasedAt", a."scoringPolicy"::text AS "scoringPolicy", a."currentVersionId"::text AS "currentVersionId",
           c.title AS "courseTitle", c.timezone,
           (SELECT x."dueAt" FROM "Extension" x WHERE x."assignmentId" = a.id AND x."userId" = ${user.id}::uuid) AS "extendedDueAt",
           EXISTS (SELECT 1 FROM "Enrollment" e WHERE e."courseId" = a."courseId" AND e."userId" = ${user.id}::uuid) AS enrolled
    FROM "Assignment" a JOIN "Course" c ON c.id = a."courseId"
    WHERE a.id = ${assignmentId}`;
  const row = rows[0];
  if (!row || row.kind !== kind || (user.role !== 'TA' && !row.enrolled)) throw new AppError('NOT_FOUND');
  const { courseTitle, timezone, enrolled: _, ...fields } = row;
  return { ...fields, course: { title: courseTitle, timezone } };
}

export async function loadAssignmentFor(prisma: PrismaClient, user: SessionUser, assignmentId: string) {
  const assignment = await findAssignmentFor(prisma, user, assignmentId, 'QUIZ');
  if (!assignment.currentVersionId) throw new AppError('NOT_FOUND');
  const content = await quizVersionContent(prisma, assignment.currentVersionId);
  return { assignment, content, versionId: assignment.currentVersionId };
}

/** The deadline that applies to this student: an extension only ever moves it later. */
export function effectiveDueAt(assignment: { dueAt: Date; extendedDueAt?: Date | null }): Date {
  const extended = assignment.extendedDueAt;
  return extended && extended > assignment.dueAt ? extended : assignment.dueAt;
}

export function deadlineState(
  assignment: { opensAt: Date | null; dueAt: Date; extendedDueAt?: Date | null },
  now: Date,
) {
  if (assignment.opensAt && now < assignment.opensAt) return 'not-open' as const;
  return now <= effectiveDueAt(assignment) ? ('open' as const) : ('closed' as const);
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
