import { z } from 'zod';
import { grantExtension } from '../../lib/ta/extensions.ts';
import { taProcedure } from '../../trpc/init.ts';
import { assignmentInput } from './inputs.ts';

export const extensionGrantInput = assignmentInput.extend({
  userId: z.uuid(),
  dueAt: z.date(),
  reason: z.string().max(500).optional(),
});

export const extensionGrant = taProcedure
  .input(extensionGrantInput)
  .mutation(({ ctx, input }) => grantExtension(ctx.prisma, ctx.user, input));
