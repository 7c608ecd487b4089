// A real platform for end-to-end tests: its own migrated, seeded database and `next start`.
import { createServer } from 'node:net';
import { after, before } from 'node:test';
import { createTestDatabase, type TestDatabase } from '@infer-lab/db/testing';
import type { Browser } from 'playwright-core';
import { startWebServer } from '../../../scripts/platform.ts';
import { seedIfEmpty } from '../src/server/lib/seed.ts';
import { chromiumMissing, launchChromium } from './browser.ts';

async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => ok(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface E2EPlatform {
  url: string;
  db: TestDatabase;
  stop(): Promise<void>;
}

export async function startE2EPlatform(): Promise<E2EPlatform> {
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

/**
 * This test file's platform and Chromium: started before its tests, stopped after them. `skip` says
 * why not (Chromium missing); then neither starts.
 */
export function setUpPlatformAndBrowser(): { skip: string | false; platform: E2EPlatform; browser: Browser } {
  const session = { skip: chromiumMissing() } as {
    skip: string | false;
    platform: E2EPlatform;
    browser: Browser;
  };
  before(async () => {
    if (session.skip) return;
    session.platform = await startE2EPlatform();
    session.browser = await launchChromium();
  });
  after(async () => {
    await session.browser?.close();
    await session.platform?.stop();
  });
  return session;
}
