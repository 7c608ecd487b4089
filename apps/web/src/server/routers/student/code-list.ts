import { listCodeBlanks } from '../../lib/code/student-code.ts';
import { studentProcedure } from '../../trpc/init.ts';
import { assignmentIdInput } from './assignment-id.ts';

export const codeList = studentProcedure
  .input(assignmentIdInput)
  .query(({ ctx, input }) => listCodeBlanks(ctx.prisma, ctx.user, input.assignmentId));
