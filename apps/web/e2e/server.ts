// A real platform for end-to-end tests: its own migrated, seeded database and `next start`.
import { createServer } from 'node:net';
import { createTestDatabase, type TestDatabase } from '@infer-lab/db/testing';
import { startWebServer } from '../../../scripts/platform.ts';
import { seedIfEmpty } from '../src/server/lib/seed.ts';

async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => ok(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function startE2EPlatform(): Promise<{ url: string; db: TestDatabase; stop(): Promise<void> }> {
  const db = await createTestDatabase();
  await seedIfEmpty(db.prisma);
  const web = await startWebServer({
    databaseUrl: db.url,
    port: await freePort(),
    quiet: process.env.E2E_VERBOSE !== '1',
  });
  return {
    url: web.url!,
    db,
    async stop() {
      await web.stop();
      await db.drop();
    },
  };
}
