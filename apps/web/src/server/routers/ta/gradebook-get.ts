import { gradebook } from '../../lib/ta/gradebook.ts';
import { taProcedure } from '../../trpc/init.ts';
import { assignmentInput } from './inputs.ts';

export const gradebookGet = taProcedure
  .input(assignmentInput)
  .query(({ ctx, input }) => gradebook(ctx.prisma, input.assignmentId));
