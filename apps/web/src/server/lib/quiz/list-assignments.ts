import type { PrismaClient } from '@infer-lab/db';
import type { SessionUser } from '../auth/sessions.ts';
import { deadlineState } from './load.ts';

/** The assignments of every course the user is enrolled in (a TA sees all), soonest deadline first. */
export async function listAssignments(prisma: PrismaClient, user: SessionUser, now = new Date()) {
  const assignments = await prisma.assignment.findMany({
    where: user.role === 'TA' ? {} : { course: { enrollments: { some: { userId: user.id } } } },
    orderBy: { dueAt: 'desc' },
    include: {
      course: { select: { title: true, timezone: true } },
      bestScores: { where: { userId: user.id }, select: { score: true } },
      _count: { select: { attempts: { where: { userId: user.id } } } },
    },
  });
  return assignments.map((a) => ({
    id: a.id,
    kind: a.kind,
    title: { 'zh-TW': a.titleZh, en: a.titleEn },
    courseTitle: a.course.title,
    timezone: a.course.timezone,
    dueAt: a.dueAt,
    state: deadlineState(a, now),
    bestScore: a.bestScores[0]?.score ?? null,
    attempts: a._count.attempts,
  }));
}
