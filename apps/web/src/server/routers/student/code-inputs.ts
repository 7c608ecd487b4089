import { MAX_CODE_LENGTH } from '@infer-lab/quiz';
import { z } from 'zod';
import { assignmentIdInput } from './assignment-id.ts';

export const blankInput = assignmentIdInput.extend({ blankId: z.string().min(1).max(64) });
export const codeInput = blankInput.extend({ code: z.string().max(MAX_CODE_LENGTH) });
