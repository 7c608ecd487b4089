// A statistical check that an acceptance rule (residual + accept ratio) makes speculative sampling
// lossless: tokens emitted by `verifyDraft` must be distributed exactly as the target's p.
//
// Method. For each case (fixed p₁…p_{γ+1}, q₁…q_γ) we run `trials` independent verifications:
// drafts x_i ~ q_i, then `verifyDraft`. Under a correct rule the first emitted token ~ p₁, and,
// in the trials that accepted x₁, the second emitted token ~ p₂. Each of these is a Pearson
// chi-square goodness-of-fit test against p (cells expecting < 5 pooled; a token with p = 0 that
// gets sampled fails outright). The overall false-alarm rate (a correct rule reported wrong) is
// `falseAlarmRate` (default 0.001), split evenly over all tests (Bonferroni), so each test rejects
// when its p-value is below falseAlarmRate / (number of tests). Seeds are fixed, so a run is
// deterministic; the false-alarm rate is the chance over seeds.
//
// Two rules are tested per case:
// 1. "plugged": the residual and the accept ratio exactly as given — what generation runs. This
//    catches wrong residuals such as |p − q| or max(0, q − p).
// 2. "ratio-implied residual": the residual implied by the accept ratio, r(y) = p(y) − q(y)·a(y),
//    i.e. the target mass that acceptance leaves unserved (Leviathan et al., proof of Theorem 1:
//    P(draft y and accept it) = q(y)·a(y) must equal min(p(y), q(y))). An unclamped ratio p/q is
//    NOT detectable through rule 1: with `rand < ratio`, a ratio above 1 accepts with probability
//    1, exactly like min(1, p/q), so the emitted tokens are unchanged. What is wrong with it is
//    that it is not a probability: it claims q(y)·p(y)/q(y) = p(y) of mass is served by acceptance,
//    so the implied residual is 0 everywhere and sampling from it (argmax-p fallback) is far from p.
//    Rule 2 makes the sampled tokens sensitive to exactly that error, and the report names the
//    first ratio above 1 it saw.
import { oneHot } from '../sampling/distribution.ts';
import { Rng } from '../sampling/rng.ts';
import { sampleFromWeights } from '../sampling/sample.ts';
import {
  AcceptanceRuleError,
  type AcceptRatioFn,
  checkedAcceptRatio,
  type ResidualFn,
  referenceAcceptRatio,
  referenceResidual,
} from './acceptance.ts';
import { chiSquareTest, type GoodnessOfFit } from './chi-square.ts';
import { verifyDraft } from './verify.ts';

export interface LosslessCase {
  name: string;
  /** p₁…p_{γ+1}. */
  targetProbs: Float32Array[];
  /** q₁…q_γ (γ ≥ 1). */
  draftProbs: Float32Array[];
}

export interface LosslessOptions {
  residual?: ResidualFn;
  acceptRatio?: AcceptRatioFn;
  cases?: LosslessCase[];
  /** Verifications per case and rule (default 20 000). */
  trials?: number;
  seed?: number;
  /** Chance that a correct rule fails the whole check (default 0.001). */
  falseAlarmRate?: number;
}

export interface LosslessTest extends GoodnessOfFit {
  case: string;
  rule: 'plugged' | 'ratio-implied residual';
  token: 'first' | 'second';
  passed: boolean;
}

export interface LosslessReport {
  passed: boolean;
  falseAlarmRate: number;
  /** Each test's rejection threshold on its p-value. */
  perTestSignificance: number;
  trials: number;
  tests: LosslessTest[];
  /** Observed acceptance rate of x₁ with the plugged rule, and the exact Σ min(p₁, q₁), per case. */
  acceptance: { case: string; observed: number; expected: number }[];
  /** Human-readable reasons for a failure (an invalid return value, a ratio above 1, …). */
  notes: string[];
}

function vector(values: number[]): Float32Array {
  return Float32Array.from(values);
}

/** Fixed, non-trivial p/q vectors: a draft-model case with γ = 2 and an n-gram (one-hot q) case. */
export function defaultLosslessCases(): LosslessCase[] {
  return [
    {
      name: 'draft model, γ = 2',
      targetProbs: [
        vector([0.3, 0.25, 0.2, 0.15, 0.1, 0]),
        vector([0.05, 0.05, 0.4, 0.3, 0.1, 0.1]),
        vector([0.2, 0.2, 0.2, 0.2, 0.1, 0.1]),
      ],
      draftProbs: [vector([0.1, 0.4, 0.05, 0.15, 0.1, 0.2]), vector([0.2, 0.1, 0.3, 0.2, 0.1, 0.1])],
    },
    {
      name: 'n-gram (one-hot q), γ = 1',
      targetProbs: [vector([0.5, 0.2, 0.2, 0.1, 0, 0]), vector([0.1, 0.1, 0.1, 0.1, 0.3, 0.3])],
      draftProbs: [oneHot(2, 6)],
    },
  ];
}

/** r(y) = max(0, p(y) − q(y)·a(p(y), q(y))) where q(y) > 0, p(y) where q(y) = 0. */
function ratioImpliedResidual(acceptRatio: AcceptRatioFn, p: Float32Array, q: Float32Array, notes: string[]) {
  const out = new Float32Array(p.length);
  for (let y = 0; y < p.length; y++) {
    if (q[y]! === 0) {
      out[y] = p[y]!;
      continue;
    }
    const a = checkedAcceptRatio(acceptRatio, p[y]!, q[y]!);
    if (a > 1 + 1e-6 && notes.length < 5) {
      notes.push(
        `acceptRatio(p(x) = ${p[y]}, q(x) = ${q[y]}) = ${a} exceeds 1, so it is not an acceptance probability`,
      );
    }
    out[y] = Math.max(0, p[y]! - q[y]! * a);
  }
  return out;
}

function runTrials(
  testCase: LosslessCase,
  residual: ResidualFn,
  acceptRatio: AcceptRatioFn,
  trials: number,
  rng: Rng,
) {
  const vocab = testCase.targetProbs[0]!.length;
  const first = new Float64Array(vocab);
  const second = new Float64Array(vocab);
  let accepted = 0;
  for (let t = 0; t < trials; t++) {
    const draftTokens = testCase.draftProbs.map((q) => sampleFromWeights(q, rng));
    const result = verifyDraft({ ...testCase, draftTokens, rng, residual, acceptRatio });
    first[result.tokens[0]!]!++;
    if (result.acceptedCount >= 1) {
      accepted++;
      second[result.tokens[1]!]!++;
    }
  }
  return { first, second, acceptanceRate: accepted / trials };
}

export function checkLossless(options: LosslessOptions = {}): LosslessReport {
  const residual = options.residual ?? referenceResidual;
  const acceptRatio = options.acceptRatio ?? referenceAcceptRatio;
  const cases = options.cases ?? defaultLosslessCases();
  const trials = options.trials ?? 20_000;
  const seed = options.seed ?? 1;
  const falseAlarmRate = options.falseAlarmRate ?? 0.001;
  const perTestSignificance = falseAlarmRate / (cases.length * 2 * 2);
  const report: LosslessReport = {
    passed: true,
    falseAlarmRate,
    perTestSignificance,
    trials,
    tests: [],
    acceptance: [],
    notes: [],
  };

  try {
    cases.forEach((testCase, index) => {
      validateCase(testCase);
      const implied = testCase.draftProbs.map((q, i) =>
        ratioImpliedResidual(acceptRatio, testCase.targetProbs[i]!, q, report.notes),
      );
      const impliedResidual: ResidualFn = (p) => implied[testCase.targetProbs.indexOf(p)]!;
      const rules = [
        { rule: 'plugged' as const, residual },
        { rule: 'ratio-implied residual' as const, residual: impliedResidual },
      ];
      rules.forEach(({ rule, residual: ruleResidual }, ruleIndex) => {
        const rng = new Rng(seed * 1_000 + index * 10 + ruleIndex);
        const counts = runTrials(testCase, ruleResidual, acceptRatio, trials, rng);
        if (rule === 'plugged') {
          const [p, q] = [testCase.targetProbs[0]!, testCase.draftProbs[0]!];
          let expected = 0;
          for (let y = 0; y < p.length; y++) expected += Math.min(p[y]!, q[y]!);
          report.acceptance.push({ case: testCase.name, observed: counts.acceptanceRate, expected });
        }
        const tokens = [
          { token: 'first' as const, counts: counts.first, p: testCase.targetProbs[0]! },
          { token: 'second' as const, counts: counts.second, p: testCase.targetProbs[1]! },
        ];
        for (const { token, counts: observed, p } of tokens) {
          const fit = chiSquareTest(observed, p);
          const passed = fit.samples === 0 || fit.pValue >= perTestSignificance;
          report.tests.push({ ...fit, case: testCase.name, rule, token, passed });
          if (!passed) report.passed = false;
        }
      });
    });
  } catch (error) {
    if (!(error instanceof AcceptanceRuleError)) throw error;
    report.passed = false;
    report.notes.unshift(error.message);
  }
  return report;
}

function validateCase({ name, targetProbs, draftProbs }: LosslessCase): void {
  if (draftProbs.length < 1 || targetProbs.length !== draftProbs.length + 1) {
    throw new RangeError(`lossless case "${name}": needs γ ≥ 1 draft and γ + 1 target distributions`);
  }
  const vocab = targetProbs[0]!.length;
  for (const v of [...targetProbs, ...draftProbs]) {
    if (v.length !== vocab) throw new RangeError(`lossless case "${name}": vectors differ in length`);
  }
}

/** One line per test, for logs and the grader's feedback. */
export function formatLosslessReport(report: LosslessReport): string {
  const lines = report.tests.map((t) => {
    const verdict = t.passed ? 'ok  ' : 'FAIL';
    const detail =
      t.impossibleToken === undefined
        ? `χ² = ${t.statistic.toFixed(1)} (df ${t.degreesOfFreedom}), p-value ${t.pValue.toExponential(2)}`
        : `sampled token ${t.impossibleToken}, which has probability 0`;
    return `${verdict} ${t.case} · ${t.rule} · ${t.token} token: ${detail}, TV ${t.totalVariation.toFixed(4)}, n = ${t.samples}`;
  });
  lines.push(
    `${report.passed ? 'lossless' : 'NOT lossless'} (false-alarm rate ${report.falseAlarmRate}, per-test threshold ${report.perTestSignificance.toExponential(2)})`,
  );
  return [...lines, ...report.notes.map((n) => `note: ${n}`)].join('\n');
}
