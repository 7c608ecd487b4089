import { LOCALES } from '@infer-lab/quiz';
import { z } from 'zod';
import { signedInProcedure } from '../../trpc/init.ts';

export const setLocaleInput = z.object({ locale: z.enum(LOCALES) });

/** Remembers the user's language for their next visit. */
export const setLocale = signedInProcedure.input(setLocaleInput).mutation(async ({ ctx, input }) => {
  await ctx.prisma.user.update({
    where: { id: ctx.user.id },
    data: { locale: input.locale === 'zh-TW' ? 'zh_TW' : 'en' },
  });
  return { locale: input.locale };
});
