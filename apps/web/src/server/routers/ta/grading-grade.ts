import { z } from 'zod';
import { gradeUpload } from '../../lib/ta/manual-grading.ts';
import { taProcedure } from '../../trpc/init.ts';
import { assignmentInput } from './inputs.ts';

export const gradingGradeInput = assignmentInput.extend({
  uploadId: z.uuid(),
  questionId: z.string().max(10),
  part: z.int().min(0).max(10),
  points: z.number().min(0).max(100),
  comment: z.string().max(2000).optional(),
});

export const gradingGrade = taProcedure
  .input(gradingGradeInput)
  .mutation(({ ctx, input }) => gradeUpload(ctx.prisma, ctx.user, input));
