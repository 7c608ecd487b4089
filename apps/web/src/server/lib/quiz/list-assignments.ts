import type { PrismaClient } from '@infer-lab/db';
import type { SessionUser } from '../auth/sessions.ts';
import { deadlineState, effectiveDueAt } from './load.ts';

/** The assignments of every course the user is enrolled in (a TA sees all), soonest deadline first. */
export async function listAssignments(prisma: PrismaClient, user: SessionUser, now = new Date()) {
  const assignments = await prisma.assignment.findMany({
    where: user.role === 'TA' ? {} : { course: { enrollments: { some: { userId: user.id } } } },
    orderBy: { dueAt: 'desc' },
    include: {
      course: { select: { title: true, timezone: true } },
      bestScores: { where: { userId: user.id }, select: { score: true } },
      extensions: { where: { userId: user.id }, select: { dueAt: true } },
      _count: { select: { attempts: { where: { userId: user.id } } } },
    },
  });
  return assignments.map((a) => {
    const due = effectiveDueAt({ dueAt: a.dueAt, extendedDueAt: a.extensions[0]?.dueAt ?? null });
    return {
      id: a.id,
      kind: a.kind,
      title: { 'zh-TW': a.titleZh, en: a.titleEn },
      courseTitle: a.course.title,
      timezone: a.course.timezone,
      dueAt: due,
      extended: due > a.dueAt,
      state: deadlineState({ opensAt: a.opensAt, dueAt: due }, now),
      bestScore: a.bestScores[0]?.score ?? null,
      attempts: a._count.attempts,
    };
  });
}
