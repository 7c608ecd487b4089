import { createPrisma, type PrismaClient } from '@infer-lab/db';

// One client per server process (and per hot reload in development).
const globalForPrisma = globalThis as { prisma?: PrismaClient };

export function db(): PrismaClient {
  if (!globalForPrisma.prisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set: start the platform with `npm start`.');
    globalForPrisma.prisma = createPrisma(url, { poolSize: Number(process.env.DATABASE_POOL_SIZE ?? 20) });
  }
  return globalForPrisma.prisma;
}
