// The `ort` backend against the `ts` backend and against @huggingface/transformers running the same
// ONNX export on onnxruntime-node (the cross-check), on the project's own models.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadModel } from '../src/index.ts';
import type { CausalLM } from '../src/model/types.ts';
import { kjvDraftDir, kjvTargetDir, missing } from './fixtures/paths.ts';

const PROMPT =
  'In the beginning God created the heaven and the earth. And the earth was without form, and void;';
const TOLERANCE = 1e-4;
const modelFiles = ['config.json', 'model.safetensors', 'tokenizer.json', 'onnx/model.onnx'];

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.equal(a.length, b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

/** Logits of the prompt run as a prefill, then 3 single-token steps, then a rolled-back 4-token verify. */
async function logitsThroughCache(model: CausalLM, tokens: number[]): Promise<Float32Array> {
  const cache = model.newCache();
  const prefill = tokens.length - 7;
  const parts = [await model.forward(tokens.slice(0, prefill), cache)];
  for (let i = prefill; i < prefill + 3; i++) parts.push(await model.forward([tokens[i]!], cache));
  await model.forward([5, 6, 7, 8], cache); // a rejected draft...
  cache.truncate(prefill + 3); // ...rolled back
  parts.push(await model.forward(tokens.slice(prefill + 3), cache));
  assert.equal(cache.length, tokens.length);
  return Float32Array.from(parts.flatMap((p) => [...p]));
}

for (const dir of [kjvTargetDir, kjvDraftDir]) {
  const absent = missing(dir, modelFiles);
  const name = dir.split('/').pop();

  test(`${name}: the ts and ort backends give the same logits (max abs diff < ${TOLERANCE})`, async (t) => {
    if (absent) return t.skip(`the project's model is not there yet: ${absent}`);
    const ts = await loadModel(dir, { backend: 'ts' });
    const ort = await loadModel(dir, { backend: 'ort' });
    assert.equal(ort.model.backend, 'ort');
    const tokens = ts.tokenizer.encode(PROMPT);
    assert.deepEqual(ort.tokenizer.encode(PROMPT), tokens);
    const diff = maxAbsDiff(
      await logitsThroughCache(ts.model, tokens),
      await logitsThroughCache(ort.model, tokens),
    );
    t.diagnostic(`max abs logits diff ts vs ort: ${diff.toExponential(2)}`);
    assert.ok(diff < TOLERANCE, `max abs diff ${diff}`);
    await ort.model.dispose?.();
  });

  test(`${name}: ort after many rolled-back drafts gives a fresh run's logits`, async (t) => {
    if (absent) return t.skip(`the project's model is not there yet: ${absent}`);
    const { model, tokenizer } = await loadModel(dir, { backend: 'ort' });
    const tokens = tokenizer.encode(PROMPT);
    const fresh = await model.forward(tokens, model.newCache());
    // Speculative-style steps: feed a context token plus rejected drafts, roll the drafts back. The
    // 6 rejected rows per step pile up past the squeeze limit (32), so both the masked rows and the
    // squeeze are exercised.
    const cache = model.newCache();
    const rows: Float32Array[] = [await model.forward(tokens.slice(0, 4), cache)];
    for (let i = 4; i < tokens.length; i++) {
      const logits = await model.forward([tokens[i]!, 7, 8, 9, 10, 11, 12], cache);
      rows.push(logits.subarray(0, model.config.vocabSize));
      cache.truncate(i + 1);
    }
    assert.equal(cache.length, tokens.length);
    const diff = maxAbsDiff(Float32Array.from(rows.flatMap((r) => [...r])), fresh);
    t.diagnostic(`max abs logits diff, rolled back vs fresh: ${diff.toExponential(2)}`);
    assert.ok(diff < TOLERANCE, `max abs diff ${diff}`);
    // A truncate to a shorter prefix, then new tokens: the same as a fresh run of that sequence.
    cache.truncate(5);
    const after = await model.forward([20, 21, 22], cache);
    const expected = await model.forward([...tokens.slice(0, 5), 20, 21, 22], model.newCache());
    const tail = maxAbsDiff(after, expected.subarray(5 * model.config.vocabSize));
    assert.ok(tail < TOLERANCE, `after truncate(5): max abs diff ${tail}`);
    await model.dispose?.();
  });

  test(`${name}: our logits match @huggingface/transformers on the same ONNX export (max abs diff < ${TOLERANCE})`, async (t) => {
    if (absent) return t.skip(`the project's model is not there yet: ${absent}`);
    const { AutoModelForCausalLM, Tensor, env } = await import('@huggingface/transformers');
    env.allowRemoteModels = false;
    const reference = await AutoModelForCausalLM.from_pretrained(dir, {
      dtype: 'fp32',
      device: 'cpu',
      local_files_only: true,
    });
    const { model, tokenizer } = await loadModel(dir, { backend: 'ts' });
    const tokens = tokenizer.encode(PROMPT);
    const output = await reference({
      input_ids: new Tensor('int64', BigInt64Array.from(tokens, BigInt), [1, tokens.length]),
      attention_mask: new Tensor('int64', new BigInt64Array(tokens.length).fill(1n), [1, tokens.length]),
    });
    assert.deepEqual(output.logits.dims, [1, tokens.length, model.config.vocabSize]);
    const expected = output.logits.data as Float32Array;
    for (const backend of ['ts', 'ort'] as const) {
      const ours = backend === 'ts' ? model : (await loadModel(dir, { backend })).model;
      const diff = maxAbsDiff(await ours.forward(tokens, ours.newCache()), expected);
      t.diagnostic(`max abs logits diff ${backend} vs transformers.js: ${diff.toExponential(2)}`);
      assert.ok(diff < TOLERANCE, `${backend}: max abs diff ${diff}`);
    }
    await reference.dispose();
  });
}

test('logitsOfLast: n gives the last n rows of the full logits on both backends; a bad n is a RangeError', async (t) => {
  const absent = missing(kjvTargetDir, modelFiles);
  if (absent) return t.skip(`the project's model is not there yet: ${absent}`);
  for (const backend of ['ts', 'ort'] as const) {
    const { model, tokenizer } = await loadModel(kjvTargetDir, { backend });
    const { vocabSize } = model.config;
    const tokens = tokenizer.encode(PROMPT);
    const full = await model.forward(tokens, model.newCache());
    for (const n of [1, 3]) {
      const cache = model.newCache();
      const last = await model.forward(tokens, cache, { logitsOfLast: n });
      assert.equal(last.length, n * vocabSize, `${backend}: ${n} rows`);
      assert.ok(maxAbsDiff(last, full.subarray((tokens.length - n) * vocabSize)) < TOLERANCE, backend);
      assert.equal(cache.length, tokens.length, `${backend}: every token still enters the cache`);
    }
    for (const bad of [0, tokens.length + 1, 1.5]) {
      await assert.rejects(model.forward(tokens, model.newCache(), { logitsOfLast: bad }), {
        name: 'RangeError',
        message: new RegExp(`logitsOfLast must be a whole number from 1 to ${tokens.length}`),
      });
    }
    await model.dispose?.();
  }
});
