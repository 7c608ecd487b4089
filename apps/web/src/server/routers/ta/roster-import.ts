import { importRoster } from '../../lib/ta/roster.ts';
import { taProcedure } from '../../trpc/init.ts';
import { rosterInput } from './inputs.ts';

export const rosterImport = taProcedure
  .input(rosterInput)
  .mutation(({ ctx, input }) => importRoster(ctx.prisma, ctx.user, input.courseId, input.csv));
