// The generation loop: plain decoding, or speculative decoding when a drafter is given.
//
// Invariant: the target's cache holds every context token except those not yet fed (usually
// just the last one). Each step feeds those pending tokens plus the γ drafts in ONE forward pass,
// which yields p at the γ + 1 positions that verification needs. After verification the cache is
// cut back to the context plus the accepted drafts; the new (resampled or bonus) token is pending.
// Plain decoding is the same step with γ = 0.
import { EngineError } from './errors.ts';
import { type GenerationMetrics, MetricsRecorder } from './metrics.ts';
import type { CausalLM, Tokenizer } from './model/types.ts';
import { oneHot, toDistribution } from './sampling/distribution.ts';
import { greedy, type SamplingParams, validateSamplingParams } from './sampling/params.ts';
import { Rng } from './sampling/rng.ts';
import type { AcceptRatioFn, ResidualFn } from './speculative/acceptance.ts';
import { AdaptiveGamma } from './speculative/adaptive-gamma.ts';
import { CostAwareGamma, type SpeculationCosts } from './speculative/cost-aware-gamma.ts';
import type { Drafter, Proposal } from './speculative/drafters/types.ts';
import type { GammaPolicy } from './speculative/gamma.ts';
import { verifyDraft } from './speculative/verify.ts';

export interface GenerateOptions {
  target: CausalLM;
  tokenizer: Tokenizer;
  /** Text (encoded with a leading BOS) or token ids used as they are. */
  prompt: string | readonly number[];
  /** Most tokens to generate (default 128). */
  maxTokens?: number;
  /** Default: greedy (temperature 0). */
  sampling?: SamplingParams;
  /** Seeds every random draw of the run (default 1). */
  seed?: number;
  /** Speculative decoding with this drafter; plain decoding without. */
  drafter?: Drafter;
  /** Tokens drafted per step (default 4); the starting value when adaptive. */
  gamma?: number;
  /**
   * Grow γ by 2 after a fully accepted draft, shrink by 1 otherwise, within [1, maxGamma]; and
   * pause drafting while the acceptance and step times measured so far say it loses time.
   */
  adaptiveGamma?: boolean;
  /** With adaptiveGamma: pause drafting that loses time (default true); false = the bare schedule. */
  pauseUnprofitableDrafting?: boolean;
  /** Upper bound for adaptive γ (default: gamma). */
  maxGamma?: number;
  /**
   * Measured costs of drafting and verifying: γ is then chosen each step in [0, maxGamma] to
   * maximise expected tokens per unit time (0 = a plain step); adaptiveGamma is ignored.
   */
  costs?: SpeculationCosts;
  /** Any policy of your own choosing γ each step (0 = a plain step); overrides the two above. */
  gammaPolicy?: GammaPolicy;
  residual?: ResidualFn;
  acceptRatio?: AcceptRatioFn;
  /** Stop at EOS, or at a generated BOS (llama2.c's end-of-story marker); default true. */
  stopAtEos?: boolean;
  /** Called with each step's new tokens as they are accepted. */
  onTokens?: (tokens: readonly number[]) => void;
}

export type StopReason = 'eos' | 'max-tokens' | 'context';

export interface GenerateResult {
  text: string;
  /** Generated token ids (the stop token excluded). */
  tokens: number[];
  promptTokens: number[];
  stopReason: StopReason;
  metrics: GenerationMetrics;
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const { target, tokenizer, drafter } = options;
  const sampling = options.sampling ?? greedy;
  validateSamplingParams(sampling);
  const maxTokens = options.maxTokens ?? 128;
  const gammaLimit = options.maxGamma ?? options.gamma ?? 4;
  let gamma = options.gamma ?? 4;
  checkWholeNumber('maxTokens', maxTokens, 0);
  checkWholeNumber('gamma', gamma, 1);
  checkWholeNumber('maxGamma', gammaLimit, gamma);
  const { vocabSize, maxSeqLen, eosTokenId, bosTokenId } = target.config;
  if (tokenizer.vocabSize > vocabSize) {
    throw new EngineError(
      `The tokenizer has ${tokenizer.vocabSize} tokens but ${target.name} only ${vocabSize}`,
    );
  }

  const promptTokens =
    typeof options.prompt === 'string'
      ? tokenizer.encode(options.prompt, { bos: true })
      : [...options.prompt];
  if (promptTokens.length === 0) throw new EngineError('The prompt is empty: give at least one token');
  if (promptTokens.length >= maxSeqLen) {
    throw new EngineError(
      `The prompt is ${promptTokens.length} tokens long but ${target.name} has a context of maxSeqLen = ${maxSeqLen} tokens; ` +
        `shorten it to at most ${maxSeqLen - 1} tokens to leave room for generation`,
    );
  }
  const policy = drafter ? gammaPolicyFor(options, gammaLimit) : undefined;
  const stopTokens = options.stopAtEos === false ? new Set<number>() : new Set([eosTokenId, bosTokenId]);
  const rng = new Rng(options.seed ?? 1);
  const greedyMode = sampling.temperature === 0;
  const metrics = new MetricsRecorder(promptTokens.length);
  const context = [...promptTokens];
  const generated: number[] = [];
  const cache = target.newCache();
  let stopReason: StopReason = 'max-tokens';

  while (true) {
    const room = Math.min(maxTokens - generated.length, maxSeqLen - context.length);
    if (room <= 0) {
      stopReason = generated.length >= maxTokens ? 'max-tokens' : 'context';
      break;
    }
    if (policy) {
      gamma = policy.next();
      if (!Number.isInteger(gamma) || gamma < 0)
        throw new RangeError(`The γ policy must choose a whole number ≥ 0, got ${gamma}`);
    }
    const draftLength = drafter ? Math.min(gamma, room - 1) : 0;
    const stepStart = performance.now();
    const proposal: Proposal =
      draftLength > 0 ? await drafter!.propose(context, draftLength, sampling, rng) : { tokens: [] };
    const drafts = proposal.tokens.slice(0, draftLength);
    const drafted = performance.now();

    const pending = context.slice(cache.length);
    // p is needed at the last pending token and at each draft: γ + 1 rows.
    const logits = await target.forward([...pending, ...drafts], cache, { logitsOfLast: drafts.length + 1 });
    const targetProbs = [];
    for (let row = 0; row <= drafts.length; row++) {
      targetProbs.push(toDistribution(logits.subarray(row * vocabSize, (row + 1) * vocabSize), sampling));
    }
    const draftProbs = drafts.map((token, i) => proposal.probs?.[i] ?? oneHot(token, vocabSize));
    const { acceptedCount, tokens } = verifyDraft({
      draftTokens: drafts,
      draftProbs,
      targetProbs,
      rng,
      greedy: greedyMode,
      residual: options.residual,
      acceptRatio: options.acceptRatio,
    });
    cache.truncate(context.length + acceptedCount);
    const verified = performance.now();

    const stopAt = tokens.findIndex((t) => stopTokens.has(t));
    const kept = stopAt === -1 ? tokens : tokens.slice(0, stopAt);
    context.push(...kept);
    generated.push(...kept);
    metrics.recordStep(drafts.length, acceptedCount, kept.length);
    if (kept.length > 0) options.onTokens?.(kept);
    if (stopAt !== -1) {
      stopReason = 'eos';
      break;
    }
    policy?.observe({
      drafted: drafts.length,
      accepted: acceptedCount,
      draftMs: drafted - stepStart,
      verifyMs: verified - drafted,
    });
  }

  return {
    text: tokenizer.decode(generated),
    tokens: generated,
    promptTokens,
    stopReason,
    metrics: metrics.finish(drafter?.forwardCount ?? 0),
  };
}

function gammaPolicyFor(options: GenerateOptions, maxGamma: number): GammaPolicy | undefined {
  if (options.gammaPolicy) return options.gammaPolicy;
  if (options.costs) return new CostAwareGamma(options.costs, maxGamma);
  // Start small: a drafter earns a longer γ (+2 per fully accepted draft) before it costs much.
  if (options.adaptiveGamma) return new AdaptiveGamma(1, maxGamma, options.pauseUnprofitableDrafting ?? true);
  return undefined;
}

function checkWholeNumber(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min)
    throw new RangeError(`${name} must be a whole number ≥ ${min}, got ${value}`);
}
