import { getCodeBlank } from '../../lib/code/student-code.ts';
import { studentProcedure } from '../../trpc/init.ts';
import { blankInput } from './code-inputs.ts';

export const codeGet = studentProcedure
  .input(blankInput)
  .query(({ ctx, input }) => getCodeBlank(ctx.prisma, ctx.user, input.assignmentId, input.blankId));
