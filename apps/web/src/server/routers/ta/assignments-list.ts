import { taAssignments } from '../../lib/ta/quiz-admin.ts';
import { taProcedure } from '../../trpc/init.ts';

export const assignmentsList = taProcedure.query(({ ctx }) => taAssignments(ctx.prisma));
