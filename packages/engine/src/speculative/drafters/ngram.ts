// Prompt lookup ("Inference with Reference", Yang et al. 2023; vLLM's ngram proposer): find the
// last n tokens earlier in the prompt + generated text, for n from maxN down to minN, and propose
// the tokens that followed that earlier occurrence. No model, so q is one-hot and a drafted token
// is accepted with probability p(x).
import type { Drafter, Proposal } from './types.ts';

export interface NgramDrafterOptions {
  /** Shortest suffix to match (default 1). */
  minN?: number;
  /** Longest suffix to match (default 3); longer matches are tried first. */
  maxN?: number;
}

export class NgramDrafter implements Drafter {
  readonly name: string;
  readonly forwardCount = 0;
  readonly minN: number;
  readonly maxN: number;

  constructor(options: NgramDrafterOptions = {}) {
    this.minN = options.minN ?? 1;
    this.maxN = options.maxN ?? 3;
    if (
      !Number.isInteger(this.minN) ||
      this.minN < 1 ||
      !Number.isInteger(this.maxN) ||
      this.maxN < this.minN
    ) {
      throw new RangeError(
        `n-gram sizes must satisfy 1 ≤ minN ≤ maxN, got minN ${this.minN}, maxN ${this.maxN}`,
      );
    }
    this.name = `n-gram lookup (n = ${this.minN}…${this.maxN})`;
  }

  async propose(context: readonly number[], gamma: number): Promise<Proposal> {
    return { tokens: proposeByLookup(context, gamma, this.minN, this.maxN) };
  }
}

/**
 * The up-to-γ tokens that followed the most recent earlier occurrence of the context's last n
 * tokens, trying n = maxN first. Empty when no suffix of length ≥ minN occurs earlier.
 */
export function proposeByLookup(
  context: readonly number[],
  gamma: number,
  minN: number,
  maxN: number,
): number[] {
  const end = context.length;
  for (let n = Math.min(maxN, end - 1); n >= minN; n--) {
    // Candidate starts, latest first; the suffix itself starts at end − n and is skipped.
    for (let start = end - n - 1; start >= 0; start--) {
      let k = 0;
      while (k < n && context[start + k] === context[end - n + k]) k++;
      if (k === n) return context.slice(start + n, Math.min(start + n + gamma, end));
    }
  }
  return [];
}
