// A small draft model proposes γ tokens autoregressively, each sampled from its own q.
// It keeps its own KV cache: before each proposal the cache is cut back to the longest prefix it
// shares with the context (rolling back rejected drafts), and only the new tokens are fed.
import type { CausalLM, KVCache } from '../../model/types.ts';
import { argmax, toDistribution } from '../../sampling/distribution.ts';
import type { SamplingParams } from '../../sampling/params.ts';
import type { Rng } from '../../sampling/rng.ts';
import { sampleFromWeights } from '../../sampling/sample.ts';
import type { Drafter, Proposal } from './types.ts';

export interface ModelDrafterOptions {
  /** Sample the drafts with other settings than the target (default: the target's). */
  sampling?: SamplingParams;
  /**
   * When more than this many context tokens are new to the draft model because it sat out plain
   * steps (adaptive γ paused drafting), it starts over from the last `maxCatchUp` tokens instead of
   * feeding them all (default 16). Its q then sees a shorter context: still a valid draft, since
   * verification keeps the output distribution exact whatever q is. The prompt is always fed whole.
   */
  maxCatchUp?: number;
}

export class ModelDrafter implements Drafter {
  readonly name: string;
  forwardCount = 0;
  private readonly cache: KVCache;
  /** The tokens whose keys and values are in `cache`, in order: context[offset …]. */
  private readonly cached: number[] = [];
  /** Index in the context of cached[0]: above 0 after a restart that skipped older tokens. */
  private offset = 0;
  private readonly maxCatchUp: number;

  constructor(
    readonly model: CausalLM,
    private readonly options: ModelDrafterOptions = {},
  ) {
    this.name = `draft model ${model.name}`;
    this.cache = model.newCache();
    this.maxCatchUp = options.maxCatchUp ?? 16;
    if (!Number.isInteger(this.maxCatchUp) || this.maxCatchUp < 1) {
      throw new RangeError(`maxCatchUp must be a whole number ≥ 1, got ${options.maxCatchUp}`);
    }
  }

  async propose(
    context: readonly number[],
    gamma: number,
    sampling: SamplingParams,
    rng: Rng,
  ): Promise<Proposal> {
    const params = this.options.sampling ?? sampling;
    const { vocabSize, maxSeqLen } = this.model.config;
    this.rollBackTo(context);
    let pending = context.slice(this.offset + this.cached.length);
    if (pending.length > this.maxCatchUp && this.cached.length > 0) {
      this.cache.truncate(0);
      this.cached.length = 0;
      this.offset = context.length - this.maxCatchUp;
      pending = context.slice(this.offset);
    }
    // Feeding the last context token and drafts x₁…x_{γ−1} touches positions up to n + γ − 2,
    // n = the context tokens the draft model holds.
    const steps = Math.min(gamma, maxSeqLen - (context.length - this.offset) + 1);
    const proposal: Proposal = { tokens: [], probs: [] };
    for (let i = 0; i < steps; i++) {
      // Only the last position's q is needed (catching up on many tokens costs no output head).
      const logits = await this.model.forward(pending, this.cache, { logitsOfLast: 1 });
      this.forwardCount++;
      this.cached.push(...pending);
      const q = toDistribution(logits.subarray(0, vocabSize), params);
      const token = params.temperature === 0 ? argmax(q) : sampleFromWeights(q, rng);
      proposal.tokens.push(token);
      proposal.probs!.push(q);
      pending = [token];
    }
    return proposal;
  }

  /** Keeps the cached prefix shared with `context`, minus at least one token to feed next. */
  private rollBackTo(context: readonly number[]): void {
    let shared = 0;
    const limit = Math.min(this.cached.length, context.length - 1 - this.offset);
    while (shared < limit && this.cached[shared] === context[this.offset + shared]) shared++;
    if (shared === 0) this.offset = 0; // nothing kept (a new context): start from its beginning
    this.cache.truncate(shared);
    this.cached.length = shared;
  }
}
