import { auditTrail } from '../../lib/ta/quiz-admin.ts';
import { taProcedure } from '../../trpc/init.ts';
import { assignmentInput } from './inputs.ts';

export const auditList = taProcedure
  .input(assignmentInput)
  .query(({ ctx, input }) => auditTrail(ctx.prisma, input.assignmentId));
