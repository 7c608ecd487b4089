import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { EngineError } from '../src/errors.ts';
import { readLlama2cCheckpoint } from '../src/weights/llama2c.ts';
import { missing, stories260KDir } from './fixtures/paths.ts';

const absent = missing(stories260KDir, ['checkpoint_legacy.bin', 'checkpoint_v1.bin']);

test('both llama2.c checkpoint versions load to the same config and weights', async (t) => {
  if (absent) return t.skip(`stories260K not found: ${absent}`);
  const legacy = await readLlama2cCheckpoint(join(stories260KDir, 'checkpoint_legacy.bin'));
  const v1 = await readLlama2cCheckpoint(join(stories260KDir, 'checkpoint_v1.bin'));
  assert.equal(legacy.version, 0);
  assert.equal(v1.version, 1);
  assert.deepEqual(legacy.config, v1.config);
  assert.deepEqual(
    { dim: legacy.config.dim, hiddenDim: legacy.config.hiddenDim, nLayers: legacy.config.nLayers },
    { dim: 64, hiddenDim: 172, nLayers: 5 },
  );
  assert.equal(legacy.config.nKvHeads, 4);
  assert.equal(legacy.config.tiedEmbeddings, true);
  assert.equal(legacy.weights.output, legacy.weights.tokenEmbedding);
  assert.deepEqual(legacy.weights.layers[4]!.down, v1.weights.layers[4]!.down);
  assert.deepEqual(legacy.weights.finalNorm, v1.weights.finalNorm);
});

test('a truncated checkpoint is an EngineError naming the file and the sizes', async (t) => {
  if (absent) return t.skip(`stories260K not found: ${absent}`);
  const bytes = await readFile(join(stories260KDir, 'checkpoint_v1.bin'));
  const truncated = join(tmpdir(), `truncated-checkpoint-${process.pid}.bin`);
  await writeFile(truncated, bytes.subarray(0, 100_000));
  await assert.rejects(readLlama2cCheckpoint(truncated), (error: unknown) => {
    assert.ok(error instanceof EngineError);
    assert.match(
      error.message,
      /truncated-checkpoint-\d+\.bin is truncated: .* needs 1040384 bytes, the file has 100000/,
    );
    return true;
  });
  await writeFile(truncated, Buffer.from('not a checkpoint at all, just some text'));
  await assert.rejects(readLlama2cCheckpoint(truncated), /is not a llama2.c checkpoint: implausible header/);
});
