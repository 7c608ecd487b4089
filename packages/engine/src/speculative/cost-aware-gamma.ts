// Cost-aware draft length: pick the γ that maximises expected tokens per unit of time, from an
// estimate of the acceptance rate α and the measured cost of drafting and verifying (Leviathan et
// al. 2023, §3.4–3.5: E[tokens] = (1 − α^{γ+1}) / (1 − α)). γ = 0 (a plain step) wins when drafting
// does not pay, which keeps speculative decoding from running slower than plain decoding.

/** Costs in units of one single-token target forward. */
export interface SpeculationCosts {
  /** One draft proposal step (one draft-model forward; 0 for n-gram lookup). */
  draft: number;
  /** verify[k]: a target forward over k + 1 tokens (k drafts); verify[0] = 1. */
  verify: number[];
}

export function expectedTokens(alpha: number, gamma: number): number {
  return alpha >= 1 ? gamma + 1 : (1 - alpha ** (gamma + 1)) / (1 - alpha);
}

/** Expected tokens per unit cost when drafting γ tokens (1 for γ = 0 by definition of the unit). */
export function expectedSpeedup(alpha: number, gamma: number, costs: SpeculationCosts): number {
  const verify = costs.verify[gamma] ?? costs.verify[costs.verify.length - 1]!;
  return expectedTokens(alpha, gamma) / (gamma * costs.draft + verify);
}

export function bestGamma(alpha: number, costs: SpeculationCosts, maxGamma: number): number {
  let best = 0;
  for (let g = 1; g <= maxGamma; g++) {
    if (expectedSpeedup(alpha, g, costs) > expectedSpeedup(alpha, best, costs)) best = g;
  }
  return best;
}

/**
 * Tracks α with exponential forgetting and chooses γ each step. While γ = 0 it probes with γ = 1
 * after 8, 16, 32, then every 64 plain steps, so a drafter that starts to pay is noticed again.
 */
export class CostAwareGamma {
  private accepted = 1; // prior: α ≈ 0.5 from one pseudo-observation each way
  private trials = 2;
  private plainSteps = 0;
  private probeAfter = 8;

  constructor(
    private readonly costs: SpeculationCosts,
    private readonly maxGamma: number,
    private readonly forgetting = 0.9,
  ) {}

  get alpha(): number {
    return this.accepted / this.trials;
  }

  next(): number {
    const gamma = bestGamma(this.alpha, this.costs, this.maxGamma);
    if (gamma > 0) return gamma;
    if (++this.plainSteps < this.probeAfter) return 0;
    this.plainSteps = 0;
    this.probeAfter = Math.min(64, this.probeAfter * 2);
    return 1;
  }

  /** One verification: `accepted` of `drafted` tokens kept (a rejection is one more trial). */
  observe(drafted: number, accepted: number): void {
    if (drafted === 0) return;
    const trials = accepted + (accepted < drafted ? 1 : 0);
    this.accepted = this.forgetting * this.accepted + accepted;
    this.trials = this.forgetting * this.trials + trials;
    if (bestGamma(this.alpha, this.costs, this.maxGamma) > 0) this.probeAfter = 8;
  }
}
