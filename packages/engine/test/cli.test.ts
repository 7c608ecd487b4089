// The command line, spawned for real on stories260K.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { kjvDraftDir, kjvTargetDir, missing, stories260KDir } from './fixtures/paths.ts';
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
    [
      'bad draft backend',
      ['generate', '--model', 'x', '--prompt', 'y', '--draft', 'z', '--draft-backend', 'gpu'],
      /--draft-backend must be ts or ort, got "gpu"/,
    ],
    [
      '--draft-backend without a draft',
      ['generate', '--model', 'x', '--prompt', 'y', '--ngram', '--draft-backend', 'ts'],
      /--draft-backend needs --draft/,
    ],
    [
      'two γ policies',
      ['generate', '--model', 'x', '--prompt', 'y', '--ngram', '--adaptive', '--cost-aware'],
      /choose one γ policy/,
    ],
    [
      '--cost-aware without a drafter',
      ['generate', '--model', 'x', '--prompt', 'y', '--cost-aware'],
      /--cost-aware needs a drafter/,
    ],
    [
      'two different target backends',
      ['generate', '--model', 'x', '--prompt', 'y', '--backend', 'ts', '--target-backend', 'ort'],
      /--backend and --target-backend name the same thing/,
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

const kjvAbsent =
  missing(kjvTargetDir, ['config.json', 'onnx/model.onnx']) ??
  missing(kjvDraftDir, ['config.json', 'model.safetensors']);

describe('engine CLI on the kjv pair', {
  skip: kjvAbsent && `the kjv pair is not there: ${kjvAbsent}`,
}, () => {
  test('target on ort, draft on ts, cost-aware γ: the plain greedy tokens', async () => {
    const base = [
      'generate',
      '--model',
      kjvTargetDir,
      '--prompt',
      'And it came to pass',
      '--max-tokens',
      '40',
    ];
    const [plain, mixed] = await Promise.all([
      cli(...base, '--json'),
      cli(...base, '--target-backend', 'ort', '--draft', kjvDraftDir, '--cost-aware', '--gamma', '6'),
    ]);
    assert.equal(plain.code, 0, plain.stderr);
    assert.equal(mixed.code, 0, mixed.stderr);
    assert.match(mixed.stdout, /^cost-aware γ: costs in units of one one-token target step/);
    assert.match(
      mixed.stdout,
      /model kjv-target \(ort\) · speculative, draft model kjv-draft \(ts\), γ = 6 \(cost-aware/,
    );
    const text = JSON.parse(plain.stdout).text as string;
    assert.ok(mixed.stdout.includes(`And it came to pass${text}\n`), mixed.stdout);
  });
});
