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
}

export class ModelDrafter implements Drafter {
  readonly name: string;
  forwardCount = 0;
  private readonly cache: KVCache;
  /** The tokens whose keys and values are in `cache`, in order. */
  private readonly cached: number[] = [];

  constructor(
    readonly model: CausalLM,
    private readonly options: ModelDrafterOptions = {},
  ) {
    this.name = `draft model ${model.name}`;
    this.cache = model.newCache();
  }

  async propose(
    context: readonly number[],
    gamma: number,
    sampling: SamplingParams,
    rng: Rng,
  ): Promise<Proposal> {
    const params = this.options.sampling ?? sampling;
    const { vocabSize, maxSeqLen } = this.model.config;
    // Feeding context[n−1] and drafts x₁…x_{γ−1} touches positions up to n + γ − 2.
    const steps = Math.min(gamma, maxSeqLen - context.length + 1);
    this.rollBackTo(context);
    const proposal: Proposal = { tokens: [], probs: [] };
    let pending = context.slice(this.cached.length);
    for (let i = 0; i < steps; i++) {
      const logits = await this.model.forward(pending, this.cache);
      this.forwardCount++;
      this.cached.push(...pending);
      const q = toDistribution(logits.subarray((pending.length - 1) * vocabSize), params);
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
    const limit = Math.min(this.cached.length, context.length - 1);
    while (shared < limit && this.cached[shared] === context[shared]) shared++;
    this.cache.truncate(shared);
    this.cached.length = shared;
  }
}
