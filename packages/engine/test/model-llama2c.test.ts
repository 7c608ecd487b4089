// The Llama forward on llama2.c's stories260K against llama2.c's own greedy output.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { defaultKernels } from '../src/kernels/index.ts';
import { referenceKernels } from '../src/kernels/reference.ts';
import type { Kernels } from '../src/kernels/types.ts';
import { createWasmKernels } from '../src/kernels/wasm.ts';
import { LlamaModel } from '../src/model/llama.ts';
import { readLlama2cTokenizer } from '../src/tokenizer/llama2c.ts';
import { readLlama2cCheckpoint } from '../src/weights/llama2c.ts';
import { missing, readFixture, stories260KDir } from './fixtures/paths.ts';

const absent = missing(stories260KDir, ['checkpoint_legacy.bin', 'checkpoint_v1.bin', 'tokenizer.bin']);
const reference = readFixture('tinystories-260k-greedy.txt');
const expectedIds = reference.fields.ids!.split(' ').map(Number);

async function load(file: string, kernels: Kernels = referenceKernels) {
  const { config, weights } = await readLlama2cCheckpoint(join(stories260KDir, file));
  return new LlamaModel(file, config, weights, kernels);
}

function argmax(logits: Float32Array, row = 0, width = logits.length): number {
  let best = 0;
  for (let i = 1; i < width; i++) if (logits[row * width + i]! > logits[row * width + best]!) best = i;
  return best;
}

for (const [file, kernels] of [
  ['checkpoint_legacy.bin', referenceKernels],
  ['checkpoint_v1.bin', referenceKernels],
  ['checkpoint_legacy.bin', defaultKernels()],
] as const) {
  test(`greedy decoding of ${file} (${kernels.name} kernels) reproduces llama2.c's run.c for 200 tokens`, async (t) => {
    if (absent) return t.skip(`stories260K not found: ${absent}`);
    const model = await load(file, kernels);
    const tokenizer = await readLlama2cTokenizer(
      join(stories260KDir, 'tokenizer.bin'),
      model.config.vocabSize,
    );
    const cache = model.newCache();
    const ids: number[] = [];
    let token = model.config.bosTokenId;
    for (let step = 0; step < 200; step++) {
      token = argmax(await model.forward([token], cache));
      ids.push(token);
    }
    assert.deepEqual(ids, expectedIds);
    assert.equal(`${tokenizer.decode([tokenizer.bosTokenId, ...ids])}\n`, reference.body);
  });
}

test('one multi-token forward gives the logits of token-by-token forwards, and truncate rolls back', async (t) => {
  if (absent) return t.skip(`stories260K not found: ${absent}`);
  const model = await load('checkpoint_legacy.bin');
  const { vocabSize } = model.config;
  const tokens = [1, ...expectedIds.slice(0, 11)];

  const stepwise = model.newCache();
  const rows: Float32Array[] = [];
  for (const token of tokens) rows.push(await model.forward([token], stepwise));

  const batched = model.newCache();
  const prefill = await model.forward(tokens.slice(0, 7), batched);
  const verify = await model.forward(tokens.slice(7), batched); // like a speculative verify of γ+1 = 5
  assert.equal(batched.length, tokens.length);
  const all = [...prefill, ...verify];
  for (let r = 0; r < tokens.length; r++) {
    for (let i = 0; i < vocabSize; i++) assert.ok(Math.abs(all[r * vocabSize + i]! - rows[r]![i]!) < 1e-5);
  }

  batched.truncate(8); // reject the last 4 drafted tokens, then continue with another token
  const again = await model.forward([tokens[8]!], batched);
  assert.deepEqual(again, rows[8]);
  assert.throws(() => batched.truncate(10), /truncate a KV cache of length 9 to 10/);
});

test('a sequence longer than maxSeqLen is a RangeError naming the limit', async (t) => {
  if (absent) return t.skip(`stories260K not found: ${absent}`);
  const model = await load('checkpoint_legacy.bin');
  const cache = model.newCache();
  await model.forward(new Array(500).fill(5), cache);
  await assert.rejects(model.forward(new Array(13).fill(5), cache), /maxSeqLen of 512/);
  assert.equal(cache.length, 500);
  await assert.rejects(model.forward([512], cache), /Token id 512 is outside the vocabulary \(size 512\)/);
  const foreignCache = { length: 0, truncate() {} };
  await assert.rejects(model.forward([1], foreignCache), /not made by/);
});

test('caches of one model used in turn keep their own contents, and throwaway caches cost nothing', async (t) => {
  if (absent) return t.skip(`stories260K not found: ${absent}`);
  const model = await load('checkpoint_legacy.bin', defaultKernels());
  const a = [1, ...expectedIds.slice(0, 9)];
  const b = [1, 260, 300, 400, 270, 280, 290, 310, 320, 330];
  const oneByOne = async (tokens: number[]) => {
    const cache = model.newCache();
    const rows: number[][] = [];
    for (const token of tokens) rows.push([...(await model.forward([token], cache))]);
    return rows;
  };
  const expectedA = await oneByOne(a);
  const expectedB = await oneByOne(b);
  const cacheA = model.newCache();
  const cacheB = model.newCache();
  for (let i = 0; i < a.length; i++) {
    assert.deepEqual([...(await model.forward([a[i]!], cacheA))], expectedA[i]);
    assert.deepEqual([...(await model.forward([b[i]!], cacheB))], expectedB[i]);
    await model.forward([5, 6], model.newCache());
  }
});

test('dispose gives the weights back to the kernels: loading again reuses the memory', async (t) => {
  if (absent) return t.skip(`stories260K not found: ${absent}`);
  const kernels = createWasmKernels();
  const sizes: number[] = [];
  for (let i = 0; i < 4; i++) {
    const model = await load('checkpoint_legacy.bin', kernels);
    await model.forward([1, 403, 407], model.newCache());
    model.dispose();
    sizes.push(kernels.memory.buffer.byteLength);
    await assert.rejects(model.forward([1], model.newCache()), /checkpoint_legacy\.bin was disposed/);
  }
  assert.equal(new Set(sizes).size, 1, `memory grew across reloads: ${sizes.join(', ')}`);
});
