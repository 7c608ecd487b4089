import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { oneHot } from '../src/sampling/distribution.ts';
import { Rng } from '../src/sampling/rng.ts';
import {
  AcceptanceRuleError,
  referenceAcceptRatio,
  referenceResidual,
} from '../src/speculative/acceptance.ts';
import { verifyDraft } from '../src/speculative/verify.ts';

const v = (...values: number[]) => Float32Array.from(values);

describe('reference rule', () => {
  test('residual is max(0, p − q) and the ratio min(1, p/q)', () => {
    assert.deepEqual(Array.from(referenceResidual(v(0.5, 0.25, 0.25), v(0.25, 0.5, 0.25))), [0.25, 0, 0]);
    assert.equal(referenceAcceptRatio(0.2, 0.4), 0.5);
    assert.equal(referenceAcceptRatio(0.4, 0.2), 1);
  });
});

describe('verifyDraft', () => {
  const p = [v(0.1, 0.6, 0.3), v(0.2, 0.2, 0.6), v(0, 0, 1)];

  test('greedy: accepts while argmax p matches, then emits argmax p', () => {
    const rng = new Rng(1);
    assert.deepEqual(
      verifyDraft({ draftTokens: [1, 2], draftProbs: [], targetProbs: p, rng, greedy: true }),
      {
        acceptedCount: 2,
        tokens: [1, 2, 2],
      },
    );
    assert.deepEqual(
      verifyDraft({ draftTokens: [1, 0], draftProbs: [], targetProbs: p, rng, greedy: true }),
      {
        acceptedCount: 1,
        tokens: [1, 2],
      },
    );
    assert.deepEqual(
      verifyDraft({ draftTokens: [0, 2], draftProbs: [], targetProbs: p, rng, greedy: true }),
      {
        acceptedCount: 0,
        tokens: [1],
      },
    );
    assert.equal(rng.nextUint32(), new Rng(1).nextUint32(), 'greedy verification draws no random numbers');
  });

  test('q = p accepts everything and adds a bonus token from the last p', () => {
    for (let seed = 0; seed < 50; seed++) {
      const result = verifyDraft({
        draftTokens: [1, 2],
        draftProbs: [p[0]!, p[1]!],
        targetProbs: p,
        rng: new Rng(seed),
      });
      assert.deepEqual(result, { acceptedCount: 2, tokens: [1, 2, 2] });
    }
  });

  test('a token with p(x) = 0 is always rejected and replaced from the residual', () => {
    const target = [v(0.5, 0.5, 0), v(1, 0, 0)];
    for (let seed = 0; seed < 50; seed++) {
      const result = verifyDraft({
        draftTokens: [2],
        draftProbs: [v(0, 0, 1)],
        targetProbs: target,
        rng: new Rng(seed),
      });
      assert.equal(result.acceptedCount, 0);
      assert.equal(result.tokens.length, 1);
      assert.ok(result.tokens[0] === 0 || result.tokens[0] === 1);
    }
  });

  test('a residual with no mass falls back to argmax p', () => {
    const zero = (pv: Float32Array) => new Float32Array(pv.length);
    const result = verifyDraft({
      draftTokens: [2],
      draftProbs: [oneHot(2, 3)],
      targetProbs: [v(0.2, 0.7, 0.1), v(1, 0, 0)],
      rng: new Rng(3),
      residual: zero,
      acceptRatio: () => 0,
    });
    assert.deepEqual(result, { acceptedCount: 0, tokens: [1] });
  });

  test('same seed, same outcome', () => {
    const run = (seed: number) =>
      verifyDraft({
        draftTokens: [0, 0],
        draftProbs: [v(0.5, 0.3, 0.2), v(0.5, 0.3, 0.2)],
        targetProbs: p,
        rng: new Rng(seed),
      });
    for (let seed = 0; seed < 20; seed++) assert.deepEqual(run(seed), run(seed));
  });

  test('mismatched numbers of distributions are an error', () => {
    assert.throws(
      () =>
        verifyDraft({
          draftTokens: [1, 2],
          draftProbs: [p[0]!, p[1]!],
          targetProbs: [p[0]!, p[1]!],
          rng: new Rng(1),
        }),
      /γ \+ 1 = 3 target distributions/,
    );
  });
});

describe('guards on plugged functions', () => {
  // Draft token 0 has p(x) = 0.1 < q(x) = 0.9, so the ratio is called; a rejection calls the residual.
  const run = (
    residual?: (p: Float32Array, q: Float32Array) => Float32Array,
    acceptRatio?: (px: number, qx: number) => number,
  ) =>
    verifyDraft({
      draftTokens: [0],
      draftProbs: [v(0.9, 0.05, 0.05)],
      targetProbs: [v(0.1, 0.6, 0.3), v(0, 0, 1)],
      rng: new Rng(1),
      residual,
      acceptRatio: acceptRatio ?? (() => 0),
    });

  test('wrong length', () => {
    assert.throws(
      () => run(() => v(1, 2)),
      (e: unknown) => e instanceof AcceptanceRuleError && /returned 2 values; expected 3/.test(e.message),
    );
  });

  test('NaN', () => {
    assert.throws(() => run(() => v(0, Number.NaN, 1)), /residual\(p, q\) returned NaN at index 1/);
    assert.throws(() => run(undefined, () => Number.NaN), /acceptRatio\(p\(x\) = 0\.1.*returned NaN/);
  });

  test('negative values', () => {
    assert.throws(() => run(() => v(0, -0.25, 1)), /negative weight \(-0\.25\) at index 1/);
    assert.throws(() => run(undefined, () => -0.5), /returned -0\.5; an acceptance probability must be ≥ 0/);
  });

  test('not an array or not a number', () => {
    assert.throws(
      () => run(() => undefined as unknown as Float32Array),
      /must return a Float32Array, got undefined/,
    );
    assert.throws(() => run(undefined, () => '1' as unknown as number), /returned 1; expected a number/);
  });

  test('plain arrays and Float64Arrays are accepted', () => {
    assert.equal(run(() => [0, 1, 0] as unknown as Float32Array).tokens[0], 1);
    assert.equal(run(() => Float64Array.of(0, 0, 1) as unknown as Float32Array).tokens[0], 2);
  });
});
