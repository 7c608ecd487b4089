// Logits → the exact probability vector a token is drawn from (temperature, then top-k, then top-p,
// the order Hugging Face uses). Speculative decoding needs these vectors, not just a sampled token.
import { type SamplingParams, validateSamplingParams } from './params.ts';

/** Index of the largest value; the lowest index wins ties. */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

export function oneHot(index: number, size: number): Float32Array {
  const out = new Float32Array(size);
  out[index] = 1;
  return out;
}

/** softmax(logits / temperature) for temperature > 0, computed in float64. */
export function softmax(logits: ArrayLike<number>, temperature = 1): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < logits.length; i++) {
    const x = logits[i]!;
    if (Number.isNaN(x)) throw new RangeError(`logits contain NaN at index ${i}`);
    if (x > max) max = x;
  }
  if (max === Number.NEGATIVE_INFINITY) throw new RangeError('every logit is -Infinity');
  const probs = new Float64Array(logits.length);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    const e = Math.exp((logits[i]! - max) / temperature);
    probs[i] = e;
    sum += e;
  }
  for (let i = 0; i < probs.length; i++) probs[i]! /= sum;
  return probs;
}

/** Zeroes every probability below the k-th largest (ties with it survive). */
function keepTopK(probs: Float64Array, k: number): void {
  if (k <= 0 || k >= probs.length) return;
  const kth = Float64Array.from(probs).sort().reverse()[k - 1]!;
  for (let i = 0; i < probs.length; i++) if (probs[i]! < kth) probs[i] = 0;
}

/** Keeps the most likely tokens until their mass reaches topP (always at least one). */
function keepTopP(probs: Float64Array, topP: number): void {
  if (topP >= 1) return;
  let total = 0;
  for (const p of probs) total += p;
  const order = Array.from(probs.keys()).sort((a, b) => probs[b]! - probs[a]! || a - b);
  let mass = 0;
  let kept = 0;
  while (kept < order.length && mass < topP * total) mass += probs[order[kept++]!]!;
  for (let j = kept; j < order.length; j++) probs[order[j]!] = 0;
}

/** The distribution `sampleToken` draws from; one-hot at the argmax for temperature 0. */
export function toDistribution(logits: ArrayLike<number>, params: SamplingParams): Float32Array {
  validateSamplingParams(params);
  if (params.temperature === 0) return oneHot(argmax(logits), logits.length);
  const probs = softmax(logits, params.temperature);
  keepTopK(probs, params.topK ?? 0);
  keepTopP(probs, params.topP ?? 1);
  let sum = 0;
  for (const p of probs) sum += p;
  const out = new Float32Array(probs.length);
  for (let i = 0; i < probs.length; i++) out[i] = probs[i]! / sum;
  return out;
}
