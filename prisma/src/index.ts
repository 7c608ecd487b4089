// What application code needs: the client and the generated enums. Starting and migrating
// databases lives in ./platform.ts (`@infer-lab/db/platform`), used by scripts and tests.

export { Prisma } from '../generated/client.ts';
export * from '../generated/enums.ts';
export { createPrisma, type PrismaClient } from './client.ts';
