import type { PrismaClient } from '@infer-lab/db';
import type { PgBoss } from '@infer-lab/db/grading';
import { LOCALES, type Locale } from '@infer-lab/quiz';
import { readCookie, SESSION_COOKIE, userForSession } from '../lib/auth/sessions.ts';
import { gradingQueue } from '../lib/code/queue.ts';
import { db } from '../lib/db.ts';

export const LOCALE_HEADER = 'x-locale';

export function pickLocale(...candidates: (string | null | undefined)[]): Locale {
  for (const c of candidates) if (c && (LOCALES as readonly string[]).includes(c)) return c as Locale;
  return 'zh-TW';
}

export async function createContext(
  { req, resHeaders }: { req: Request; resHeaders: Headers },
  prisma: PrismaClient = db(),
  queue: () => Promise<PgBoss> = gradingQueue,
) {
  const token = readCookie(req.headers.get('cookie'), SESSION_COOKIE);
  const user = await userForSession(prisma, token);
  const locale = pickLocale(req.headers.get(LOCALE_HEADER), user?.locale);
  const secure = new URL(req.url).protocol === 'https:';
  return { prisma, queue, user, sessionToken: token, locale, resHeaders, secure };
}

export type Context = Awaited<ReturnType<typeof createContext>>;
