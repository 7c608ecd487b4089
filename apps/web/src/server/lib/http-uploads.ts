// HTTP side of image uploads (multipart POST, GET by id), with the same localized errors as tRPC.
import type { PrismaClient } from '@infer-lab/db';
import { createContext } from '../trpc/context.ts';
import { AppError } from './errors.ts';
import { MAX_UPLOAD_BYTES, readUpload, storeUpload } from './quiz/uploads.ts';

async function withUser<T>(
  req: Request,
  prisma: PrismaClient | undefined,
  work: (ctx: Awaited<ReturnType<typeof createContext>>) => Promise<T>,
) {
  const ctx = await createContext({ req, resHeaders: new Headers() }, prisma);
  try {
    if (!ctx.user) throw new AppError('UNAUTHENTICATED');
    return await work(ctx);
  } catch (error) {
    if (error instanceof AppError) {
      return Response.json(
        { error: { code: error.code, message: error.messageIn(ctx.locale) } },
        { status: error.status },
      );
    }
    throw error;
  }
}

export function handleUploadPost(req: Request, prisma?: PrismaClient): Promise<Response> {
  return withUser(req, prisma, async (ctx) => {
    // Refuse early when the declared size is already too large (multipart adds a little overhead).
    if (Number(req.headers.get('content-length') ?? 0) > MAX_UPLOAD_BYTES + 64 * 1024)
      throw new AppError('FILE_TOO_LARGE');
    let form: FormData;
    try {
      form = await req.formData();
    } catch {
      throw new AppError('INVALID_INPUT', { detail: 'expected multipart/form-data' });
    }
    const file = form.get('file');
    const assignmentId = form.get('assignmentId');
    const questionId = form.get('questionId');
    if (!(file instanceof Blob) || typeof assignmentId !== 'string' || typeof questionId !== 'string') {
      throw new AppError('INVALID_INPUT', {
        detail: 'fields file, assignmentId and questionId are required',
      });
    }
    if (file.size > MAX_UPLOAD_BYTES) throw new AppError('FILE_TOO_LARGE');
    const bytes = new Uint8Array(await file.arrayBuffer());
    const upload = await storeUpload(ctx.prisma, ctx.user!, { assignmentId, questionId, bytes });
    return Response.json(upload, { status: 201 });
  });
}

export function handleUploadGet(req: Request, id: string, prisma?: PrismaClient): Promise<Response> {
  return withUser(req, prisma, async (ctx) => {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('NOT_FOUND');
    const upload = await readUpload(ctx.prisma, ctx.user!, id);
    return new Response(new Uint8Array(upload.bytes), {
      headers: {
        'content-type': upload.mime,
        'cache-control': 'private, max-age=3600',
        'x-content-type-options': 'nosniff',
      },
    });
  });
}
