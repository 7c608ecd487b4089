// Drawing one token: from a probability vector, or straight from logits.
import { argmax, toDistribution } from './distribution.ts';
import { type SamplingParams, validateSamplingParams } from './params.ts';
import type { Rng } from './rng.ts';

/**
 * Draws an index with probability weights[i] / sum(weights); the weights need not sum to 1.
 * Uses exactly one `rng.nextFloat()`.
 */
export function sampleFromWeights(weights: ArrayLike<number>, rng: Rng): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i]!;
  if (!(total > 0)) throw new RangeError('cannot sample: the weights sum to zero');
  const target = rng.nextFloat() * total;
  let cumulative = 0;
  let last = -1;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (w <= 0) continue;
    cumulative += w;
    last = i;
    if (target < cumulative) return i;
  }
  return last; // rounding left target ≥ the running sum: the last token with weight
}

/** Greedy (no RNG use) at temperature 0; otherwise one draw from `toDistribution`. */
export function sampleToken(logits: ArrayLike<number>, params: SamplingParams, rng: Rng): number {
  validateSamplingParams(params);
  if (params.temperature === 0) return argmax(logits);
  return sampleFromWeights(toDistribution(logits, params), rng);
}
