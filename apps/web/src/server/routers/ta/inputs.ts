import { questionSchema } from '@infer-lab/quiz';
import { z } from 'zod';

export const assignmentInput = z.object({ assignmentId: z.string().min(1).max(100) });

export const quizEditInput = assignmentInput.extend({
  baseVersionId: z.uuid(),
  question: questionSchema,
  mode: z.enum(['new-key', 'full-credit']),
});

export const rosterInput = z.object({
  courseId: z.string().min(1).max(100),
  csv: z.string().max(400_000),
});
