import type { PrismaClient } from '@infer-lab/db';
import type { PgBoss } from '@infer-lab/db/grading';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { AppError } from '../lib/errors.ts';
import { appRouter } from '../routers/app.ts';
import { createContext, LOCALE_HEADER, pickLocale } from './context.ts';

/** Larger request bodies are refused before parsing; uploads go through /api/uploads instead. */
export const MAX_TRPC_BODY_BYTES = 512 * 1024;

/** `prisma` and `queue` default to the process's own (tests pass their database's). */
export async function handleTrpcRequest(
  req: Request,
  prisma?: PrismaClient,
  queue?: () => Promise<PgBoss>,
): Promise<Response> {
  const length = Number(req.headers.get('content-length') ?? 0);
  if (length > MAX_TRPC_BODY_BYTES) {
    const locale = pickLocale(req.headers.get(LOCALE_HEADER));
    const message = new AppError('INVALID_INPUT', {
      detail: `body over ${MAX_TRPC_BODY_BYTES} bytes`,
    }).messageIn(locale);
    return Response.json({ error: { message, code: 'PAYLOAD_TOO_LARGE' } }, { status: 413 });
  }
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: (opts) => createContext(opts, prisma, queue),
  });
}
