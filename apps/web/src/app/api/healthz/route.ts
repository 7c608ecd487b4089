import { db } from '@/server/lib/db';

export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false, error: 'database unreachable' }, { status: 503 });
  }
}
