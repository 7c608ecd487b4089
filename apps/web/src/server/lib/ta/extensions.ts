// Personal deadline extensions, enforced wherever the deadline is checked (effectiveDueAt).
import type { PrismaClient } from '@infer-lab/db';
import type { SessionUser } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';
import { writeAudit } from './audit.ts';

export async function listExtensions(prisma: PrismaClient, assignmentId: string) {
  return prisma.extension.findMany({
    where: { assignmentId },
    orderBy: { createdAt: 'desc' },
    select: {
      dueAt: true,
      reason: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true, studentId: true } },
      grantedBy: { select: { name: true } },
    },
  });
}

export async function grantExtension(
  prisma: PrismaClient,
  actor: SessionUser,
  input: { assignmentId: string; userId: string; dueAt: Date; reason?: string },
) {
  return prisma.$transaction(async (tx) => {
    const assignment = await tx.assignment.findUnique({
      where: { id: input.assignmentId },
      select: { courseId: true, dueAt: true },
    });
    if (!assignment) throw new AppError('NOT_FOUND');
    const enrolled = await tx.enrollment.findUnique({
      where: { userId_courseId: { userId: input.userId, courseId: assignment.courseId } },
      select: { userId: true, user: { select: { role: true } } },
    });
    if (enrolled?.user.role !== 'STUDENT') throw new AppError('UNKNOWN_STUDENT');
    const data = { dueAt: input.dueAt, reason: input.reason ?? null, grantedById: actor.id };
    const extension = await tx.extension.upsert({
      where: { userId_assignmentId: { userId: input.userId, assignmentId: input.assignmentId } },
      create: { userId: input.userId, assignmentId: input.assignmentId, ...data },
      update: data,
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'extension.grant',
      assignmentId: input.assignmentId,
      details: { userId: input.userId, dueAt: input.dueAt.toISOString(), reason: input.reason ?? null },
    });
    return extension;
  });
}

export async function revokeExtension(
  prisma: PrismaClient,
  actor: SessionUser,
  input: { assignmentId: string; userId: string },
) {
  await prisma.$transaction(async (tx) => {
    await tx.extension.deleteMany({ where: { assignmentId: input.assignmentId, userId: input.userId } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'extension.revoke',
      assignmentId: input.assignmentId,
      details: { userId: input.userId },
    });
  });
  return { ok: true };
}
