import { listAttempts } from '../../lib/quiz/student-quiz.ts';
import { studentProcedure } from '../../trpc/init.ts';
import { assignmentIdInput } from './assignment-id.ts';

export const quizAttempts = studentProcedure
  .input(assignmentIdInput)
  .query(({ ctx, input }) => listAttempts(ctx.prisma, ctx.user, input.assignmentId));
