// Pieces of a running platform, shared by `npm start`, the end-to-end tests and the benchmarks.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;
const webDir = join(root, 'apps/web');
const stampFile = join(webDir, '.next', 'infer-lab-sources.sha1');
const sourceDirs = [
  'apps/web/src',
  'apps/web/next.config.ts',
  'apps/web/package.json',
  'packages/quiz/src',
  'prisma/src',
  'prisma/generated',
];

/** A fingerprint of everything the web build is made from (paths, sizes, modification times). */
function sourcesFingerprint(): string {
  const hash = createHash('sha1');
  const walk = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path).sort()) walk(join(path, name));
    else hash.update(`${path}:${stat.size}:${stat.mtimeMs}\n`);
  };
  for (const dir of sourceDirs) walk(join(root, dir));
  return hash.digest('hex');
}

/** Runs `next build` unless the last build was made from the same sources. */
export function buildWebIfStale(log: (line: string) => void = console.log): void {
  const fingerprint = sourcesFingerprint();
  const built = existsSync(join(webDir, '.next', 'BUILD_ID')) && existsSync(stampFile);
  if (built && readFileSync(stampFile, 'utf8') === fingerprint) return;
  log('Building the web app (next build); later starts reuse the build until the sources change…');
  const result = spawnSync('npx', ['next', 'build'], {
    cwd: webDir,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error('next build failed (see the output above).');
  writeFileSync(stampFile, fingerprint);
}

export interface RunningProcess {
  url?: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the web server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/api/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the web server did not become healthy within ${timeoutMs / 1000} s`);
}

/** Serves the built web app (apps/web/server.ts: tRPC directly, the rest through Next.js). */
export async function startWebServer(options: {
  databaseUrl: string;
  port: number;
  quiet?: boolean;
  env?: Record<string, string>;
}): Promise<RunningProcess> {
  // A larger young generation means fewer scavenges per request under load.
  const child = spawn(
    process.execPath,
    ['--max-semi-space-size=32', '--import', 'tsx', join(webDir, 'server.ts')],
    {
      cwd: webDir,
      stdio: options.quiet ? 'ignore' : 'inherit',
      env: {
        ...process.env,
        ...options.env,
        NODE_ENV: 'production',
        PORT: String(options.port),
        HOST: '127.0.0.1',
        DATABASE_URL: options.databaseUrl,
        NEXT_TELEMETRY_DISABLED: '1',
      },
    },
  );
  const url = `http://127.0.0.1:${options.port}`;
  await waitForHealth(url, child);
  return { url, child, stop: () => stopChild(child) };
}

/** The grading worker (apps/grader). */
export function startGrader(options: { databaseUrl: string; quiet?: boolean }): RunningProcess {
  const child = spawn(
    process.execPath,
    ['--no-node-snapshot', '--import', 'tsx', join(root, 'apps/grader/src/main.ts')],
    {
      cwd: root,
      stdio: options.quiet ? 'ignore' : 'inherit',
      env: { ...process.env, DATABASE_URL: options.databaseUrl },
    },
  );
  return { child, stop: () => stopChild(child) };
}
