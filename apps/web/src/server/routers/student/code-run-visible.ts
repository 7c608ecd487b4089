import { runVisible } from '../../lib/code/submit-code.ts';
import { studentProcedure } from '../../trpc/init.ts';
import { codeInput } from './code-inputs.ts';

export const codeRunVisible = studentProcedure
  .input(codeInput)
  .mutation(async ({ ctx, input }) => runVisible(ctx.prisma, await ctx.queue(), ctx.user, input, ctx.locale));
