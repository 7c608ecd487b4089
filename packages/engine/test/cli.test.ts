// The command line, spawned for real on stories260K.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { stories260KDir } from './fixtures/paths.ts';
import { stories260KAbsent } from './generate-helpers.ts';

const main = new URL('../src/cli/main.ts', import.meta.url).pathname;
const checkpoint = join(stories260KDir, 'checkpoint_v1.bin');

function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--no-node-snapshot', '--import', 'tsx', main, ...args], {
      env: { ...process.env, INFER_LAB_DEBUG: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('engine CLI: usage errors exit 2 with the usage text', () => {
  for (const [why, args, message] of [
    [
      'unknown flag',
      ['generate', '--model', 'x', '--prompt', 'y', '--frobnicate'],
      /Unknown option '--frobnicate'/,
    ],
    ['missing --model', ['generate', '--prompt', 'y'], /--model is required/],
    [
      'non-numeric --gamma',
      ['generate', '--model', 'x', '--prompt', 'y', '--gamma', 'four'],
      /--gamma expects a whole number, got "four"/,
    ],
    [
      'two drafters',
      ['generate', '--model', 'x', '--prompt', 'y', '--ngram', '--draft', 'z'],
      /choose one drafter/,
    ],
    [
      'bad backend',
      ['generate', '--model', 'x', '--prompt', 'y', '--backend', 'gpu'],
      /--backend must be ts or ort/,
    ],
    ['unknown command', ['fly'], /unknown command "fly"/],
  ] as const) {
    test(why, async () => {
      const { code, stderr } = await cli(...args);
      assert.equal(code, 2);
      assert.match(stderr, message);
      assert.match(stderr, /Usage: npm run engine -- generate/);
    });
  }
});

describe('engine CLI on stories260K', {
  skip: stories260KAbsent && `stories260K not found: ${stories260KAbsent}`,
}, () => {
  test('generate prints the prompt, its greedy continuation and the metrics table', async () => {
    const { code, stdout, stderr } = await cli(
      'generate',
      '--model',
      checkpoint,
      '--prompt',
      'Once upon a time',
      '--max-tokens',
      '20',
    );
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^Once upon a time, there was a little girl named Lily\./);
    assert.match(stdout, /plain decoding · stop: max-tokens/);
    assert.match(stdout, /generated tokens +20\n/);
    assert.match(stdout, /tokens\/s +\d/);
  });

  test('--ngram and --draft give the plain greedy tokens (--json)', async () => {
    const base = [
      'generate',
      '--model',
      checkpoint,
      '--prompt',
      'Lily and Ben',
      '--max-tokens',
      '40',
      '--json',
    ];
    const runs = await Promise.all([
      cli(...base),
      cli(...base, '--ngram', '--gamma', '3'),
      cli(...base, '--draft', join(stories260KDir, 'checkpoint_legacy.bin'), '--adaptive'),
    ]);
    const [plain, ngram, draft] = runs.map(({ code, stdout, stderr }) => {
      assert.equal(code, 0, stderr);
      return JSON.parse(stdout);
    });
    assert.deepEqual(ngram.tokens, plain.tokens);
    assert.deepEqual(draft.tokens, plain.tokens);
    assert.equal(draft.metrics.acceptanceRate, 1);
    assert.ok(ngram.metrics.drafted > 0);
  });

  test('engine errors exit 1 with the message and no stack trace', async () => {
    const missing = await cli('generate', '--model', '/nonexistent/model', '--prompt', 'x');
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^error: Model not found: \/nonexistent\/model/);
    const tooLong = await cli('generate', '--model', checkpoint, '--prompt', 'a b '.repeat(400));
    assert.equal(tooLong.code, 1);
    assert.match(tooLong.stderr, /maxSeqLen = 512/);
    const badTopP = await cli(
      'generate',
      '--model',
      checkpoint,
      '--prompt',
      'x',
      '--temperature',
      '1',
      '--top-p',
      '1.5',
    );
    assert.equal(badTopP.code, 1);
    assert.match(badTopP.stderr, /topP must lie in \(0, 1\], got 1\.5/);
    for (const { stderr } of [missing, tooLong, badTopP]) assert.doesNotMatch(stderr, /^\s+at /m);
  });
});
