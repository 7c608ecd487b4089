import { submitCode } from '../../lib/code/submit-code.ts';
import { studentProcedure } from '../../trpc/init.ts';
import { codeInput } from './code-inputs.ts';

export const codeSubmit = studentProcedure
  .input(codeInput)
  .mutation(async ({ ctx, input }) => submitCode(ctx.prisma, await ctx.queue(), ctx.user, input));
