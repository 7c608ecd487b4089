// Verification of a drafted run, exactly as in Leviathan et al. (2023, Algorithm 1) and Chen et al.
// (2023, Algorithm 2): accept drafted tokens left to right with probability min(1, p(x)/q(x)); at the
// first rejection resample from norm(max(0, p − q)); if all γ are accepted, draw a bonus token from
// p at position γ + 1. The emitted tokens are then distributed exactly as the target's samples.
import { argmax } from '../sampling/distribution.ts';
import type { Rng } from '../sampling/rng.ts';
import { sampleFromWeights } from '../sampling/sample.ts';
import {
  type AcceptRatioFn,
  checkedAcceptRatio,
  checkedResidual,
  type ResidualFn,
  referenceAcceptRatio,
  referenceResidual,
} from './acceptance.ts';

export interface VerifyInput {
  /** The γ drafted tokens x₁…x_γ. */
  draftTokens: readonly number[];
  /** q₁…q_γ: the distribution each drafted token was drawn from (after temperature/top-k/top-p). */
  draftProbs: readonly Float32Array[];
  /** p₁…p_{γ+1}: the target's distribution at each drafted position plus the bonus position. */
  targetProbs: readonly Float32Array[];
  rng: Rng;
  /** Temperature 0: accept while argmax p equals the draft, then emit argmax p. No RNG use. */
  greedy?: boolean;
  residual?: ResidualFn;
  acceptRatio?: AcceptRatioFn;
}

export interface VerifyResult {
  /** How many drafted tokens were accepted (0…γ). */
  acceptedCount: number;
  /** The accepted drafts followed by one new token (a resampled or bonus token). */
  tokens: number[];
}

export function verifyDraft(input: VerifyInput): VerifyResult {
  const { draftTokens, draftProbs, targetProbs, rng } = input;
  const gamma = draftTokens.length;
  if (targetProbs.length !== gamma + 1) {
    throw new RangeError(
      `verifyDraft needs γ + 1 = ${gamma + 1} target distributions, got ${targetProbs.length}`,
    );
  }
  if (!input.greedy && draftProbs.length !== gamma) {
    throw new RangeError(`verifyDraft needs γ = ${gamma} draft distributions, got ${draftProbs.length}`);
  }
  const residual = input.residual ?? referenceResidual;
  const acceptRatio = input.acceptRatio ?? referenceAcceptRatio;
  const tokens: number[] = [];

  for (let i = 0; i < gamma; i++) {
    const x = draftTokens[i]!;
    const p = targetProbs[i]!;
    if (input.greedy) {
      const best = argmax(p);
      if (best !== x) return { acceptedCount: i, tokens: [...tokens, best] };
    } else {
      const q = draftProbs[i]!;
      const ratio = checkedAcceptRatio(acceptRatio, p[x]!, q[x]!);
      if (!(rng.nextFloat() < ratio))
        return { acceptedCount: i, tokens: [...tokens, resample(residual, p, q, rng)] };
    }
    tokens.push(x);
  }
  const last = targetProbs[gamma]!;
  tokens.push(input.greedy ? argmax(last) : sampleFromWeights(last, rng));
  return { acceptedCount: gamma, tokens };
}

/** Draws from the normalised residual; argmax p when the residual has no mass (p = q). */
function resample(residual: ResidualFn, p: Float32Array, q: Float32Array, rng: Rng): number {
  const weights = checkedResidual(residual, p, q);
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i]!;
  return total > 0 ? sampleFromWeights(weights, rng) : argmax(p);
}
