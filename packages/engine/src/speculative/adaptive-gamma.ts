// Adaptive γ with a pause. γ follows the +2 / −1 schedule (gamma.ts); on top of it the policy
// measures, as it goes, the tokens per millisecond of its drafting steps (acceptance and every cost
// of drafting and verifying in one number) and of plain steps, and pauses drafting (γ = 0) while
// drafting is the slower of the two: the break-even of cost-aware γ, measured on the run itself
// instead of modelled from costs calibrated up front.
//
// Decisions are made on evidence, not on one lucky or unlucky step: drafting is judged after at
// least 3 drafting steps, all counted alike at first, and γ keeps its start value (1 in generate)
// until then, so the evidence is bought at the lowest price. While paused it probes with γ = 1 after 8,
// then 16, 32 and every 64 plain steps; a probe that pays is checked by a second one right away,
// and drafting resumes (at γ = 1) only when the probes together pay.
import { type GammaPolicy, nextGamma, RunningMean, type StepObservation } from './gamma.ts';

/** Weight of the newest step once the running means are warm: recent enough to follow the machine's load. */
const RECENT_WEIGHT = 0.2;
/** Drafting steps seen before drafting may be paused. */
const STEPS_BEFORE_VERDICT = 3;
/** Plain steps before the first probe of a pause; the gap doubles after each probe that loses. */
const FIRST_PROBE_AFTER = 8;
const MAX_PROBE_AFTER = 64;

/** Tokens emitted and time taken by one kind of step, as running means. */
class StepRate {
  readonly tokens: RunningMean;
  readonly ms: RunningMean;

  constructor(weight: number) {
    this.tokens = new RunningMean(weight);
    this.ms = new RunningMean(weight);
  }

  add(tokens: number, ms: number): void {
    this.tokens.add(tokens);
    this.ms.add(ms);
  }

  get count(): number {
    return this.ms.count;
  }
}

export class AdaptiveGamma implements GammaPolicy {
  private gamma: number;
  private steps = 0;
  private readonly plainMs = new RunningMean(RECENT_WEIGHT);
  /** Drafting steps while drafting; the probes of this pause while paused. */
  private drafting = new StepRate(RECENT_WEIGHT);
  private paused = false;
  /** Whether enough drafting steps were seen for a verdict. */
  private judged = false;
  private plainSinceProbe = 0;
  private probeAfter = FIRST_PROBE_AFTER;
  private backoff = FIRST_PROBE_AFTER;

  constructor(
    start: number,
    private readonly maxGamma: number,
    /** Pause drafting while it loses time (default true); false leaves the bare +2 / −1 schedule. */
    private readonly pause = true,
  ) {
    this.gamma = start;
  }

  /**
   * Measured tokens per unit time of drafting steps (or of this pause's probes) over plain steps
   * (> 1: drafting pays); undefined until both kinds of step were timed.
   */
  get measuredSpeedup(): number | undefined {
    if (this.plainMs.count === 0 || this.drafting.count === 0) return undefined;
    return (this.drafting.tokens.value / this.drafting.ms.value) * this.plainMs.value;
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
    return this.plainSinceProbe < this.probeAfter ? 0 : 1;
  }

  observe({ drafted, accepted, draftMs, verifyMs }: StepObservation): void {
    const step = this.steps++;
    if (drafted === 0) {
      if (step > 0) this.plainMs.add(draftMs + verifyMs); // step 0 is the prefill
      this.plainSinceProbe++;
      return;
    }
    if (!this.pause) {
      this.gamma = nextGamma(this.gamma, drafted, accepted, this.maxGamma);
      return;
    }
    // The first step also prefills the prompt (and a model drafter its own cache): not a typical step.
    if (step === 0) return;
    this.drafting.add(accepted + 1, draftMs + verifyMs);
    this.judged ||= this.drafting.count >= STEPS_BEFORE_VERDICT;
    // Until the first verdict γ stays at its start (drafting judged at its cheapest); then it may grow.
    if (!this.paused && this.judged) this.gamma = nextGamma(this.gamma, drafted, accepted, this.maxGamma);
    const speedup = this.measuredSpeedup;
    if (speedup === undefined) return;
    if (this.paused) this.judgeProbe(speedup);
    else if (speedup < 1 && this.judged) this.startPause();
  }

  private startPause(): void {
    this.paused = true;
    this.plainSinceProbe = 0;
    this.probeAfter = FIRST_PROBE_AFTER;
    this.backoff = FIRST_PROBE_AFTER;
    // Probes draft one token: judge them by themselves, not by the longer drafts that lost. The newest
    // probes weigh most, so a drafter that starts to pay is not held back by old failures.
    this.drafting = new StepRate(1 / 3);
  }

  private judgeProbe(speedup: number): void {
    this.plainSinceProbe = 0;
    if (speedup < 1) {
      this.backoff = Math.min(MAX_PROBE_AFTER, this.backoff * 2);
      this.probeAfter = this.backoff;
    } else if (this.drafting.count < 2) {
      this.probeAfter = 0; // check a paying probe with a second one at once
    } else {
      this.paused = false;
      this.gamma = 1;
      const probes = this.drafting;
      this.drafting = new StepRate(RECENT_WEIGHT);
      this.drafting.add(probes.tokens.value, probes.ms.value);
    }
  }
}
