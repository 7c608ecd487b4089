// The grading worker. For now it only proves it can reach the database; the queue consumer, sandbox
// and checks arrive with the code-blank issue.
import { createPrisma } from '@infer-lab/db';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('grader: DATABASE_URL is not set');
  process.exit(1);
}
const prisma = createPrisma(url, { poolSize: 1 });
await prisma.$queryRaw`SELECT 1`;
console.log('grader: connected; waiting for grading jobs (none are defined yet)');

const stop = async () => {
  await prisma.$disconnect();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
setInterval(() => {}, 1 << 30);
