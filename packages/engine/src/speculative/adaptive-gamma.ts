// Adaptive γ with a pause. γ follows the +2 / −1 schedule (gamma.ts); on top of it the policy
// measures, as it goes, the tokens per millisecond of its drafting steps (acceptance and every cost
// of drafting and verifying in one number) and of plain steps, and pauses drafting (γ = 0) while
// drafting is the slower of the two: the break-even of cost-aware γ, measured on the run itself
// instead of modelled from costs calibrated up front. While paused it probes with γ = 1 after 8, 16,
// 32, then every 64 plain steps, so a drafter that starts to pay is noticed again.
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

/** Weight of the newest step in the running means: recent enough to follow the machine's load. */
const RECENT_WEIGHT = 0.2;

export class AdaptiveGamma {
  private gamma: number;
  private steps = 0;
  private plainMs: number | undefined;
  private draftingMs: number | undefined;
  private draftingTokens: number | undefined;
  private paused = false;
  private plainSteps = 0;
  private probeAfter = 8;

  constructor(
    start: number,
    private readonly maxGamma: number,
    /** Pause drafting while it loses time (default true); false leaves the bare +2 / −1 schedule. */
    private readonly pause = true,
  ) {
    this.gamma = start;
  }

  /**
   * Measured tokens per unit time of drafting steps over plain steps (> 1: drafting pays);
   * undefined until both kinds of step were timed.
   */
  get measuredSpeedup(): number | undefined {
    if (this.plainMs === undefined || this.draftingMs === undefined) return undefined;
    return (this.draftingTokens! / this.draftingMs) * this.plainMs;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** γ for the next step; 0 = a plain step. */
  next(): number {
    if (!this.pause) return this.gamma;
    // The first step prefills the prompt (and drafts, as always); the second is a plain step, timed as
    // the pause's baseline.
    if (this.steps === 1) return 0;
    if (!this.paused) return this.gamma;
    if (++this.plainSteps < this.probeAfter) return 0;
    this.plainSteps = 0;
    this.probeAfter = Math.min(64, this.probeAfter * 2);
    return 1;
  }

  observe({ drafted, accepted, draftMs, verifyMs }: StepObservation): void {
    const step = this.steps++;
    if (drafted === 0) {
      if (step > 0) this.plainMs = runningMean(this.plainMs, draftMs + verifyMs); // step 0 is the prefill
      return;
    }
    this.gamma = nextGamma(this.gamma, drafted, accepted, this.maxGamma);
    // The first step also prefills the prompt (and a model drafter its own cache): not a typical step.
    if (!this.pause || step === 0) return;
    this.draftingMs = runningMean(this.draftingMs, draftMs + verifyMs);
    this.draftingTokens = runningMean(this.draftingTokens, accepted + 1);
    const speedup = this.measuredSpeedup;
    if (speedup === undefined) return;
    if (speedup >= 1) {
      if (this.paused) this.probeAfter = 8;
      this.paused = false;
    } else if (!this.paused) {
      this.paused = true;
      this.plainSteps = 0;
      // Probes draft one token: judge them by themselves, not by the longer drafts that lost.
      this.draftingMs = this.draftingTokens = undefined;
    }
  }
}

function runningMean(mean: number | undefined, value: number): number {
  return mean === undefined ? value : mean + RECENT_WEIGHT * (value - mean);
}
