// What one generation run did and how fast: acceptance of drafted tokens, forward passes, speed.

export interface PositionAcceptance {
  /** Steps whose draft had a token at this position. */
  drafted: number;
  /** Steps that accepted the draft up to and including this position. */
  accepted: number;
}

export interface GenerationMetrics {
  promptTokens: number;
  generatedTokens: number;
  /** Target forward passes: one per decoding or verification step (the first also prefills). */
  targetForwards: number;
  draftForwards: number;
  /** Drafted and accepted tokens over the whole run. */
  drafted: number;
  accepted: number;
  /** α = accepted / drafted (null when nothing was drafted). */
  acceptanceRate: number | null;
  /** Mean number of drafted tokens accepted per step that drafted any (null when none did). */
  meanAcceptedLength: number | null;
  /** Tokens emitted per target forward pass (1 for plain decoding). */
  tokensPerStep: number;
  /** Mean γ over steps that drafted (null when none did); varies with adaptive γ. */
  meanGamma: number | null;
  /** Index i is draft position i + 1; accepted / drafted there is that position's acceptance. */
  acceptanceByPosition: PositionAcceptance[];
  wallTimeMs: number;
  /** Generated tokens per second of wall time, prefill included. */
  tokensPerSecond: number;
}

export class MetricsRecorder {
  private readonly startedAt = performance.now();
  private generated = 0;
  private steps = 0;
  private draftSteps = 0;
  private drafted = 0;
  private accepted = 0;
  private readonly byPosition: PositionAcceptance[] = [];

  constructor(private readonly promptTokens: number) {}

  /** One target step: `drafted` tokens proposed, the first `accepted` kept, `emitted` appended. */
  recordStep(drafted: number, accepted: number, emitted: number): void {
    this.steps++;
    this.generated += emitted;
    if (drafted === 0) return;
    this.draftSteps++;
    this.drafted += drafted;
    this.accepted += accepted;
    for (let i = 0; i < drafted; i++) {
      this.byPosition[i] ??= { drafted: 0, accepted: 0 };
      this.byPosition[i]!.drafted++;
      if (i < accepted) this.byPosition[i]!.accepted++;
    }
  }

  finish(draftForwards: number): GenerationMetrics {
    const wallTimeMs = performance.now() - this.startedAt;
    return {
      promptTokens: this.promptTokens,
      generatedTokens: this.generated,
      targetForwards: this.steps,
      draftForwards,
      drafted: this.drafted,
      accepted: this.accepted,
      acceptanceRate: this.drafted > 0 ? this.accepted / this.drafted : null,
      meanAcceptedLength: this.draftSteps > 0 ? this.accepted / this.draftSteps : null,
      tokensPerStep: this.steps > 0 ? this.generated / this.steps : 0,
      meanGamma: this.draftSteps > 0 ? this.drafted / this.draftSteps : null,
      acceptanceByPosition: this.byPosition.map((p) => ({ ...p })),
      wallTimeMs,
      tokensPerSecond: wallTimeMs > 0 ? (this.generated * 1000) / wallTimeMs : 0,
    };
  }
}

/** A two-column table for the command line. */
export function formatMetrics(m: GenerationMetrics): string {
  const pct = (x: number | null) => (x === null ? '–' : `${(100 * x).toFixed(1)}%`);
  const num = (x: number | null, digits = 2) => (x === null ? '–' : x.toFixed(digits));
  const rows: [string, string][] = [
    ['prompt tokens', String(m.promptTokens)],
    ['generated tokens', String(m.generatedTokens)],
    ['target forwards', String(m.targetForwards)],
    ['draft forwards', String(m.draftForwards)],
    ['drafted / accepted', `${m.drafted} / ${m.accepted}`],
    ['acceptance rate α', pct(m.acceptanceRate)],
    ['mean accepted length', num(m.meanAcceptedLength)],
    ['tokens per target forward', num(m.tokensPerStep)],
    ['mean γ', num(m.meanGamma)],
    [
      'acceptance by position',
      m.acceptanceByPosition.length === 0
        ? '–'
        : m.acceptanceByPosition.map((p) => pct(p.drafted > 0 ? p.accepted / p.drafted : null)).join(' '),
    ],
    ['wall time', `${m.wallTimeMs.toFixed(1)} ms`],
    ['tokens/s', m.tokensPerSecond.toFixed(1)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}
