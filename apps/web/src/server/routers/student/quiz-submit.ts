import { answerSheetSchema } from '@infer-lab/quiz';
import { submitAttempt } from '../../lib/quiz/submit-attempt.ts';
import { studentProcedure } from '../../trpc/init.ts';
import { assignmentIdInput } from './assignment-id.ts';

export const quizSubmitInput = assignmentIdInput.extend({ answers: answerSheetSchema });

export const quizSubmit = studentProcedure
  .input(quizSubmitInput)
  .mutation(({ ctx, input }) => submitAttempt(ctx.prisma, ctx.user, input.assignmentId, input.answers));
