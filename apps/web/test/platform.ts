// Test harness: a fresh migrated, seeded database and tRPC clients that go through the real HTTP
// handler (Request in, Response out) with their own cookie jar, like a browser would.

import { openGradingQueue, type PgBoss } from '@infer-lab/db/grading';
import { createTestDatabase, type TestDatabase } from '@infer-lab/db/testing';
import type { Locale } from '@infer-lab/quiz';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import superjson from 'superjson';
import { seedIfEmpty } from '../src/server/lib/seed.ts';
import type { AppRouter } from '../src/server/routers/app.ts';
import { handleTrpcRequest } from '../src/server/trpc/handler.ts';

export interface TestPlatform {
  db: TestDatabase;
  /** A new browser: its own cookies, optionally already signed in. */
  browser(options?: { email?: string; password?: string; locale?: Locale }): Promise<TestBrowser>;
  queue(): Promise<PgBoss>;
  close(): Promise<void>;
}

export interface TestBrowser {
  trpc: ReturnType<typeof createTRPCClient<AppRouter>>;
  cookies: Map<string, string>;
  /** A raw request through the same handler, for status codes and malformed bodies. */
  raw(path: string, init?: RequestInit): Promise<Response>;
  setLocale(locale: Locale): void;
}

export async function startTestPlatform(): Promise<TestPlatform> {
  const db = await createTestDatabase();
  await seedIfEmpty(db.prisma);
  // The grading queue of this test database, opened only by tests that submit code.
  let boss: Promise<PgBoss> | undefined;
  const queue = () => (boss ??= openGradingQueue(db.url, { poolSize: 2 }));

  async function browser(options: { email?: string; password?: string; locale?: Locale } = {}) {
    const cookies = new Map<string, string>();
    let locale: Locale = options.locale ?? 'en';
    const withCookies = (init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
      headers.set('x-locale', locale);
      return { ...init, headers };
    };
    const keepCookies = (response: Response) => {
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const [name, ...value] = pair!.split('=');
        if (/Max-Age=0/.test(line)) cookies.delete(name!);
        else cookies.set(name!, value.join('='));
      }
      return response;
    };
    const raw = async (path: string, init?: RequestInit) =>
      keepCookies(
        await handleTrpcRequest(new Request(`http://test.local${path}`, withCookies(init)), db.prisma, queue),
      );
    const trpc = createTRPCClient<AppRouter>({
      links: [
        httpLink({
          url: 'http://test.local/api/trpc',
          transformer: superjson,
          fetch: async (url, init) =>
            keepCookies(
              await handleTrpcRequest(new Request(url, withCookies(init as RequestInit)), db.prisma, queue),
            ),
        }),
      ],
    });
    const result: TestBrowser = { trpc, cookies, raw, setLocale: (l) => (locale = l) };
    if (options.email) {
      await trpc.public.auth.signIn.mutate({
        email: options.email,
        password: options.password ?? 'student-demo',
      });
    }
    return result;
  }

  return {
    db,
    browser,
    queue,
    async close() {
      if (boss) await (await boss).stop({ graceful: false, wait: true });
      await db.drop();
    },
  };
}

/** The error a tRPC call failed with: HTTP status, app code and message. */
export async function failure(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) {
      const data = error.data as { httpStatus?: number; appCode?: string | null } | undefined;
      return { status: data?.httpStatus, appCode: data?.appCode ?? null, message: error.message };
    }
    throw error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
