import { exportGradebookCsv } from '../../lib/ta/export-gradebook.ts';
import { taProcedure } from '../../trpc/init.ts';
import { assignmentInput } from './inputs.ts';

export const gradebookExportCsv = taProcedure
  .input(assignmentInput)
  .query(({ ctx, input }) => exportGradebookCsv(ctx.prisma, input.assignmentId));
