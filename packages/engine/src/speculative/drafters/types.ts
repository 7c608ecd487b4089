// A drafter proposes tokens that the target then verifies in one forward pass.
import type { SamplingParams } from '../../sampling/params.ts';
import type { Rng } from '../../sampling/rng.ts';

export interface Proposal {
  /** Up to γ drafted tokens; fewer (even none) when the drafter has nothing good to offer. */
  tokens: number[];
  /**
   * q for each drafted token: the distribution it was drawn from. Absent for deterministic
   * drafters (n-gram lookup): q is then one-hot at the token, so acceptance is p(x).
   */
  probs?: Float32Array[];
}

export interface Drafter {
  readonly name: string;
  /** Forward passes of a draft model so far (0 for model-free drafters). */
  readonly forwardCount: number;
  /** Proposes up to `gamma` tokens continuing `context` (prompt + everything generated so far). */
  propose(context: readonly number[], gamma: number, sampling: SamplingParams, rng: Rng): Promise<Proposal>;
}
