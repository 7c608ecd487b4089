import { z } from 'zod';
import { sessionCookie } from '../../lib/auth/sessions.ts';
import { signIn as signInUser } from '../../lib/auth/sign-in.ts';
import { publicProcedure } from '../../trpc/init.ts';

export const signInInput = z.object({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(200),
});

export const signIn = publicProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
  const { user, token, expiresAt } = await signInUser(ctx.prisma, input.email, input.password);
  ctx.resHeaders.append('set-cookie', sessionCookie(token, expiresAt, ctx.secure));
  return { id: user.id, name: user.name, role: user.role, locale: user.locale === 'zh_TW' ? 'zh-TW' : 'en' };
});
