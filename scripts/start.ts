// `npm start`: PostgreSQL (embedded unless DATABASE_URL is set), migrations, seed on a new database,
// the web app on http://localhost:3000 (PORT overrides) and the grading worker.

import { createPrisma } from '@infer-lab/db';
import { openPlatformDatabase } from '@infer-lab/db/platform';
import { demoAccounts, seedIfEmpty } from '../apps/web/src/server/lib/seed.ts';
import { buildWebIfStale, startGrader, startWebServer } from './platform.ts';

const port = Number(process.env.PORT ?? 3000);
const database = await openPlatformDatabase({
  // Errors and the start-up lines; "starting up" is only our readiness probe knocking early.
  log: (line) =>
    /ERROR|FATAL|Initialising|listening/.test(line) &&
    !/starting up/.test(line) &&
    console.log(`[postgres] ${line}`),
});
if (database.applied.length) console.log(`Applied migrations: ${database.applied.join(', ')}`);
const prisma = createPrisma(database.url, { poolSize: 2 });
const seeded = await seedIfEmpty(prisma);
await prisma.$disconnect();
if (seeded)
  console.log('Seeded a new database: course ML 2026 Spring, HW3 and its open demo copy, demo accounts.');

buildWebIfStale();
const web = await startWebServer({ databaseUrl: database.url, port });
const grader = startGrader({ databaseUrl: database.url });

console.log(`
Infer Lab is running at http://localhost:${port}
${database.embedded ? `PostgreSQL (embedded, data in ${database.embedded.dataDir}): ${database.url.replace(/:[^:@/]+@/, ':***@')}` : 'PostgreSQL: DATABASE_URL'}
Demo accounts:
${demoAccounts.map((a) => `  ${a.role.padEnd(8)} ${a.email.padEnd(22)} ${a.password}`).join('\n')}
Press Ctrl+C to stop.`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await Promise.all([web.stop(), grader.stop()]);
  await database.embedded?.stop();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
web.child.on('exit', (code) => {
  if (!stopping) {
    console.error(`The web server stopped (code ${code}).`);
    void shutdown();
  }
});
