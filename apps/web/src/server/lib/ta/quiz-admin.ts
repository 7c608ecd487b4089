// What a TA sees of a quiz: the full current version (keys and explanations) and the audit trail.
import type { PrismaClient } from '@infer-lab/db';
import { isReleased } from '@infer-lab/quiz';
import { AppError } from '../errors.ts';
import { quizVersionContent } from '../quiz/load.ts';

export async function taQuiz(prisma: PrismaClient, assignmentId: string, now = new Date()) {
  const assignment = await prisma.assignment.findUnique({
    where: { id: assignmentId },
    include: {
      course: { select: { title: true, timezone: true } },
      currentVersion: { select: { version: true } },
    },
  });
  if (!assignment?.currentVersionId) throw new AppError('NOT_FOUND');
  return {
    assignment: {
      id: assignment.id,
      title: { 'zh-TW': assignment.titleZh, en: assignment.titleEn },
      dueAt: assignment.dueAt,
      releaseAt: assignment.releaseAt,
      releasedAt: assignment.releasedAt,
      released: isReleased(assignment, now),
      timezone: assignment.course.timezone,
      scoringPolicy: assignment.scoringPolicy,
      versionId: assignment.currentVersionId,
      version: assignment.currentVersion?.version ?? 1,
    },
    content: await quizVersionContent(prisma, assignment.currentVersionId),
  };
}

export async function taAssignments(prisma: PrismaClient) {
  const rows = await prisma.assignment.findMany({
    orderBy: { dueAt: 'desc' },
    select: {
      id: true,
      kind: true,
      titleZh: true,
      titleEn: true,
      dueAt: true,
      releaseAt: true,
      releasedAt: true,
      course: { select: { title: true, timezone: true } },
      _count: { select: { attempts: true, bestScores: true } },
    },
  });
  return rows.map((a) => ({
    id: a.id,
    kind: a.kind,
    title: { 'zh-TW': a.titleZh, en: a.titleEn },
    courseTitle: a.course.title,
    timezone: a.course.timezone,
    dueAt: a.dueAt,
    releaseAt: a.releasedAt ?? a.releaseAt,
    attempts: a._count.attempts,
    students: a._count.bestScores,
  }));
}

export async function auditTrail(prisma: PrismaClient, assignmentId: string) {
  return prisma.auditLog.findMany({
    where: { assignmentId },
    orderBy: { createdAt: 'desc' },
    take: 200,
    select: {
      id: true,
      action: true,
      details: true,
      createdAt: true,
      actor: { select: { name: true, email: true } },
    },
  });
}
