import { itemAnalysis } from '../../lib/ta/item-analysis.ts';
import { taProcedure } from '../../trpc/init.ts';
import { assignmentInput } from './inputs.ts';

export const analysisItems = taProcedure
  .input(assignmentInput)
  .query(({ ctx, input }) => itemAnalysis(ctx.prisma, input.assignmentId));
