import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  bestGamma,
  CostAwareGamma,
  expectedSpeedup,
  expectedTokens,
  type SpeculationCosts,
} from '../src/speculative/cost-aware-gamma.ts';

const flatVerify = new Array(9).fill(1); // verification as cheap as one token (an ideal accelerator)

describe('cost-aware γ', () => {
  test('expected tokens per step follow (1 − α^{γ+1}) / (1 − α)', () => {
    assert.equal(expectedTokens(0, 4), 1);
    assert.equal(expectedTokens(1, 4), 5);
    assert.ok(Math.abs(expectedTokens(0.5, 2) - 1.75) < 1e-12);
    // Leviathan et al.'s speedup (1 − α^{γ+1}) / ((1 − α)(γc + 1)) at α = 0.8, γ = 4, c = 0.05.
    const speedup = expectedSpeedup(0.8, 4, { draft: 0.05, verify: flatVerify });
    assert.ok(Math.abs(speedup - (1 - 0.8 ** 5) / (0.2 * 1.2)) < 1e-12);
  });

  test('drafts long when drafting is cheap and accurate, not at all when it does not pay', () => {
    assert.equal(bestGamma(0.9, { draft: 0.02, verify: flatVerify }, 8), 8);
    assert.equal(bestGamma(0.3, { draft: 0.5, verify: flatVerify }, 8), 0);
    // Verification that costs as much as k + 1 single steps never pays.
    assert.equal(bestGamma(0.95, { draft: 0, verify: [1, 2, 3, 4, 5] }, 4), 0);
  });

  test('tracks α and probes with γ = 1 while paused, backing off', () => {
    const policy = new CostAwareGamma({ draft: 0.3, verify: flatVerify }, 6);
    const gammas: number[] = [];
    for (let step = 0; step < 40; step++) {
      const gamma = policy.next();
      gammas.push(gamma);
      policy.observe({ drafted: gamma, accepted: 0, draftMs: 0, verifyMs: 1 }); // every draft rejected
    }
    assert.ok(policy.alpha < 0.2, `α = ${policy.alpha}`);
    const probes = gammas.flatMap((g, i) => (g > 0 ? [i] : []));
    assert.ok(probes.length >= 3 && probes.length <= 6, `probes at ${probes}`);
    assert.ok(probes.at(-1)! - probes.at(-2)! > probes[1]! - probes[0]!, 'probes back off');

    const good = new CostAwareGamma({ draft: 0.05, verify: flatVerify }, 6);
    for (let step = 0; step < 10; step++) {
      const gamma = good.next();
      good.observe({ drafted: gamma, accepted: gamma, draftMs: 0, verifyMs: 1 }); // every draft accepted
    }
    assert.ok(good.alpha > 0.8);
    assert.equal(good.next(), 6);
  });

  test('knowing the calibration unit, it re-measures step costs as it runs and stops drafting that costs more than calibrated', () => {
    // Calibrated as nearly free; really each drafted token adds 2 ms to a 1 ms step.
    const run = (costs: SpeculationCosts) => {
      const policy = new CostAwareGamma(costs, 4);
      const gammas: number[] = [];
      for (let step = 0; step < 60; step++) {
        const gamma = policy.next();
        gammas.push(gamma);
        const accepted = gamma > 0 && step % 2 === 0 ? gamma : 0; // α ≈ 0.5
        policy.observe({ drafted: gamma, accepted, draftMs: 0, verifyMs: 1 + 2 * gamma });
      }
      return { policy, gammas };
    };
    const remeasured = run({ draft: 0.01, verify: flatVerify, unitMs: 1 });
    assert.ok(remeasured.gammas.slice(-30).filter((g) => g > 0).length <= 3, `γ ${remeasured.gammas}`);
    assert.ok(Math.abs(remeasured.policy.cost(0) - 1) < 1e-9);
    assert.ok(remeasured.policy.cost(1) > 2, `cost(1) = ${remeasured.policy.cost(1)}`);
    // Without the unit the calibrated costs stand, and drafting goes on.
    const trusted = run({ draft: 0.01, verify: flatVerify });
    assert.ok(
      trusted.gammas.slice(-30).every((g) => g > 0),
      `γ ${trusted.gammas}`,
    );
  });
});
