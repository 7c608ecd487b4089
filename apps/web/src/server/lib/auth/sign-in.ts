import type { PrismaClient } from '@infer-lab/db';
import { AppError } from '../errors.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { createSession } from './sessions.ts';

// Compared against when the email is unknown, so both cases take the same time.
const dummyHash = hashPassword('not-a-real-password');

// At most 10 failed sign-ins per email per minute in this process: slows password guessing.
const failures = new Map<string, { count: number; since: number }>();

function tooManyFailures(email: string): boolean {
  const entry = failures.get(email);
  if (!entry || Date.now() - entry.since > 60_000) return false;
  return entry.count >= 10;
}

function recordFailure(email: string): void {
  const entry = failures.get(email);
  if (!entry || Date.now() - entry.since > 60_000) failures.set(email, { count: 1, since: Date.now() });
  else entry.count++;
}

export async function signIn(prisma: PrismaClient, email: string, password: string) {
  const normalized = email.trim().toLowerCase();
  if (tooManyFailures(normalized)) throw new AppError('TOO_MANY_REQUESTS');
  const user = await prisma.user.findUnique({ where: { email: normalized } });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));
  if (!user || !ok) {
    recordFailure(normalized);
    throw new AppError('BAD_CREDENTIALS');
  }
  failures.delete(normalized);
  const session = await createSession(prisma, user.id);
  return { user, ...session };
}
