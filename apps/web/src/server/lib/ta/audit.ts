import type { Prisma } from '@infer-lab/db';

type Tx = Prisma.TransactionClient;

/** Records who did what; written in the same transaction as the change it describes. */
export async function writeAudit(
  tx: Tx,
  entry: { actorId: string; action: string; assignmentId?: string | null; details: Prisma.InputJsonValue },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      assignmentId: entry.assignmentId ?? null,
      details: entry.details,
    },
  });
}
