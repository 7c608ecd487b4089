import { z } from 'zod';
import { getSubmission } from '../../lib/code/student-code.ts';
import { studentProcedure } from '../../trpc/init.ts';

/** One submission's status (queued → running → graded) and verdicts, for live polling. */
export const codeSubmission = studentProcedure
  .input(z.object({ submissionId: z.uuid() }))
  .query(({ ctx, input }) => getSubmission(ctx.prisma, ctx.user, input.submissionId));
