import { z } from 'zod';
import { revokeExtension } from '../../lib/ta/extensions.ts';
import { taProcedure } from '../../trpc/init.ts';
import { assignmentInput } from './inputs.ts';

export const extensionRevoke = taProcedure
  .input(assignmentInput.extend({ userId: z.uuid() }))
  .mutation(({ ctx, input }) => revokeExtension(ctx.prisma, ctx.user, input));
