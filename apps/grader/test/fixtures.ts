// Shared setup of the grader's integration tests: a migrated database with a course, a CODE
// assignment and two students; helpers to wait for gradings.
import type { PrismaClient } from '@infer-lab/db';
import { seedCodeBlanks } from '../src/seed.ts';

export const COURSE = 'ml-2026-spring';
export const ASSIGNMENT = 'hw3-code-blanks';

export async function seedStudents(prisma: PrismaClient): Promise<{ alice: string; bob: string }> {
  await prisma.course.create({ data: { id: COURSE, title: 'ML 2026 Spring' } });
  await seedCodeBlanks(prisma, new Date());
  const make = (email: string) => prisma.user.create({ data: { email, name: email, passwordHash: 'x' } });
  const [alice, bob] = await Promise.all([make('alice@test.local'), make('bob@test.local')]);
  return { alice: alice.id, bob: bob.id };
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function waitForStatus(prisma: PrismaClient, id: string, status: string, timeoutMs?: number) {
  return waitFor(
    `submission ${id} to be ${status}`,
    async () => {
      const row = await prisma.codeSubmission.findUnique({ where: { id } });
      return row?.status === status ? row : undefined;
    },
    timeoutMs,
  );
}
