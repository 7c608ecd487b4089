// Roster import: a CSV of students (ID, name, email, section) previewed row by row against the
// database, then imported in one transaction. New students get a generated initial password, shown
// to the TA once.
import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '@infer-lab/db';
import { CsvError, type LocalizedText, parseRoster, type RosterRow } from '@infer-lab/quiz';
import { hashPassword } from '../auth/passwords.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';
import { writeAudit } from './audit.ts';

export type RosterPreviewRow = RosterRow & {
  status: 'new' | 'update' | 'error';
  userId: string | null;
  problems: LocalizedText[];
};

export async function previewRoster(prisma: PrismaClient, courseId: string, csv: string) {
  const course = await prisma.course.findUnique({ where: { id: courseId }, select: { id: true } });
  if (!course) throw new AppError('NOT_FOUND');
  let parsed: ReturnType<typeof parseRoster>;
  try {
    parsed = parseRoster(csv);
  } catch (error) {
    if (error instanceof CsvError) throw new AppError('INVALID_INPUT', { detail: error.message });
    throw error;
  }
  const existing = await prisma.user.findMany({
    where: {
      OR: [
        { email: { in: parsed.rows.map((r) => r.email) } },
        { studentId: { in: parsed.rows.map((r) => r.studentId) } },
      ],
    },
    select: { id: true, email: true, studentId: true, role: true },
  });
  const rows: RosterPreviewRow[] = parsed.rows.map((row) => {
    const byEmail = existing.find((u) => u.email === row.email);
    const byStudentId = existing.find((u) => u.studentId === row.studentId);
    const problems: LocalizedText[] = [];
    if (byEmail && byStudentId && byEmail.id !== byStudentId.id) {
      problems.push({
        en: `${row.email} and ${row.studentId} belong to two different accounts.`,
        'zh-TW': `${row.email} 與 ${row.studentId} 分屬兩個不同帳號。`,
      });
    }
    if (byEmail?.studentId && byEmail.studentId !== row.studentId) {
      problems.push({
        en: `${row.email} already has student ID ${byEmail.studentId}.`,
        'zh-TW': `${row.email} 已登記學號 ${byEmail.studentId}。`,
      });
    }
    if ((byEmail ?? byStudentId)?.role === 'TA') {
      problems.push({ en: `${row.email} is a TA account.`, 'zh-TW': `${row.email} 是助教帳號。` });
    }
    const user = byEmail ?? byStudentId;
    return {
      ...row,
      status: problems.length ? 'error' : user ? 'update' : 'new',
      userId: user?.id ?? null,
      problems,
    };
  });
  return { rows, errors: parsed.errors };
}

function initialPassword(): string {
  // 12 characters from an alphabet without look-alikes (0/O, 1/l/I).
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...randomBytes(12)].map((b) => alphabet[b % alphabet.length]).join('');
}

export async function importRoster(prisma: PrismaClient, actor: SessionUser, courseId: string, csv: string) {
  const preview = await previewRoster(prisma, courseId, csv);
  const importable = preview.rows.filter((r) => r.status !== 'error');
  const fresh = importable.filter((r) => r.status === 'new');
  // scrypt runs on libuv's thread pool, so hashing in parallel uses every core.
  const passwords = fresh.map(() => initialPassword());
  const hashes = await Promise.all(passwords.map(hashPassword));
  const credentials = fresh.map((r, i) => ({
    studentId: r.studentId,
    name: r.name,
    email: r.email,
    password: passwords[i]!,
  }));
  await prisma.$transaction(
    async (tx) => {
      for (const [i, row] of fresh.entries()) {
        const user = await tx.user.create({
          data: {
            email: row.email,
            name: row.name,
            studentId: row.studentId,
            role: 'STUDENT',
            passwordHash: hashes[i]!,
          },
        });
        await tx.enrollment.create({ data: { userId: user.id, courseId, section: row.section } });
      }
      for (const row of importable.filter((r) => r.status === 'update')) {
        await tx.user.update({
          where: { id: row.userId! },
          data: { name: row.name, studentId: row.studentId },
        });
        await tx.enrollment.upsert({
          where: { userId_courseId: { userId: row.userId!, courseId } },
          create: { userId: row.userId!, courseId, section: row.section },
          update: { section: row.section },
        });
      }
      await writeAudit(tx, {
        actorId: actor.id,
        action: 'roster.import',
        details: {
          courseId,
          created: fresh.length,
          updated: importable.length - fresh.length,
          skipped: preview.rows.length - importable.length + preview.errors.length,
        },
      });
    },
    { timeout: 120_000 },
  );
  return {
    created: fresh.length,
    updated: importable.length - fresh.length,
    skippedRows: preview.rows.filter((r) => r.status === 'error').map((r) => r.line),
    errors: preview.errors,
    credentials,
  };
}
