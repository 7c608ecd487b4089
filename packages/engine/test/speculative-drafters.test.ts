import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { CausalLM } from '../src/model/types.ts';
import { argmax } from '../src/sampling/distribution.ts';
import { Rng } from '../src/sampling/rng.ts';
import { ModelDrafter } from '../src/speculative/drafters/model.ts';
import { NgramDrafter, proposeByLookup } from '../src/speculative/drafters/ngram.ts';
import { nextGamma } from '../src/speculative/gamma.ts';
import { loadStories260K, stories260KAbsent } from './generate-helpers.ts';

describe('n-gram lookup', () => {
  test('proposes what followed the latest earlier match of the longest suffix', () => {
    //           0  1  2  3  4  5  6  7  8  9
    const text = [5, 6, 7, 8, 9, 5, 6, 7, 1, 5, 6];
    // suffix [5, 6] (n = 2) last occurred at 5 (then 7, 1, 5, 6); n = 3 ([1, 5, 6]) never did.
    assert.deepEqual(proposeByLookup(text, 3, 1, 3), [7, 1, 5]);
    assert.deepEqual(proposeByLookup(text, 10, 1, 3), [7, 1, 5, 6]); // stops at the end of the text
  });

  test('a longer match wins over a more recent shorter one', () => {
    const text = [1, 2, 3, 4, 9, 3, 7, 1, 2, 3];
    // n = 3: [1, 2, 3] at 0 → 4, 9; n = 1 alone would pick the later 3 → 7.
    assert.deepEqual(proposeByLookup(text, 2, 1, 3), [4, 9]);
    assert.deepEqual(proposeByLookup(text, 2, 1, 1), [7, 1]);
  });

  test('nothing when no suffix of at least minN tokens recurs', () => {
    assert.deepEqual(proposeByLookup([1, 2, 3, 4], 4, 1, 3), []);
    assert.deepEqual(proposeByLookup([1, 2, 9, 1, 3, 2], 4, 2, 3), []);
    assert.deepEqual(proposeByLookup([7], 4, 1, 3), []);
  });

  test('NgramDrafter returns tokens without q (one-hot) and never runs a model', async () => {
    const drafter = new NgramDrafter({ minN: 2, maxN: 4 });
    assert.deepEqual(await drafter.propose([1, 2, 3, 1, 2], 2), { tokens: [3, 1] });
    assert.equal(drafter.forwardCount, 0);
    assert.throws(() => new NgramDrafter({ minN: 3, maxN: 2 }), /1 ≤ minN ≤ maxN/);
  });
});

describe('adaptive γ', () => {
  test('+2 when all accepted, −1 otherwise, within [1, max]; unchanged without a draft', () => {
    assert.equal(nextGamma(4, 4, 4, 8), 6);
    assert.equal(nextGamma(7, 7, 7, 8), 8);
    assert.equal(nextGamma(4, 4, 3, 8), 3);
    assert.equal(nextGamma(1, 1, 0, 8), 1);
    assert.equal(nextGamma(4, 0, 0, 8), 4);
  });
});

describe('ModelDrafter on stories260K', {
  skip: stories260KAbsent && `stories260K not found: ${stories260KAbsent}`,
}, () => {
  let model: CausalLM;
  before(async () => {
    ({ model } = await loadStories260K());
  });

  async function greedyContinuation(context: number[], n: number): Promise<number[]> {
    const cache = model.newCache();
    const out: number[] = [];
    let logits = await model.forward(context, cache);
    const V = model.config.vocabSize;
    for (let i = 0; i < n; i++) {
      const token = argmax(logits.subarray(logits.length - V));
      out.push(token);
      logits = await model.forward([token], cache);
    }
    return out;
  }

  test('greedy drafts equal the model’s greedy continuation, with one-hot q, one forward per token', async () => {
    const drafter = new ModelDrafter(model);
    const context = [1, 403, 407, 261, 378];
    const proposal = await drafter.propose(context, 4, { temperature: 0 }, new Rng(1));
    assert.deepEqual(proposal.tokens, await greedyContinuation(context, 4));
    assert.equal(proposal.probs!.length, 4);
    assert.equal(proposal.probs![0]![proposal.tokens[0]!], 1);
    assert.equal(drafter.forwardCount, 4);
  });

  test('after a rejection its cache rolls back: drafts match a fresh drafter’s', async () => {
    const drafter = new ModelDrafter(model);
    const context = [1, 403, 407, 261, 378];
    const first = await drafter.propose(context, 4, { temperature: 0 }, new Rng(1));
    // The target kept two drafts and then emitted another token instead of the third.
    const next = [...context, first.tokens[0]!, first.tokens[1]!, 300];
    const again = await drafter.propose(next, 3, { temperature: 0 }, new Rng(1));
    assert.deepEqual(again.tokens, await greedyContinuation(next, 3));
    assert.equal(drafter.forwardCount, 7);
  });

  test('sampled drafts are seeded and come with the q they were drawn from', async () => {
    const params = { temperature: 1, topK: 20 };
    const a = await new ModelDrafter(model).propose([1, 403], 5, params, new Rng(9));
    const b = await new ModelDrafter(model).propose([1, 403], 5, params, new Rng(9));
    assert.deepEqual(a.tokens, b.tokens);
    for (const [i, q] of a.probs!.entries()) {
      assert.ok(q[a.tokens[i]!]! > 0);
      assert.equal(q.filter((x) => x > 0).length, 20);
    }
  });

  test('after sitting out more than maxCatchUp tokens it starts over from the last maxCatchUp', async () => {
    let fed = 0; // tokens the drafter feeds the (real) model
    const counting: CausalLM = {
      name: model.name,
      backend: model.backend,
      config: model.config,
      newCache: () => model.newCache(),
      forward: (tokens, cache, options) => {
        fed += tokens.length;
        return model.forward(tokens, cache, options);
      },
    };
    const drafter = new ModelDrafter(counting, { maxCatchUp: 8 });
    const prompt = [1, 403, 407, 261, 378, 300, 301, 302, 303, 304, 305, 306];
    await drafter.propose(prompt, 2, { temperature: 0 }, new Rng(1));
    assert.equal(fed, prompt.length + 1, 'the prompt is fed whole, however long');
    // Adaptive γ paused: 40 plain steps went by without the drafter.
    const context = [...prompt, ...Array.from({ length: 40 }, (_, i) => 300 + i)];
    fed = 0;
    const after = await drafter.propose(context, 3, { temperature: 0 }, new Rng(1));
    assert.equal(fed, 8 + 2, 'the last 8 context tokens, then the drafts');
    assert.deepEqual(after.tokens, await greedyContinuation(context.slice(-8), 3));
    // Afterwards it drafts and rolls back as usual from its window.
    fed = 0;
    const next = [...context, after.tokens[0]!, 7];
    assert.deepEqual(
      (await drafter.propose(next, 2, { temperature: 0 }, new Rng(1))).tokens,
      await greedyContinuation(next.slice(-10), 2),
    );
    assert.equal(fed, 1 + 1, 'one new token after the rollback, then one draft');
    assert.throws(() => new ModelDrafter(model, { maxCatchUp: 0 }), /maxCatchUp must be a whole number ≥ 1/);
  });

  test('never drafts past the model’s maxSeqLen', async () => {
    const context = new Array(510).fill(403);
    const proposal = await new ModelDrafter(model).propose(context, 5, { temperature: 0 }, new Rng(1));
    assert.equal(proposal.tokens.length, 3); // feeds positions up to 511
  });
});
