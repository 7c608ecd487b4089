import { clearedSessionCookie, deleteSession } from '../../lib/auth/sessions.ts';
import { publicProcedure } from '../../trpc/init.ts';

export const signOut = publicProcedure.mutation(async ({ ctx }) => {
  if (ctx.sessionToken) await deleteSession(ctx.prisma, ctx.sessionToken);
  ctx.resHeaders.append('set-cookie', clearedSessionCookie());
  return { ok: true };
});
