// How many tokens to draft in each step. The schedule Hugging Face calls "heuristic": a fully
// accepted draft suggests drafting more next time (+2), any rejection less (−1), within [1, maxGamma].
// Policies that also pause drafting (γ = 0) implement GammaPolicy: adaptive-gamma.ts,
// cost-aware-gamma.ts, or one of your own passed to generate({ gammaPolicy }).

export function nextGamma(gamma: number, drafted: number, accepted: number, maxGamma: number): number {
  if (drafted === 0) return gamma; // nothing was proposed (no n-gram match): no evidence either way
  const next = accepted === drafted ? gamma + 2 : gamma - 1;
  return Math.max(1, Math.min(maxGamma, next));
}

/** One generation step as a policy sees it. */
export interface StepObservation {
  drafted: number;
  accepted: number;
  /** Time the drafter took to propose. */
  draftMs: number;
  /** Time the target forward and verification took. */
  verifyMs: number;
}

/** Chooses γ before each step (0 = a plain step) and learns from what the step did. */
export interface GammaPolicy {
  next(): number;
  observe(step: StepObservation): void;
}

/**
 * A plain average of the first 1/weight values, then an exponential moving average giving the newest
 * value `weight`: no single early value dominates, and later ones follow a machine whose load changes.
 */
export class RunningMean {
  value = Number.NaN;
  count = 0;

  constructor(private readonly weight: number) {}

  add(x: number): void {
    this.count++;
    this.value = this.count === 1 ? x : this.value + Math.max(1 / this.count, this.weight) * (x - this.value);
  }
}
