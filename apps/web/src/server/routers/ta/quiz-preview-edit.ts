import { previewQuestionEdit } from '../../lib/ta/edit-question.ts';
import { taProcedure } from '../../trpc/init.ts';
import { quizEditInput } from './inputs.ts';

/** What saving the edit would change: attempts and best scores. Writes nothing. */
export const quizPreviewEdit = taProcedure
  .input(quizEditInput)
  .mutation(({ ctx, input }) => previewQuestionEdit(ctx.prisma, input));
