// Cost-aware draft length: pick the γ that maximises expected tokens per unit of time, from an
// estimate of the acceptance rate α and the cost of drafting and verifying (Leviathan et al. 2023,
// §3.4–3.5: E[tokens] = (1 − α^{γ+1}) / (1 − α)). γ = 0 (a plain step) wins when drafting does not
// pay, which keeps speculative decoding from running slower than plain decoding.
//
// The costs start as calibrated (calibrate.ts: bare forwards) and, when the calibration's unit is
// known, are re-measured during the run: a real step also pays for distributions and verification,
// and the machine's load changes.
import { type GammaPolicy, RunningMean, type StepObservation } from './gamma.ts';

/** Costs in units of one single-token target forward. */
export interface SpeculationCosts {
  /** One draft proposal step (one draft-model forward; 0 for n-gram lookup). */
  draft: number;
  /** verify[k]: a target forward over k + 1 tokens (k drafts); verify[0] = 1. */
  verify: number[];
  /** The unit in milliseconds, as calibrated: with it, CostAwareGamma re-measures costs as it runs. */
  unitMs?: number;
}

export function expectedTokens(alpha: number, gamma: number): number {
  return alpha >= 1 ? gamma + 1 : (1 - alpha ** (gamma + 1)) / (1 - alpha);
}

/** Modelled cost of a step drafting γ tokens, in units of one single-token target step. */
export function stepCost(gamma: number, costs: SpeculationCosts): number {
  return gamma * costs.draft + (costs.verify[gamma] ?? costs.verify[costs.verify.length - 1]!);
}

/** Expected tokens per unit cost when drafting γ tokens (1 for γ = 0 by definition of the unit). */
export function expectedSpeedup(alpha: number, gamma: number, costs: SpeculationCosts): number {
  return expectedTokens(alpha, gamma) / stepCost(gamma, costs);
}

export function bestGamma(alpha: number, costs: SpeculationCosts, maxGamma: number): number {
  return bestOf(alpha, maxGamma, (gamma) => stepCost(gamma, costs));
}

function bestOf(alpha: number, maxGamma: number, cost: (gamma: number) => number): number {
  let best = 0;
  let bestRate = expectedTokens(alpha, 0) / cost(0);
  for (let g = 1; g <= maxGamma; g++) {
    const rate = expectedTokens(alpha, g) / cost(g);
    if (rate > bestRate) [best, bestRate] = [g, rate];
  }
  return best;
}

/** Weight of the newest measured step time once warm (the calibrated cost counts as one step). */
const RECENT_WEIGHT = 0.2;

/**
 * Tracks α with exponential forgetting and chooses γ each step. While γ = 0 it probes with γ = 1
 * after 8, 16, 32, then every 64 plain steps, so a drafter that starts to pay is noticed again.
 */
export class CostAwareGamma implements GammaPolicy {
  private accepted = 1; // prior: α ≈ 0.5 from one pseudo-observation each way
  private trials = 2;
  private plainSteps = 0;
  private probeAfter = 8;
  private steps = 0;
  /** Measured cost of a step drafting k tokens, in calibrated units; seeded with the calibration. */
  private readonly measured: RunningMean[];

  constructor(
    private readonly costs: SpeculationCosts,
    private readonly maxGamma: number,
    private readonly forgetting = 0.9,
  ) {
    this.measured = Array.from({ length: maxGamma + 1 }, (_, k) => {
      const mean = new RunningMean(RECENT_WEIGHT);
      mean.add(stepCost(k, costs));
      return mean;
    });
  }

  get alpha(): number {
    return this.accepted / this.trials;
  }

  /** The cost of a step drafting γ tokens as now known (calibrated, then measured). */
  cost(gamma: number): number {
    return this.measured[Math.min(gamma, this.maxGamma)]!.value;
  }

  /** The γ with the most expected tokens per unit cost, as α and the costs are now known. */
  private bestNow(): number {
    return bestOf(this.alpha, this.maxGamma, (g) => this.cost(g));
  }

  next(): number {
    const gamma = this.bestNow();
    if (gamma > 0) return gamma;
    if (++this.plainSteps < this.probeAfter) return 0;
    this.plainSteps = 0;
    this.probeAfter = Math.min(64, this.probeAfter * 2);
    return 1;
  }

  /** One step: `accepted` of `drafted` tokens kept (a rejection is one more trial), and its times. */
  observe({ drafted, accepted, draftMs, verifyMs }: StepObservation): void {
    // The first step also prefills the prompt: its time says nothing about a typical step.
    if (this.steps++ > 0 && this.costs.unitMs) {
      this.measured[Math.min(drafted, this.maxGamma)]!.add((draftMs + verifyMs) / this.costs.unitMs);
    }
    if (drafted === 0) return;
    const trials = accepted + (accepted < drafted ? 1 : 0);
    this.accepted = this.forgetting * this.accepted + accepted;
    this.trials = this.forgetting * this.trials + trials;
    if (this.bestNow() > 0) this.probeAfter = 8;
  }
}
