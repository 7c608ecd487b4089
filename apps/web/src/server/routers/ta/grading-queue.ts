import { gradingQueue } from '../../lib/ta/manual-grading.ts';
import { taProcedure } from '../../trpc/init.ts';
import { assignmentInput } from './inputs.ts';

export const gradingQueueList = taProcedure
  .input(assignmentInput)
  .query(({ ctx, input }) => gradingQueue(ctx.prisma, input.assignmentId));
