// `npm run bench -- <name> [args]`: runs one benchmark script; each prints its own table.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const benches: Record<string, string> = {
  submit: 'apps/web/bench/submit.ts',
  spec: 'packages/engine/bench/spec.ts',
  decode: 'packages/engine/bench/decode.ts',
  grader: 'apps/grader/bench/grader.ts',
};

const [name, ...args] = process.argv.slice(2);
const file = name ? benches[name] : undefined;
if (!file) {
  console.error(`Usage: npm run bench -- <${Object.keys(benches).join('|')}> [options]`);
  process.exit(2);
}
const path = new URL(`../${file}`, import.meta.url).pathname;
if (!existsSync(path)) {
  console.error(`Benchmark "${name}" is not written yet (${file}).`);
  process.exit(2);
}
const result = spawnSync(process.execPath, ['--no-node-snapshot', '--import', 'tsx', path, ...args], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
