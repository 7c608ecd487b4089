// The three kinds of procedure, by who may call them: anyone, a signed-in user, a student, a TA.
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import { AppError } from '../lib/errors.ts';
import type { Context } from './context.ts';

const trpcCode = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
} as const;

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    return {
      ...shape,
      data: {
        ...shape.data,
        appCode: cause instanceof AppError ? cause.code : null,
        stack: undefined,
      },
    };
  },
});

/** Turns expected failures into HTTP 4xx errors whose message is in the caller's language. */
const localizedErrors = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  if (result.ok) return result;
  const error = result.error;
  if (error.cause instanceof AppError) {
    const app = error.cause;
    throw new TRPCError({
      code: trpcCode[app.status as keyof typeof trpcCode] ?? 'BAD_REQUEST',
      message: app.messageIn(ctx.locale),
      cause: app,
    });
  }
  if (error.cause instanceof ZodError) {
    const issue = error.cause.issues[0];
    const detail = issue ? `${issue.path.join('.') || 'input'}: ${issue.message}` : '';
    const app = new AppError('INVALID_INPUT', { detail });
    throw new TRPCError({ code: 'BAD_REQUEST', message: app.messageIn(ctx.locale), cause: app });
  }
  if (error.code === 'INTERNAL_SERVER_ERROR') console.error(error.cause ?? error);
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(localizedErrors);

export const signedInProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new AppError('UNAUTHENTICATED');
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export const studentProcedure = signedInProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== 'STUDENT') throw new AppError('FORBIDDEN');
  return next({ ctx });
});

export const taProcedure = signedInProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== 'TA') throw new AppError('FORBIDDEN');
  return next({ ctx });
});
