// Measures what cost-aware γ needs: the cost of one draft forward and of a target forward over
// k + 1 tokens, in units of a one-token target step, on the models as they run here and now
// (backend, threads, machine load). Each timed forward is rolled back, as in a speculative step.
import type { CausalLM, KVCache } from '../model/types.ts';
import type { SpeculationCosts } from './cost-aware-gamma.ts';

export interface CalibrationOptions {
  /** Verify costs are measured for k = 0 … maxGamma drafts. */
  maxGamma: number;
  /** Timed rounds after 2 untimed ones (default 12); each round times every k once. */
  rounds?: number;
  /** Tokens in the cache while timing (default 64). */
  context?: number;
}

export interface Calibration {
  costs: SpeculationCosts;
  /** One one-token target step, in ms: the unit of `costs`. */
  targetStepMs: number;
}

/**
 * Medians over interleaved rounds (so load from other processes hits every k alike), made
 * non-decreasing in k (a longer forward is not really cheaper; a dip is noise). Without a draft
 * model (n-gram lookup) the draft cost is 0.
 */
export async function measureSpeculationCosts(
  target: CausalLM,
  draft: CausalLM | undefined,
  options: CalibrationOptions,
): Promise<Calibration> {
  const { maxGamma, rounds = 12, context = 64 } = options;
  const vocab = Math.min(target.config.vocabSize, draft?.config.vocabSize ?? Infinity);
  const prefill = Array.from({ length: context }, (_, i) => 3 + ((i * 7) % (vocab - 3)));
  const targetCache = target.newCache();
  await target.forward(prefill, targetCache);
  const draftCache = draft?.newCache();
  if (draft && draftCache) await draft.forward(prefill, draftCache);

  async function time(model: CausalLM, cache: KVCache, rows: number): Promise<number> {
    const start = performance.now();
    await model.forward(new Array(rows).fill(prefill[rows]!), cache);
    cache.truncate(context); // the rollback is part of a speculative step's cost
    return performance.now() - start;
  }
  const verifyTimes: number[][] = Array.from({ length: maxGamma + 1 }, () => []);
  const draftTimes: number[] = [];
  for (let round = 0; round < rounds + 2; round++) {
    for (let k = 0; k <= maxGamma; k++) {
      const ms = await time(target, targetCache, k + 1);
      if (round >= 2) verifyTimes[k]!.push(ms);
    }
    if (draft && draftCache) {
      const ms = await time(draft, draftCache, 1);
      if (round >= 2) draftTimes.push(ms);
    }
  }
  const unit = median(verifyTimes[0]!);
  const verify = verifyTimes.map((times) => median(times) / unit);
  verify[0] = 1;
  for (let k = 1; k < verify.length; k++) verify[k] = Math.max(verify[k]!, verify[k - 1]!);
  return {
    costs: { draft: draft ? median(draftTimes) / unit : 0, verify, unitMs: unit },
    targetStepMs: unit,
  };
}

export function formatCalibration({ costs, targetStepMs }: Calibration): string {
  return (
    `costs in units of one one-token target step (${targetStepMs.toFixed(2)} ms): draft forward ${costs.draft.toFixed(3)}; ` +
    `verify with k drafts ${costs.verify.map((v, k) => `${k}:${v.toFixed(2)}`).join(' ')}`
  );
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
