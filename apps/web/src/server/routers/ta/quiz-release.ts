import { releaseNow } from '../../lib/ta/release.ts';
import { taProcedure } from '../../trpc/init.ts';
import { assignmentInput } from './inputs.ts';

export const quizRelease = taProcedure
  .input(assignmentInput)
  .mutation(({ ctx, input }) => releaseNow(ctx.prisma, ctx.user, input.assignmentId));
