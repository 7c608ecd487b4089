import { previewRoster } from '../../lib/ta/roster.ts';
import { taProcedure } from '../../trpc/init.ts';
import { rosterInput } from './inputs.ts';

export const rosterPreview = taProcedure
  .input(rosterInput)
  .mutation(({ ctx, input }) => previewRoster(ctx.prisma, input.courseId, input.csv));
