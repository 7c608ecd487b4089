// The generation loop on llama2.c's stories260K: plain and speculative decoding agree, seeds
// reproduce, limits and stop tokens are honoured.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { EngineError } from '../src/errors.ts';
import { generate } from '../src/generate.ts';
import type { CausalLM, Tokenizer } from '../src/model/types.ts';
import { ModelDrafter } from '../src/speculative/drafters/model.ts';
import { NgramDrafter } from '../src/speculative/drafters/ngram.ts';
import type { GammaPolicy, StepObservation } from '../src/speculative/gamma.ts';
import { readFixture } from './fixtures/paths.ts';
import { loadStories260K, stories260KAbsent } from './generate-helpers.ts';

describe('generate on stories260K', {
  skip: stories260KAbsent && `stories260K not found: ${stories260KAbsent}`,
}, () => {
  let model: CausalLM;
  let draft: CausalLM;
  let tokenizer: Tokenizer;
  before(async () => {
    ({ model, tokenizer } = await loadStories260K());
    ({ model: draft } = await loadStories260K());
  });

  test("plain greedy decoding from BOS reproduces llama2.c's run.c", async () => {
    const reference = readFixture('tinystories-260k-greedy.txt').fields.ids!.split(' ').map(Number);
    const result = await generate({ target: model, tokenizer, prompt: [1], maxTokens: 200 });
    assert.deepEqual(result.tokens, reference);
    assert.equal(result.stopReason, 'max-tokens');
    assert.equal(result.metrics.targetForwards, 200);
    assert.equal(result.metrics.acceptanceRate, null);
  });

  test('greedy speculative decoding gives exactly the plain greedy tokens', async () => {
    const prompt = 'Once upon a time, there was a little girl named Lily. Lily';
    const plain = await generate({ target: model, tokenizer, prompt, maxTokens: 120 });
    const drafters = [
      () => new NgramDrafter({ minN: 1, maxN: 3 }),
      () => new ModelDrafter(draft), // the same weights: every draft must be accepted
    ];
    for (const makeDrafter of drafters) {
      for (const [gamma, adaptiveGamma] of [
        [1, false],
        [3, false],
        [5, false],
        [2, true],
      ] as const) {
        const drafter = makeDrafter();
        const spec = await generate({
          target: model,
          tokenizer,
          prompt,
          maxTokens: 120,
          drafter,
          gamma,
          adaptiveGamma,
          pauseUnprofitableDrafting: false, // the bare schedule: its forward counts are checked below
          maxGamma: 6,
        });
        assert.deepEqual(
          spec.tokens,
          plain.tokens,
          `${drafter.name}, γ = ${gamma}, adaptive ${adaptiveGamma}`,
        );
        assert.equal(spec.text, plain.text);
        if (drafter instanceof ModelDrafter) {
          assert.equal(spec.metrics.acceptanceRate, 1);
          assert.ok(spec.metrics.targetForwards < plain.metrics.targetForwards / Math.min(gamma, 2));
          assert.equal(spec.metrics.draftForwards, spec.metrics.drafted);
        }
      }
    }
  });

  test('adaptive γ that pauses drafting still gives exactly the plain greedy tokens', async () => {
    const prompt = 'Once upon a time, there was a little girl named Lily. Lily';
    const plain = await generate({ target: model, tokenizer, prompt, maxTokens: 120 });
    for (const drafter of [new NgramDrafter(), new ModelDrafter(draft)]) {
      const spec = await generate({
        target: model,
        tokenizer,
        prompt,
        maxTokens: 120,
        drafter,
        gamma: 4,
        adaptiveGamma: true,
      });
      assert.deepEqual(spec.tokens, plain.tokens, drafter.name);
      // Paused or not, every step is counted: the accepted drafts plus one token each.
      assert.equal(spec.metrics.generatedTokens, spec.metrics.accepted + spec.metrics.targetForwards);
    }
  });

  test('a draft model with other sampling settings is partly rejected yet sampling stays seeded', async () => {
    const run = (seed: number) =>
      generate({
        target: model,
        tokenizer,
        prompt: 'One day, the',
        maxTokens: 60,
        sampling: { temperature: 1, topP: 0.95 },
        seed,
        drafter: new ModelDrafter(draft, { sampling: { temperature: 1.5, topK: 40 } }),
        gamma: 4,
      });
    const [a, b, c] = [await run(7), await run(7), await run(8)];
    assert.deepEqual(a.tokens, b.tokens);
    assert.notDeepEqual(a.tokens, c.tokens);
    const m = a.metrics;
    assert.ok(m.acceptanceRate! > 0.2 && m.acceptanceRate! < 1, `α = ${m.acceptanceRate}`);
    assert.equal(m.generatedTokens, 60);
    assert.equal(
      m.accepted,
      m.acceptanceByPosition.reduce((s, p) => s + p.accepted, 0),
    );
    assert.equal(
      m.drafted,
      m.acceptanceByPosition.reduce((s, p) => s + p.drafted, 0),
    );
    // Each step emits its accepted drafts plus one token.
    assert.equal(m.generatedTokens, m.accepted + m.targetForwards);
  });

  test('cost-aware γ: pauses a drafter that does not pay, drafts long with one that does', async () => {
    const prompt = 'Once upon a time, there was a little girl named Lily. Lily';
    const plain = await generate({ target: model, tokenizer, prompt, maxTokens: 80 });
    const run = (draftCost: number) =>
      generate({
        target: model,
        tokenizer,
        prompt,
        maxTokens: 80,
        drafter: new ModelDrafter(draft),
        gamma: 4,
        costs: { draft: draftCost, verify: [1, 1.1, 1.2, 1.3, 1.4] },
      });
    const [expensive, cheap] = [await run(2), await run(0.05)];
    assert.deepEqual(expensive.tokens, plain.tokens);
    assert.deepEqual(cheap.tokens, plain.tokens);
    assert.ok(expensive.metrics.drafted <= 6, `drafted ${expensive.metrics.drafted} (probes only)`);
    // Same weights, so every draft is accepted and γ climbs to the maximum (clamped near the end).
    assert.ok(cheap.metrics.meanGamma! > 3.5, `mean γ ${cheap.metrics.meanGamma}`);
  });

  test('a γ policy of your own decides each step and sees what each step did', async () => {
    const prompt = 'Once upon a time, there was a little girl named Lily. Lily';
    const plain = await generate({ target: model, tokenizer, prompt, maxTokens: 40 });
    const seen: StepObservation[] = [];
    const alternating: GammaPolicy = {
      next: () => (seen.length % 2 === 0 ? 3 : 0), // draft 3, then a plain step, and so on
      observe: (step) => void seen.push(step),
    };
    const spec = await generate({
      target: model,
      tokenizer,
      prompt,
      maxTokens: 40,
      drafter: new ModelDrafter(draft),
      gammaPolicy: alternating,
    });
    assert.deepEqual(spec.tokens, plain.tokens);
    assert.equal(seen.length, spec.metrics.targetForwards);
    for (const [i, step] of seen.entries()) {
      if (i % 2 === 1) assert.equal(step.drafted, 0);
      else assert.ok(step.drafted <= 3 && step.accepted <= step.drafted);
      assert.ok(step.draftMs >= 0 && step.verifyMs > 0);
    }
    assert.equal(
      spec.metrics.drafted,
      seen.reduce((sum, s) => sum + s.drafted, 0),
    );
    const broken: GammaPolicy = { next: () => -1, observe: () => {} };
    await assert.rejects(
      generate({ target: model, tokenizer, prompt, drafter: new ModelDrafter(draft), gammaPolicy: broken }),
      /The γ policy must choose a whole number ≥ 0, got -1/,
    );
  });

  test('plain sampling: same seed, same text; another seed, other text', async () => {
    const run = (seed: number) =>
      generate({
        target: model,
        tokenizer,
        prompt: 'Tom liked to',
        maxTokens: 40,
        sampling: { temperature: 0.9, topK: 50 },
        seed,
      });
    assert.equal((await run(1)).text, (await run(1)).text);
    assert.notEqual((await run(1)).text, (await run(2)).text);
  });

  test('stops at a generated BOS/EOS, which is left out', async () => {
    // Seed 1 ends its story (a generated BOS, llama2.c's story delimiter) before 400 tokens.
    const options = {
      target: model,
      tokenizer,
      prompt: [1],
      maxTokens: 400,
      sampling: { temperature: 1 },
      seed: 1,
    };
    const ended = await generate(options);
    assert.equal(ended.stopReason, 'eos');
    assert.ok(!ended.tokens.includes(1) && !ended.tokens.includes(2));
    const onward = await generate({ ...options, stopAtEos: false });
    assert.deepEqual(onward.tokens.slice(0, ended.tokens.length), ended.tokens);
    assert.ok([1, 2].includes(onward.tokens[ended.tokens.length]!));
  });

  test('the context limit stops generation, also mid-draft', async () => {
    const prompt = new Array(500).fill(0).map((_, i) => [1, 403, 300][i % 3]!);
    const plain = await generate({ target: model, tokenizer, prompt, maxTokens: 100, stopAtEos: false });
    assert.equal(plain.stopReason, 'context');
    assert.equal(plain.tokens.length, model.config.maxSeqLen - prompt.length);
    const spec = await generate({
      target: model,
      tokenizer,
      prompt,
      maxTokens: 100,
      stopAtEos: false,
      drafter: new ModelDrafter(draft),
      gamma: 5,
    });
    assert.deepEqual(spec.tokens, plain.tokens);
  });

  test('a prompt longer than the context is an EngineError naming maxSeqLen', async () => {
    await assert.rejects(
      generate({ target: model, tokenizer, prompt: new Array(512).fill(5), maxTokens: 1 }),
      (e: unknown) => e instanceof EngineError && /512 tokens long.*maxSeqLen = 512/.test(e.message),
    );
  });

  test('bad numbers are RangeErrors naming the option', async () => {
    await assert.rejects(
      generate({ target: model, tokenizer, prompt: 'a', gamma: 0 }),
      /gamma must be a whole number ≥ 1/,
    );
    await assert.rejects(generate({ target: model, tokenizer, prompt: 'a', maxTokens: -1 }), /maxTokens/);
    await assert.rejects(
      generate({ target: model, tokenizer, prompt: 'a', sampling: { temperature: 1, topP: 2 } }),
      /topP/,
    );
  });
});
