// `npm run db:seed`: seeds DATABASE_URL (or the embedded server) when it has no course yet.
import { createPrisma } from '@infer-lab/db';
import { openPlatformDatabase } from '@infer-lab/db/platform';
import { seedIfEmpty } from '../apps/web/src/server/lib/seed.ts';

const database = await openPlatformDatabase();
const prisma = createPrisma(database.url, { poolSize: 1 });
console.log(
  (await seedIfEmpty(prisma))
    ? 'Seeded the course, HW3, its demo copy and the demo accounts.'
    : 'Already seeded.',
);
await prisma.$disconnect();
await database.embedded?.stop();
