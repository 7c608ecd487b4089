// Adaptive γ's pause, driven by synthetic step timings (deterministic: no clock involved).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AdaptiveGamma } from '../src/speculative/adaptive-gamma.ts';

interface Machine {
  plainMs: number;
  draftMsPerToken: number;
  verifyExtraMsPerToken: number;
}

/** Runs `steps` steps; `accept(γ)` says how many of γ drafts the target keeps. Returns each step's γ. */
function drive(policy: AdaptiveGamma, machine: Machine, steps: number, accept: (gamma: number) => number) {
  const gammas: number[] = [];
  for (let step = 0; step < steps; step++) {
    const gamma = policy.next();
    gammas.push(gamma);
    const accepted = gamma > 0 ? accept(gamma) : 0;
    policy.observe({
      drafted: gamma,
      accepted,
      draftMs: gamma * machine.draftMsPerToken,
      verifyMs: machine.plainMs + gamma * machine.verifyExtraMsPerToken,
    });
  }
  return gammas;
}

// Target on ort, draft model on ts: verify nearly free, drafts ~5% of a step.
const cheap: Machine = { plainMs: 1.3, draftMsPerToken: 0.07, verifyExtraMsPerToken: 0.06 };
// Target on ts with a draft as big as the target: each drafted token costs two steps.
const costly: Machine = { plainMs: 2, draftMsPerToken: 2, verifyExtraMsPerToken: 2 };

describe('adaptive γ with a pause', () => {
  test('drafts in the prefill step, times one plain step, judges three steps at the start γ, then follows +2 / −1 while drafting pays', () => {
    const policy = new AdaptiveGamma(2, 8);
    const gammas = drive(policy, cheap, 10, (gamma) => gamma); // every draft accepted
    assert.deepEqual(gammas, [2, 0, 2, 2, 2, 4, 6, 8, 8, 8]);
    assert.equal(policy.isPaused, false);
    assert.ok(policy.measuredSpeedup! > 3, `measured speedup ${policy.measuredSpeedup}`);
  });

  test('keeps drafting cheap drafts at modest acceptance, pauses when nothing is accepted', () => {
    const modest = new AdaptiveGamma(4, 8);
    let step = 0;
    const gammas = drive(modest, cheap, 150, () => (step++ % 3 === 0 ? 1 : 0)); // α ≈ 0.3 at γ = 1
    // Drafts of 4 that lose pause it; probes of one draft then show that drafting pays.
    assert.ok(gammas.includes(0, 4), `γ ${gammas}`);
    assert.ok(gammas.slice(-40).filter((g) => g >= 1).length >= 30, `γ ${gammas}`);
    const hopeless = new AdaptiveGamma(4, 8);
    const later = drive(hopeless, cheap, 80, () => 0).slice(20);
    assert.ok(later.filter((g) => g > 0).length <= 4, `γ ${later}`);
    assert.ok(hopeless.isPaused);
  });

  test('pauses a drafter that costs more than it saves even when all is accepted, probing ever more rarely', () => {
    const policy = new AdaptiveGamma(4, 8);
    const gammas = drive(policy, costly, 200, (gamma) => gamma);
    const probes = gammas.flatMap((g, i) => (i > 10 && g > 0 ? [i] : []));
    assert.ok(probes.length >= 3 && probes.length <= 6, `probes at ${probes}`);
    assert.ok(probes.at(-1)! - probes.at(-2)! > probes[1]! - probes[0]!, 'probes back off');
    assert.ok(policy.measuredSpeedup! < 1);
  });

  test('one unlucky drafting step does not pause drafting that pays: the verdict waits for three', () => {
    const policy = new AdaptiveGamma(1, 8);
    let step = 0;
    const gammas = drive(policy, cheap, 30, (gamma) => (step++ === 2 ? 0 : gamma)); // step 2 rejects
    assert.deepEqual(gammas.slice(0, 5), [1, 0, 1, 1, 1]);
    assert.ok(!gammas.slice(2).includes(0), `γ ${gammas}`);
  });

  test('one lucky probe does not resume drafting that loses: it is checked by a second one at once', () => {
    // A one-token draft step costs 1.7 plain steps: it pays only when its draft is accepted (2 tokens),
    // and half of them are, so drafting loses (1.5 tokens per 1.7 steps).
    const borderline: Machine = { plainMs: 1, draftMsPerToken: 0.1, verifyExtraMsPerToken: 0.6 };
    const policy = new AdaptiveGamma(1, 1);
    let draws = 0;
    const gammas = drive(policy, borderline, 400, () => (draws++ + 1) % 2); // accept, reject, accept, …
    const drafting = gammas.slice(10).filter((g) => g > 0).length;
    assert.ok(drafting <= 20, `${drafting} of 390 steps drafted: γ ${gammas}`);
    // Each probe that paid was followed at once by another (an adjacent pair of γ = 1 steps).
    const pairs = gammas.flatMap((g, i) => (i > 10 && g > 0 && gammas[i + 1]! > 0 ? [i] : []));
    assert.ok(pairs.length >= 1, `γ ${gammas}`);
    assert.ok(policy.isPaused);
  });

  test('a drafter that starts to pay while paused resumes once the probes together pay, at γ = 1', () => {
    const policy = new AdaptiveGamma(1, 8);
    let paying = false;
    const first = drive(policy, cheap, 40, (gamma) => (paying ? gamma : 0));
    assert.ok(policy.isPaused, `γ ${first}`);
    paying = true; // the text turns repetitive
    const later = drive(policy, cheap, 80, (gamma) => (paying ? gamma : 0));
    const resumedAt = later.findIndex((g, i) => g > 0 && later[i + 1]! > 0 && later[i + 2]! > 0);
    assert.ok(resumedAt >= 0 && resumedAt <= 64, `γ ${later}`);
    assert.deepEqual(later.slice(resumedAt, resumedAt + 4), [1, 1, 3, 5]); // the probe that tips the balance, then from γ = 1 by +2 / −1
    assert.equal(policy.isPaused, false);
  });

  test('without the pause it is the bare schedule: never γ = 0', () => {
    const policy = new AdaptiveGamma(4, 8, false);
    const gammas = drive(policy, costly, 30, () => 0);
    assert.deepEqual(gammas.slice(0, 5), [4, 3, 2, 1, 1]);
    assert.ok(gammas.every((g) => g >= 1));
  });
});
