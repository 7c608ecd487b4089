import { applyQuestionEdit } from '../../lib/ta/edit-question.ts';
import { taProcedure } from '../../trpc/init.ts';
import { quizEditInput } from './inputs.ts';

/** Saves the edit as a new quiz version and regrades everything in one transaction. */
export const quizApplyEdit = taProcedure
  .input(quizEditInput)
  .mutation(({ ctx, input }) => applyQuestionEdit(ctx.prisma, ctx.user, input));
