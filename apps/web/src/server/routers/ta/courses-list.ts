import { taProcedure } from '../../trpc/init.ts';

export const coursesList = taProcedure.query(({ ctx }) =>
  ctx.prisma.course.findMany({
    orderBy: { createdAt: 'asc' },
    select: { id: true, title: true, timezone: true },
  }),
);
