// Images for upload parts: the type is judged by the bytes themselves, not by the name or header.
import { createHash } from 'node:crypto';
import type { PrismaClient } from '@infer-lab/db';
import type { SessionUser } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';
import { deadlineState, effectiveDueAt, formatDeadline, loadAssignmentFor } from './load.ts';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export function sniffImageType(bytes: Uint8Array): 'image/png' | 'image/jpeg' | 'image/webp' | null {
  const starts = (signature: number[], offset = 0) => signature.every((b, i) => bytes[offset + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

export async function storeUpload(
  prisma: PrismaClient,
  user: SessionUser,
  input: { assignmentId: string; questionId: string; bytes: Uint8Array },
  now = new Date(),
) {
  const { assignment, content } = await loadAssignmentFor(prisma, user, input.assignmentId);
  const question = content.questions.find((q) => q.id === input.questionId);
  if (!question) throw new AppError('UNKNOWN_QUESTION', { questionId: input.questionId });
  if (!question.parts.some((p) => p.kind === 'upload')) {
    throw new AppError('NOT_UPLOAD_PART', { questionId: input.questionId });
  }
  if (deadlineState(assignment, now) === 'closed') {
    throw new AppError('DEADLINE_PASSED', {
      deadline: formatDeadline(effectiveDueAt(assignment), assignment.course.timezone),
    });
  }
  if (input.bytes.byteLength > MAX_UPLOAD_BYTES) throw new AppError('FILE_TOO_LARGE');
  const mime = sniffImageType(input.bytes);
  if (!mime) throw new AppError('FILE_TYPE');
  const upload = await prisma.upload.create({
    data: {
      userId: user.id,
      assignmentId: input.assignmentId,
      questionId: input.questionId,
      mime,
      size: input.bytes.byteLength,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      bytes: Buffer.from(input.bytes),
    },
    select: { id: true, mime: true, size: true },
  });
  return upload;
}

/** The image itself, for its owner or a TA. */
export async function readUpload(prisma: PrismaClient, user: SessionUser, id: string) {
  const upload = await prisma.upload.findUnique({ where: { id } });
  if (!upload || (upload.userId !== user.id && user.role !== 'TA')) throw new AppError('NOT_FOUND');
  return upload;
}
