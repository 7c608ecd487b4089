import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { argmax, softmax, toDistribution } from '../src/sampling/distribution.ts';
import { Rng } from '../src/sampling/rng.ts';
import { sampleFromWeights, sampleToken } from '../src/sampling/sample.ts';

function close(actual: ArrayLike<number>, expected: number[], tolerance = 1e-6): void {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < expected.length; i++) {
    assert.ok(Math.abs(actual[i]! - expected[i]!) <= tolerance, `index ${i}: ${actual[i]} vs ${expected[i]}`);
  }
}

describe('Rng (xoshiro128** seeded by splitmix64)', () => {
  test('matches the reference C implementation', () => {
    // Values printed by Vigna's xoshiro128starstar.c + splitmix64.c, compiled with gcc.
    const expected: Record<number, number[]> = {
      0: [3737715805, 2584255861, 2876756834, 3286328325, 1553311962],
      1: [1695105466, 1423115009, 634581793, 1068227753, 716759206],
      42: [1776835114, 4165204688, 17111135, 2317295270, 2792088233],
      [-1]: [477689756, 2493998634, 555695776, 607808419, 61340979],
    };
    for (const [seed, values] of Object.entries(expected)) {
      const rng = new Rng(Number(seed));
      assert.deepEqual(
        values.map(() => rng.nextUint32()),
        values,
      );
    }
  });

  test('nextFloat is uniform on [0, 1)', () => {
    const rng = new Rng(7);
    const bins = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const u = rng.nextFloat();
      assert.ok(u >= 0 && u < 1);
      bins[Math.floor(u * 10)]++;
    }
    // Each bin expects 10 000 ± 95 (one standard deviation); 6 sigma is a bug, not bad luck.
    for (const count of bins) assert.ok(Math.abs(count - 10_000) < 570, `bin count ${count}`);
  });

  test('rejects a seed that is not a safe integer', () => {
    assert.throws(() => new Rng(1.5), /safe integer/);
  });
});

describe('toDistribution', () => {
  const logits = Float32Array.from([2, 1, 0, -1, 1]);

  test('temperature 1 is the softmax', () => {
    const e = [2, 1, 0, -1, 1].map(Math.exp);
    const sum = e.reduce((a, b) => a + b);
    close(
      toDistribution(logits, { temperature: 1 }),
      e.map((x) => x / sum),
    );
  });

  test('temperature divides the logits', () => {
    close(toDistribution(logits, { temperature: 0.5 }), Array.from(softmax([4, 2, 0, -2, 2])));
  });

  test('temperature 0 is one-hot at the argmax (lowest index on ties)', () => {
    close(toDistribution(logits, { temperature: 0 }), [1, 0, 0, 0, 0]);
    assert.equal(argmax([0, 3, 3]), 1);
  });

  test('top-k keeps the k largest and ties with the k-th', () => {
    const e = [Math.exp(2), Math.exp(1), 0, 0, Math.exp(1)];
    const sum = e.reduce((a, b) => a + b);
    close(
      toDistribution(logits, { temperature: 1, topK: 2 }),
      e.map((x) => x / sum),
    );
    close(toDistribution(logits, { temperature: 1, topK: 1 }), [1, 0, 0, 0, 0]);
  });

  test('top-p keeps the smallest prefix whose mass reaches p', () => {
    const probs = Float32Array.from([0.5, 0.3, 0.15, 0.05]);
    const logProbs = Array.from(probs, Math.log);
    close(toDistribution(logProbs, { temperature: 1, topP: 0.45 }), [1, 0, 0, 0]);
    close(toDistribution(logProbs, { temperature: 1, topP: 0.79 }), [0.625, 0.375, 0, 0]);
    close(toDistribution(logProbs, { temperature: 1, topP: 0.81 }), [0.5 / 0.95, 0.3 / 0.95, 0.15 / 0.95, 0]);
  });

  test('top-k then top-p', () => {
    const logProbs = [0.4, 0.3, 0.2, 0.1].map(Math.log);
    // top-k 3 renormalises to 4/9, 3/9, 2/9; top-p 0.7 then keeps the first two (7/9 ≥ 0.7).
    close(toDistribution(logProbs, { temperature: 1, topK: 3, topP: 0.7 }), [4 / 7, 3 / 7, 0, 0]);
  });

  test('bad settings and NaN logits are clear errors', () => {
    assert.throws(() => toDistribution(logits, { temperature: -1 }), /temperature/);
    assert.throws(() => toDistribution(logits, { temperature: 1, topK: 1.5 }), /topK/);
    assert.throws(() => toDistribution(logits, { temperature: 1, topP: 0 }), /topP/);
    assert.throws(() => toDistribution([0, Number.NaN], { temperature: 1 }), /NaN at index 1/);
  });
});

describe('sampling', () => {
  test('same seed, same tokens; another seed, other tokens', () => {
    const logits = Array.from({ length: 50 }, (_, i) => Math.sin(i));
    const draw = (seed: number) => {
      const rng = new Rng(seed);
      return Array.from({ length: 40 }, () => sampleToken(logits, { temperature: 1, topP: 0.9 }, rng));
    };
    assert.deepEqual(draw(3), draw(3));
    assert.notDeepEqual(draw(3), draw(4));
  });

  test('frequencies follow the weights', () => {
    const rng = new Rng(11);
    const counts = [0, 0, 0, 0];
    const n = 40_000;
    for (let i = 0; i < n; i++) counts[sampleFromWeights([1, 0, 3, 4], rng)]!++;
    assert.equal(counts[1], 0);
    close(
      counts.map((c) => c / n),
      [0.125, 0, 0.375, 0.5],
      0.01, // ≥ 4 standard deviations at this n
    );
  });

  test('greedy sampling ignores the RNG', () => {
    const rng = new Rng(1);
    assert.equal(sampleToken([0.1, 0.7, 0.2], { temperature: 0 }, rng), 1);
    assert.equal(rng.nextUint32(), new Rng(1).nextUint32());
  });

  test('weights summing to zero are an error', () => {
    assert.throws(() => sampleFromWeights([0, 0], new Rng(1)), /sum to zero/);
  });
});
