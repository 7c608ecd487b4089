import { taQuiz } from '../../lib/ta/quiz-admin.ts';
import { taProcedure } from '../../trpc/init.ts';
import { assignmentInput } from './inputs.ts';

export const quizGet = taProcedure
  .input(assignmentInput)
  .query(({ ctx, input }) => taQuiz(ctx.prisma, input.assignmentId));
