// Seeds the HW3 code-blank assignment (kind CODE, open like the demo: due 14 days after seeding,
// 23:59:59 Asia/Taipei). Called by apps/web's seed; does nothing when the assignment exists.
import type { PrismaClient } from '@infer-lab/db';
import { hw3CodeBlanks, validateCodeBlank } from '@infer-lab/quiz';

export const CODE_BLANKS_ID = 'hw3-code-blanks';

/** 23:59:59 in Asia/Taipei (UTC+8, no daylight saving) of the day `days` after `from`. */
export function taipeiEndOfDay(from: Date, days: number): Date {
  const taipei = new Date(from.getTime() + 8 * 3600_000 + days * 86400_000);
  return new Date(
    Date.UTC(taipei.getUTCFullYear(), taipei.getUTCMonth(), taipei.getUTCDate(), 23, 59, 59) - 8 * 3600_000,
  );
}

export async function seedCodeBlanks(
  prisma: PrismaClient,
  now = new Date(),
  courseId = 'ml-2026-spring',
): Promise<boolean> {
  for (const blank of hw3CodeBlanks) {
    const result = validateCodeBlank(blank);
    if (!result.ok)
      throw new Error(
        `Code blank ${blank.id} is invalid: ${result.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      );
  }
  if (await prisma.assignment.findUnique({ where: { id: CODE_BLANKS_ID }, select: { id: true } }))
    return false;
  const dueAt = taipeiEndOfDay(now, 14);
  await prisma.assignment.create({
    data: {
      id: CODE_BLANKS_ID,
      courseId,
      kind: 'CODE',
      titleZh: 'HW3 程式填空',
      titleEn: 'HW3 code blanks',
      dueAt,
      releaseAt: new Date(dueAt.getTime() + 3 * 86400_000),
    },
  });
  return true;
}
