// Speculative sampling must emit tokens distributed exactly as the target's. The check and its
// statistics (false-alarm rate, sample sizes, thresholds) are documented in src/speculative/lossless.ts.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { generate } from '../src/generate.ts';
import type { CausalLM, Tokenizer } from '../src/model/types.ts';
import { argmax, toDistribution } from '../src/sampling/distribution.ts';
import type { SamplingParams } from '../src/sampling/params.ts';
import type { AcceptRatioFn, ResidualFn } from '../src/speculative/acceptance.ts';
import { chiSquarePValue, chiSquareTest } from '../src/speculative/chi-square.ts';
import { ModelDrafter } from '../src/speculative/drafters/model.ts';
import { checkLossless, formatLosslessReport, type LosslessCase } from '../src/speculative/lossless.ts';
import { loadStories260K, stories260KAbsent } from './generate-helpers.ts';

const absResidual: ResidualFn = (p, q) => p.map((pi, i) => Math.abs(pi - q[i]!));
const reversedResidual: ResidualFn = (p, q) => p.map((pi, i) => Math.max(0, q[i]! - pi));
const unclampedRatio: AcceptRatioFn = (px, qx) => px / qx;

describe('chi-square test', () => {
  test('p-values match published quantiles', () => {
    // 95th and 99.9th percentiles of χ² from standard tables.
    for (const [x, df, p] of [
      [3.841, 1, 0.05],
      [18.307, 10, 0.05],
      [124.342, 100, 0.05],
      [10.828, 1, 0.001],
      [29.588, 10, 0.001],
    ] as const) {
      assert.ok(Math.abs(chiSquarePValue(x, df) - p) < p * 1e-3, `χ²(${df}) ≥ ${x}`);
    }
  });

  test('a sampled token with probability 0 fails outright', () => {
    const fit = chiSquareTest([50, 50, 1], [0.5, 0.5, 0]);
    assert.equal(fit.impossibleToken, 2);
    assert.equal(fit.pValue, 0);
  });
});

describe('checkLossless on fixed p/q vectors', () => {
  test('the reference rule passes', () => {
    const report = checkLossless();
    assert.ok(report.passed, formatLosslessReport(report));
    for (const { observed, expected } of report.acceptance) assert.ok(Math.abs(observed - expected) < 0.02);
  });

  test('rejects the residual |p − q|', () => {
    const report = checkLossless({ residual: absResidual });
    assert.equal(report.passed, false);
    assert.ok(report.tests.some((t) => t.rule === 'plugged' && !t.passed));
  });

  test('rejects the residual max(0, q − p)', () => {
    const report = checkLossless({ residual: reversedResidual });
    assert.equal(report.passed, false);
  });

  test('rejects the unclamped ratio p/q through the residual it implies', () => {
    const report = checkLossless({ acceptRatio: unclampedRatio });
    assert.equal(report.passed, false);
    // The emitted tokens under `rand < ratio` are unchanged (ratio > 1 accepts either way) …
    assert.ok(report.tests.filter((t) => t.rule === 'plugged').every((t) => t.passed));
    // … but p/q is not a probability: the mass it claims acceptance serves leaves no residual.
    assert.ok(report.tests.some((t) => t.rule === 'ratio-implied residual' && !t.passed));
    assert.match(report.notes.join('\n'), /exceeds 1/);
  });

  test('an invalid return value fails with the guard message instead of throwing', () => {
    const report = checkLossless({ residual: (p) => new Float32Array(p.length - 1) });
    assert.equal(report.passed, false);
    assert.match(report.notes[0]!, /returned 5 values; expected 6/);
  });
});

describe('lossless on stories260K distributions', {
  skip: stories260KAbsent && `stories260K not found: ${stories260KAbsent}`,
}, () => {
  // The target samples at temperature 1; the "draft" is the same network sampled at temperature
  // 1.5 with top-k 40, so q differs from p (total variation ≈ 0.18 after the prompt) as a real
  // draft's would, while p is exactly computable.
  const targetSampling: SamplingParams = { temperature: 1 };
  const draftSampling: SamplingParams = { temperature: 1.5, topK: 40 };
  const prompt = 'One day, the';
  let model: CausalLM;
  let tokenizer: Tokenizer;
  let promptIds: number[];
  before(async () => {
    ({ model, tokenizer } = await loadStories260K());
    promptIds = tokenizer.encode(prompt, { bos: true });
  });

  /** Last-position logits after `tokens`. */
  async function lastLogits(tokens: number[]): Promise<Float32Array> {
    const logits = await model.forward(tokens, model.newCache());
    return logits.subarray(logits.length - model.config.vocabSize);
  }

  async function realCase(): Promise<LosslessCase> {
    const context = [...promptIds];
    const targetProbs: Float32Array[] = [];
    const draftProbs: Float32Array[] = [];
    for (let i = 0; i < 3; i++) {
      const logits = await lastLogits(context);
      targetProbs.push(toDistribution(logits, targetSampling));
      if (i < 2) draftProbs.push(toDistribution(logits, draftSampling));
      context.push(argmax(logits));
    }
    return { name: `stories260K after "${prompt}", γ = 2`, targetProbs, draftProbs };
  }

  test('checkLossless passes the reference rule and rejects the three wrong ones', async () => {
    const cases = [await realCase()];
    const reference = checkLossless({ cases });
    assert.ok(reference.passed, formatLosslessReport(reference));
    assert.equal(checkLossless({ cases, residual: absResidual }).passed, false);
    assert.equal(checkLossless({ cases, residual: reversedResidual }).passed, false);
    assert.equal(checkLossless({ cases, acceptRatio: unclampedRatio }).passed, false);
  });

  test('generate() with a draft model: the first two tokens follow the target over 2 000 seeds', async () => {
    // Full loop: drafting, one target forward over prompt + γ drafts, verification, cache rollback.
    // Token 1 is tested against p(· | prompt); token 2 only in runs whose token 1 was the most
    // likely one, against p(· | prompt, that token). Two chi-square tests, each at 0.0005: the
    // false-alarm rate of this test is 0.001 (deterministic for these seeds).
    const p1 = toDistribution(await lastLogits(promptIds), targetSampling);
    const top = argmax(p1);
    const p2 = toDistribution(await lastLogits([...promptIds, top]), targetSampling);
    const first = new Float64Array(p1.length);
    const second = new Float64Array(p1.length);
    const drafter = new ModelDrafter(model, { sampling: draftSampling });
    let drafted = 0;
    let accepted = 0;
    for (let seed = 1; seed <= 2000; seed++) {
      const { tokens, metrics } = await generate({
        target: model,
        tokenizer,
        prompt: promptIds,
        maxTokens: 3,
        sampling: targetSampling,
        seed,
        drafter,
        gamma: 2,
        stopAtEos: false,
      });
      first[tokens[0]!]!++;
      if (tokens[0] === top) second[tokens[1]!]!++;
      drafted += metrics.drafted;
      accepted += metrics.accepted;
    }
    for (const [name, counts, p] of [
      ['first', first, p1],
      ['second', second, p2],
    ] as const) {
      const fit = chiSquareTest(counts, p);
      assert.ok(
        fit.pValue >= 0.0005,
        `${name} token: χ² = ${fit.statistic} (df ${fit.degreesOfFreedom}), p = ${fit.pValue}`,
      );
    }
    assert.ok(drafted > 0 && accepted > 0.3 * drafted && accepted < drafted, `α = ${accepted / drafted}`);
  });
});
