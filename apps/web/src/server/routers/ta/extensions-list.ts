import { listExtensions } from '../../lib/ta/extensions.ts';
import { taProcedure } from '../../trpc/init.ts';
import { assignmentInput } from './inputs.ts';

export const extensionsList = taProcedure
  .input(assignmentInput)
  .query(({ ctx, input }) => listExtensions(ctx.prisma, input.assignmentId));
