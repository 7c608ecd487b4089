// Speculative sampling must emit tokens distributed exactly as the target's. The check and its
// statistics (false-alarm rate, sample sizes, thresholds) are documented in src/speculative/lossless.ts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AcceptRatioFn, ResidualFn } from '../src/speculative/acceptance.ts';
import { chiSquarePValue, chiSquareTest } from '../src/speculative/chi-square.ts';
import { checkLossless, formatLosslessReport } from '../src/speculative/lossless.ts';

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
