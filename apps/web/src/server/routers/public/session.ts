import { publicProcedure } from '../../trpc/init.ts';

/** Who is signed in, or null. */
export const session = publicProcedure.query(({ ctx }) =>
  ctx.user
    ? {
        id: ctx.user.id,
        name: ctx.user.name,
        email: ctx.user.email,
        role: ctx.user.role,
        locale: ctx.user.locale,
      }
    : null,
);
