import { z } from 'zod';

export const assignmentIdInput = z.object({ assignmentId: z.string().min(1).max(100) });
