import { redirect } from 'next/navigation';
import { currentUser } from '@/server/lib/current-user';

/** TA pages: anonymous visitors sign in first, students go back to their own assignments. */
export async function requireTa(locale: string) {
  const user = await currentUser();
  if (!user) redirect(`/${locale}/sign-in`);
  if (user.role !== 'TA') redirect(`/${locale}`);
  return user;
}
