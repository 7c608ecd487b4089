// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded server).
import { openPlatformDatabase } from '../database.ts';

const db = await openPlatformDatabase({ log: (line) => console.log(line) });
console.log(db.applied.length ? `Applied: ${db.applied.join(', ')}` : 'The database schema is up to date.');
await db.embedded?.stop();
