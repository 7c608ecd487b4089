import { getStudentQuiz } from '../../lib/quiz/student-quiz.ts';
import { studentProcedure } from '../../trpc/init.ts';
import { assignmentIdInput } from './assignment-id.ts';

export const quizGet = studentProcedure
  .input(assignmentIdInput)
  .query(({ ctx, input }) => getStudentQuiz(ctx.prisma, ctx.user, input.assignmentId));
