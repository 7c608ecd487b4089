import type { PrismaClient } from '@infer-lab/db';
import type { SessionUser } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';
import { writeAudit } from './audit.ts';

/** Keys and explanations become visible to students now instead of at the release time. */
export async function releaseNow(
  prisma: PrismaClient,
  actor: SessionUser,
  assignmentId: string,
  now = new Date(),
) {
  return prisma.$transaction(async (tx) => {
    const assignment = await tx.assignment.findUnique({
      where: { id: assignmentId },
      select: { releasedAt: true, releaseAt: true },
    });
    if (!assignment) throw new AppError('NOT_FOUND');
    if (assignment.releasedAt) return { releasedAt: assignment.releasedAt };
    const updated = await tx.assignment.update({ where: { id: assignmentId }, data: { releasedAt: now } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'release',
      assignmentId,
      details: { releasedAt: now.toISOString() },
    });
    return { releasedAt: updated.releasedAt };
  });
}
