// The signed-in user for server components, from the session cookie.
import { cookies } from 'next/headers';
import { SESSION_COOKIE, userForSession } from './auth/sessions.ts';
import { db } from './db.ts';

export async function currentUser() {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return userForSession(db(), token);
}
