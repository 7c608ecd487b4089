import { listAssignments } from '../../lib/quiz/list-assignments.ts';
import { studentProcedure } from '../../trpc/init.ts';

export const assignmentsList = studentProcedure.query(({ ctx }) => listAssignments(ctx.prisma, ctx.user));
