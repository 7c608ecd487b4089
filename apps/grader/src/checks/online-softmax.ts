// Checks of the FlashAttention blank: the update against softmax(s)·V computed in one pass, and the
// engine's greedy generation with tiled attention built from the student's update.
import { generate, Rng } from '@infer-lab/engine';
import type { Sandbox } from '../sandbox/sandbox.ts';
import type { BlockUpdate, SoftmaxState } from './tiled-attention.ts';
import { type Check, closeTo, fail, numbers, show } from './types.ts';

/** The student's update as a host function; checks the state it returns. */
export function studentUpdate(sandbox: Sandbox): BlockUpdate {
  return (state, scores, values, d) => {
    const what = `onlineSoftmaxUpdate(state, ${show(scores)}, values, ${d})`;
    const next = sandbox.call('onlineSoftmaxUpdate', [
      state,
      scores,
      values,
      d,
    ]) as Partial<SoftmaxState> | null;
    if (typeof next !== 'object' || next === null)
      fail(`${what} returned ${show(next)}; expected { m, l, o }`);
    if (typeof next.m !== 'number' || typeof next.l !== 'number')
      fail(`${what} returned m = ${show(next.m)}, l = ${show(next.l)}; both must be numbers`);
    const o = numbers(next.o, d, `${what}.o`);
    return { m: next.m, l: next.l, o: Float32Array.from(o) };
  };
}

/** softmax(scores)·V over a whole row, the direct way. */
function attentionRow(scores: Float32Array, values: Float32Array, d: number): Float32Array {
  let max = Number.NEGATIVE_INFINITY;
  for (const s of scores) max = Math.max(max, s);
  const out = new Float32Array(d);
  let total = 0;
  for (let j = 0; j < scores.length; j++) total += Math.exp(scores[j]! - max);
  for (let j = 0; j < scores.length; j++) {
    const w = Math.exp(scores[j]! - max) / total;
    for (let i = 0; i < d; i++) out[i]! += w * values[j * d + i]!;
  }
  return out;
}

/** Folds the row block by block through `update`, then compares with the direct result. */
function expectRow(
  update: BlockUpdate,
  scores: Float32Array,
  values: Float32Array,
  d: number,
  block: number,
  label: string,
): void {
  let state: SoftmaxState = { m: Number.NEGATIVE_INFINITY, l: 0, o: new Float32Array(d) };
  for (let from = 0; from < scores.length; from += block) {
    const to = Math.min(scores.length, from + block);
    state = update(state, scores.slice(from, to), values.slice(from * d, to * d), d);
  }
  const expected = attentionRow(scores, values, d);
  const at = closeTo(state.o, expected, 1e-4);
  if (at >= 0)
    fail(
      `${label}: O = ${show(state.o)}; expected ${show(expected)} (index ${at} differs; scores ${show(scores)}, block size ${block})`,
    );
}

function randomRow(rng: Rng, n: number, d: number, spread: number) {
  const scores = Float32Array.from({ length: n }, () => (rng.nextFloat() - 0.5) * spread);
  const values = Float32Array.from({ length: n * d }, () => rng.nextFloat() * 2 - 1);
  return { scores, values };
}

const ENGINE_PROMPTS = ['In the beginning God', 'And the LORD spake unto Moses, saying,'];

export const onlineSoftmaxChecks: Record<string, Check> = {
  'one-block': ({ sandbox }) => {
    const scores = Float32Array.of(0.5, -1, 2);
    const values = Float32Array.of(1, 0, 0, 1, 2, 2);
    expectRow(studentUpdate(sandbox), scores, values, 2, 3, 'one block of 3');
    return 'one block from the empty state equals softmax(s)·V';
  },
  'two-blocks': ({ sandbox }) => {
    const scores = Float32Array.of(0.5, -1, 2, 3);
    const values = Float32Array.of(1, 0, 0, 1, 2, 2, -1, 1);
    expectRow(studentUpdate(sandbox), scores, values, 2, 2, 'two blocks of 2');
    return 'two blocks equal the whole row';
  },
  'random-tiles': ({ sandbox }) => {
    const rng = new Rng(42);
    const update = studentUpdate(sandbox);
    for (let c = 0; c < 40; c++) {
      const n = 1 + (rng.nextUint32() % 24);
      const d = 1 + (rng.nextUint32() % 8);
      const { scores, values } = randomRow(rng, n, d, 8);
      expectRow(update, scores, values, d, 1 + (rng.nextUint32() % 7), `case ${c + 1}`);
    }
    return '40 random rows, block sizes 1–7';
  },
  'large-scores': ({ sandbox }) => {
    const rng = new Rng(5);
    const update = studentUpdate(sandbox);
    for (const offset of [800, 5000, -5000]) {
      const { scores, values } = randomRow(rng, 9, 3, 20);
      expectRow(
        update,
        scores.map((s) => s + offset),
        values,
        3,
        4,
        `scores around ${offset}`,
      );
    }
    return 'scores around ±5000 stay finite and correct';
  },
  'masked-scores': ({ sandbox }) => {
    const update = studentUpdate(sandbox);
    const inf = Number.NEGATIVE_INFINITY;
    expectRow(
      update,
      Float32Array.of(inf, inf, 1, 2, inf, 0.5),
      Float32Array.of(1, 2, 3, 4, 5, 6),
      1,
      2,
      'first block fully masked',
    );
    expectRow(
      update,
      Float32Array.of(1, inf, 2, inf, inf, inf),
      Float32Array.of(1, 2, 3, 4, 5, 6),
      1,
      3,
      'last block fully masked',
    );
    return '−∞ scores get weight 0; fully masked blocks leave the state as it was';
  },
  'engine-greedy': async ({ sandbox, models }) => {
    const flash = await models.flashAttention();
    flash.setUpdate(studentUpdate(sandbox));
    for (const prompt of ENGINE_PROMPTS) {
      const want = await models.memo(
        `flash-greedy:${prompt}`,
        async () =>
          (await generate({ target: flash.reference, tokenizer: flash.tokenizer, prompt, maxTokens: 16 }))
            .tokens,
      );
      const got = (await generate({ target: flash.tiled, tokenizer: flash.tokenizer, prompt, maxTokens: 16 }))
        .tokens;
      if (got.join() !== want.join()) {
        fail(
          `"${prompt}": with your attention the model wrote "${flash.tokenizer.decode(got)}"; the reference wrote "${flash.tokenizer.decode(want)}"`,
        );
      }
    }
    return `greedy generation of ${ENGINE_PROMPTS.length} prompts matches the reference`;
  },
};
