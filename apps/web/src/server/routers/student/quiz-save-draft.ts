import { answerSheetSchema } from '@infer-lab/quiz';
import { saveDraft } from '../../lib/quiz/save-draft.ts';
import { studentProcedure } from '../../trpc/init.ts';
import { assignmentIdInput } from './assignment-id.ts';

export const quizSaveDraftInput = assignmentIdInput.extend({ answers: answerSheetSchema });

export const quizSaveDraft = studentProcedure
  .input(quizSaveDraftInput)
  .mutation(({ ctx, input }) => saveDraft(ctx.prisma, ctx.user, input.assignmentId, input.answers));
