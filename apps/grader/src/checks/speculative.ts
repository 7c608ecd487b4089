// Checks of the two speculative-sampling blanks: unit cases, properties, the engine's real sampling
// loop on the kjv pair, and the engine's statistical losslessness test.
import {
  type AcceptRatioFn,
  checkLossless,
  formatLosslessReport,
  generate,
  ModelDrafter,
  type ResidualFn,
  Rng,
  referenceAcceptRatio,
  referenceResidual,
} from '@infer-lab/engine';
import type { GraderModels } from '../models.ts';
import type { Sandbox } from '../sandbox/sandbox.ts';
import { type Check, closeTo, fail, numbers, show } from './types.ts';

const LOSSLESS_TRIALS = 4_000;
const ENGINE_RUNS = [
  { prompt: 'In the beginning God created', seed: 3 },
  { prompt: 'And the LORD spake unto Moses, saying', seed: 11 },
];

function referenceDistribution(p: Float32Array, q: Float32Array): Float32Array {
  const diff = referenceResidual(p, q);
  const total = diff.reduce((a, b) => a + b, 0);
  if (total > 0) return diff.map((d) => d / total);
  const out = new Float32Array(p.length);
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i]! > p[best]!) best = i;
  out[best] = 1;
  return out;
}

function randomDistribution(rng: Rng, length: number, zeros: number): Float32Array {
  const v = new Float32Array(length);
  let total = 0;
  for (let i = 0; i < length; i++) {
    v[i] = rng.nextFloat() < zeros ? 0 : rng.nextFloat() ** 2;
    total += v[i]!;
  }
  if (total === 0) v[0] = total = 1;
  return v.map((x) => x / total);
}

const residualCall = (sandbox: Sandbox, p: Float32Array, q: Float32Array) =>
  numbers(
    sandbox.call('residualDistribution', [p, q]),
    p.length,
    `residualDistribution(${show(p)}, ${show(q)})`,
  );

function expectResidual(sandbox: Sandbox, p: Float32Array, q: Float32Array): void {
  const got = residualCall(sandbox, p, q);
  const expected = referenceDistribution(p, q);
  const at = closeTo(got, expected, 1e-5);
  if (at >= 0) {
    fail(
      `residualDistribution(${show(p)}, ${show(q)}) returned ${show(got)}; expected ${show(expected)} (index ${at} differs)`,
    );
  }
}

/** The student's residual as the engine's ResidualFn, memoised by (p, q) identity (the lossless test reuses a few vectors). */
function pluggedResidual(sandbox: Sandbox, memo = false): ResidualFn {
  const cache = new WeakMap<Float32Array, WeakMap<Float32Array, Float32Array>>();
  return (p, q) => {
    const hit = memo ? cache.get(p)?.get(q) : undefined;
    if (hit) return hit;
    const value = sandbox.call('residualDistribution', [p, q]) as Float32Array;
    if (memo) {
      const row = cache.get(p) ?? new WeakMap();
      row.set(q, value);
      cache.set(p, row);
    }
    return value;
  };
}

function pluggedAcceptRatio(sandbox: Sandbox, memo = false): AcceptRatioFn {
  const cache = new Map<string, number>();
  return (px, qx) => {
    const key = `${px}/${qx}`;
    const hit = memo ? cache.get(key) : undefined;
    if (hit !== undefined) return hit;
    const value = sandbox.call('acceptRatio', [px, qx]) as number;
    if (memo) cache.set(key, value);
    return value;
  };
}

async function engineRuns(
  models: GraderModels,
  rules: { residual?: ResidualFn; acceptRatio?: AcceptRatioFn },
) {
  const { target, draft, tokenizer } = await models.kjv();
  const outputs: number[][] = [];
  for (const run of ENGINE_RUNS) {
    const result = await generate({
      target,
      tokenizer,
      prompt: run.prompt,
      maxTokens: 24,
      sampling: { temperature: 1 },
      seed: run.seed,
      drafter: new ModelDrafter(draft),
      gamma: 4,
      ...rules,
    });
    outputs.push(result.tokens);
  }
  return outputs;
}

async function compareWithEngine(
  models: GraderModels,
  rules: { residual?: ResidualFn; acceptRatio?: AcceptRatioFn },
) {
  const expected = await models.memo('kjv-spec-reference', () => engineRuns(models, {}));
  const got = await engineRuns(models, rules);
  const { tokenizer } = await models.kjv();
  for (const [i, tokens] of got.entries()) {
    const want = expected[i]!;
    const at = want.findIndex((t, k) => tokens[k] !== t);
    if (at >= 0 || tokens.length !== want.length) {
      const where = at >= 0 ? at : Math.min(tokens.length, want.length);
      fail(
        `Prompt "${ENGINE_RUNS[i]!.prompt}" (seed ${ENGINE_RUNS[i]!.seed}): token ${where} differs from the reference run. ` +
          `Yours: "${tokenizer.decode(tokens)}"; reference: "${tokenizer.decode(want)}"`,
      );
    }
  }
  return `${got.length} sampled runs of 24 tokens match the reference exactly`;
}

function lossless(rules: { residual?: ResidualFn; acceptRatio?: AcceptRatioFn }): string {
  const report = checkLossless({ ...rules, trials: LOSSLESS_TRIALS });
  if (!report.passed) {
    const failed = report.tests.filter((t) => !t.passed).length;
    fail(
      `Not lossless: ${failed} of ${report.tests.length} goodness-of-fit tests failed.\n${formatLosslessReport(report)}`,
    );
  }
  return `lossless: all ${report.tests.length} goodness-of-fit tests passed (${LOSSLESS_TRIALS} trials each)`;
}

export const residualChecks: Record<string, Check> = {
  'worked-example': ({ sandbox }) => {
    expectResidual(sandbox, Float32Array.of(0.5, 0.3, 0.2), Float32Array.of(0.2, 0.5, 0.3));
    return 'max(0, p − q) = [0.3, 0, 0] normalises to [1, 0, 0]';
  },
  'equal-distributions': ({ sandbox }) => {
    const p = Float32Array.of(0.1, 0.6, 0.3);
    expectResidual(sandbox, p, p.slice());
    return 'p = q gives the one-hot at argmax p';
  },
  'random-cases': ({ sandbox }) => {
    const rng = new Rng(2026);
    for (let c = 0; c < 100; c++) {
      const length = 2 + (rng.nextUint32() % 40);
      const p = randomDistribution(rng, length, 0.2);
      const q = c % 10 === 0 ? p.slice() : randomDistribution(rng, length, 0.2);
      expectResidual(sandbox, p, q);
    }
    return '100 random cases match';
  },
  'valid-distribution': ({ sandbox }) => {
    const rng = new Rng(7);
    for (let c = 0; c < 50; c++) {
      const length = 3 + (rng.nextUint32() % 60);
      const p = randomDistribution(rng, length, 0.3);
      const q = randomDistribution(rng, length, 0.3);
      const got = residualCall(sandbox, p, q);
      let total = 0;
      for (let i = 0; i < length; i++) {
        if (!(got[i]! >= 0))
          fail(`residualDistribution returned ${show(got[i])} at index ${i}; weights must be ≥ 0`);
        if (p[i]! <= q[i]! && got[i]! !== 0)
          fail(`index ${i} has p ≤ q but weight ${show(got[i])}; it must be 0`);
        total += got[i]!;
      }
      if (Math.abs(total - 1) > 1e-4) fail(`the result sums to ${show(total)}; a distribution sums to 1`);
    }
    return '50 random results are distributions, zero where p ≤ q';
  },
  'inputs-untouched': ({ sandbox }) => {
    const p = Float32Array.of(0.4, 0.4, 0.2);
    const q = Float32Array.of(0.1, 0.6, 0.3);
    const { args } = sandbox.callKeepingArgs('residualDistribution', [p, q]);
    const [pAfter, qAfter] = args as [Float32Array, Float32Array];
    if (closeTo(pAfter, p, 0) >= 0 || closeTo(qAfter, q, 0) >= 0) {
      fail(`p and q must not change: after the call p = ${show(pAfter)}, q = ${show(qAfter)}`);
    }
    return 'p and q unchanged';
  },
  'engine-sampling': ({ sandbox, models }) =>
    compareWithEngine(models, { residual: pluggedResidual(sandbox) }),
  lossless: ({ sandbox }) => lossless({ residual: pluggedResidual(sandbox, true) }),
};

function expectRatio(sandbox: Sandbox, px: number, qx: number): void {
  const got = sandbox.call('acceptRatio', [px, qx]);
  const expected = referenceAcceptRatio(px, qx);
  if (typeof got !== 'number' || !(Math.abs(got - expected) <= 1e-9)) {
    fail(`acceptRatio(${show(px)}, ${show(qx)}) returned ${show(got)}; expected ${show(expected)}`);
  }
}

function expectAccept(sandbox: Sandbox, ratio: number, u: number): void {
  const got = sandbox.call('acceptDraft', [ratio, u]);
  if (got !== u < ratio) fail(`acceptDraft(${ratio}, ${u}) returned ${show(got)}; expected ${u < ratio}`);
}

export const acceptRatioChecks: Record<string, Check> = {
  'worked-examples': ({ sandbox }) => {
    expectRatio(sandbox, 0.2, 0.4);
    expectRatio(sandbox, 0.6, 0.3);
    expectRatio(sandbox, 0, 0.5);
    return 'min(1, p/q) on the three examples';
  },
  'bernoulli-examples': ({ sandbox }) => {
    for (const [ratio, u] of [
      [0.5, 0.49],
      [0.5, 0.5],
      [1, 0.999],
      [0, 0],
      [0.25, 0.7],
    ] as const)
      expectAccept(sandbox, ratio, u);
    return 'u < ratio at the boundaries';
  },
  'ratio-range': ({ sandbox }) => {
    const rng = new Rng(99);
    for (let c = 0; c < 300; c++) {
      const qx = 1e-4 + rng.nextFloat();
      const px = c % 7 === 0 ? 0 : rng.nextFloat() * (c % 2 === 0 ? 1 : 3 * qx);
      const got = sandbox.call('acceptRatio', [px, qx]);
      if (typeof got !== 'number' || !(got >= 0 && got <= 1)) {
        fail(
          `acceptRatio(${show(px)}, ${show(qx)}) returned ${show(got)}; an acceptance probability lies in [0, 1]`,
        );
      }
      expectRatio(sandbox, px, qx);
    }
    return '300 random inputs in [0, 1] and equal to min(1, p/q)';
  },
  'bernoulli-frequency': ({ sandbox }) => {
    for (const ratio of [0, 0.13, 0.5, 0.87, 1]) {
      let accepted = 0;
      const n = 200;
      for (let k = 0; k < n; k++) if (sandbox.call('acceptDraft', [ratio, k / n]) === true) accepted++;
      if (Math.abs(accepted / n - ratio) > 1 / n + 1e-12) {
        fail(
          `over u = 0, 1/${n}, …, acceptDraft(${ratio}, u) accepted ${accepted / n} of the time; expected ${ratio}`,
        );
      }
    }
    return 'accept share equals the ratio over a uniform grid of u';
  },
  'engine-sampling': ({ sandbox, models }) =>
    compareWithEngine(models, { acceptRatio: pluggedAcceptRatio(sandbox) }),
  lossless: ({ sandbox }) => lossless({ acceptRatio: pluggedAcceptRatio(sandbox, true) }),
};
