// Adaptive γ with a pause. γ follows the +2 / −1 schedule (gamma.ts); on top of it the policy
// measures, as it goes, the acceptance rate α and what steps cost here (a plain step, a draft
// forward per drafted token, the extra verify time per drafted token), and pauses drafting (γ = 0)
// while even γ = 1 would be slower than plain decoding: the break-even of cost-aware γ, with costs
// measured from the run itself instead of calibrated up front. While paused it probes with γ = 1
// after 8, 16, 32, then every 64 plain steps, so a drafter that starts to pay is noticed again.
import { expectedSpeedup, type SpeculationCosts } from './cost-aware-gamma.ts';
import { nextGamma } from './gamma.ts';

/** One generation step as the policy sees it. */
export interface StepObservation {
  drafted: number;
  accepted: number;
  /** Time the drafter took to propose. */
  draftMs: number;
  /** Time the target forward and verification took. */
  verifyMs: number;
}

/** Weight of the newest timing in the running means: recent enough to follow machine load. */
const TIME_WEIGHT = 0.2;

export class AdaptiveGamma {
  private gamma: number;
  private accepted = 1; // prior: α ≈ 0.5 from one pseudo-observation each way
  private trials = 2;
  private plainMs: number | undefined;
  private draftMsPerToken: number | undefined;
  private verifyExtraMsPerToken: number | undefined;
  private steps = 0;
  private draftSteps = 0;
  private paused = false;
  private plainSteps = 0;
  private probeAfter = 8;

  constructor(
    start: number,
    private readonly maxGamma: number,
    /** Pause drafting while it loses time (default true); false leaves the bare +2 / −1 schedule. */
    private readonly pause = true,
    private readonly forgetting = 0.9,
  ) {
    this.gamma = start;
  }

  get alpha(): number {
    return this.accepted / this.trials;
  }

  /** Costs in units of one plain step, as measured so far (undefined until both kinds of step were timed). */
  get costs(): SpeculationCosts | undefined {
    if (this.plainMs === undefined || this.draftMsPerToken === undefined) return undefined;
    const extra = Math.max(0, this.verifyExtraMsPerToken ?? 0) / this.plainMs;
    return {
      draft: this.draftMsPerToken / this.plainMs,
      verify: Array.from({ length: this.maxGamma + 1 }, (_, k) => 1 + k * extra),
    };
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** γ for the next step; 0 = a plain step. */
  next(): number {
    if (!this.pause) return this.gamma;
    // The first step prefills the prompt and the second times a plain step: the pause's baseline.
    if (this.steps < 2) return 0;
    if (!this.paused) return this.gamma;
    if (++this.plainSteps < this.probeAfter) return 0;
    this.plainSteps = 0;
    this.probeAfter = Math.min(64, this.probeAfter * 2);
    return 1;
  }

  observe({ drafted, accepted, draftMs, verifyMs }: StepObservation): void {
    const step = this.steps++;
    if (drafted === 0) {
      if (step > 0) this.plainMs = runningMean(this.plainMs, verifyMs); // step 0 is the prefill
      return;
    }
    this.gamma = nextGamma(this.gamma, drafted, accepted, this.maxGamma);
    this.accepted = this.forgetting * this.accepted + accepted;
    this.trials = this.forgetting * this.trials + accepted + (accepted < drafted ? 1 : 0);
    if (!this.pause) return;
    // A model drafter's first proposal also prefills its own cache: not a typical cost.
    if (this.draftSteps++ > 0) this.draftMsPerToken = runningMean(this.draftMsPerToken, draftMs / drafted);
    if (this.plainMs !== undefined) {
      this.verifyExtraMsPerToken = runningMean(
        this.verifyExtraMsPerToken,
        (verifyMs - this.plainMs) / drafted,
      );
    }
    const costs = this.costs;
    const pays = costs === undefined || expectedSpeedup(this.alpha, 1, costs) >= 1;
    if (pays && this.paused) this.probeAfter = 8;
    this.paused = !pays;
    if (this.paused) this.plainSteps = 0;
  }
}

function runningMean(mean: number | undefined, value: number): number {
  return mean === undefined ? value : mean + TIME_WEIGHT * (value - mean);
}
