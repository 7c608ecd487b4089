// `npm run bench -- spec`: the handout's "Benchmark with Two Prompt Regimes" on the project's pair.
// Speedup of speculative decoding over plain decoding against γ = 1…8, for the draft model and for
// n-gram drafting, fixed, adaptive and cost-aware γ, on a high- and a low-acceptance prompt set, all measured
// side by side in one run. Prints the table; writes bench-results/spec.{svg,png,json}.
// By default the target runs on `ort` (one thread: on a busy 2-core machine a second onnxruntime thread
// mostly waits for a core) and the draft model on `ts` (its one-token forwards cost ~70 µs there).
//
// Regimes. High acceptance: greedy decoding of prompts whose continuation repeats text the
// context already holds (Numbers 7 lists the same offering twelve times, and the target has learnt
// it; a prompt on which greedy decoding falls into a repeating phrase). Low acceptance: free
// generation at temperature 1 from short openings.
// γ policies: fixed; adaptive (+2 / −1 within [1, γ], pausing while drafting loses time);
// cost-aware (γ in [0, γ] maximising expected tokens per unit time from a running α and draft/verify
// costs calibrated once at the start).
// Speedup = plain decoding's time per token / the method's, each summed over the regime's prompts,
// with a plain run paired with every method run (before it in even repetitions, after it in odd
// ones, so a trend in the machine's speed favours neither); every run generates exactly --tokens
// tokens (EOS ignored) after 10 s of untimed warm-up. Time per token is that of the decoding phase:
// from the end of the first step (which prefills the prompt, the same work for every method) to the
// last token. Per prompt, the geometric mean over --reps repetitions of the pair's ratio (plain time /
// method time), the fastest and the slowest pair left out, counts, and a regime's speedup is the
// geometric mean over its prompts: pairing cancels the slow drift of a shared machine's speed, the
// trimming its sporadic bursts. (The
// fastest-run estimator, Σ fastest plain / Σ fastest method, is kept in spec.json beside it.) An
// A/A control measures plain decoding as if it were a method: how far it strays from 1× is the
// measurement's resolution.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Resvg } from '@resvg/resvg-js';
import { generate } from '../src/generate.ts';
import { loadModel } from '../src/load.ts';
import type { CausalLM, Tokenizer } from '../src/model/types.ts';
import type { SamplingParams } from '../src/sampling/params.ts';
import { formatCalibration, measureSpeculationCosts } from '../src/speculative/calibrate.ts';
import type { SpeculationCosts } from '../src/speculative/cost-aware-gamma.ts';
import { ModelDrafter } from '../src/speculative/drafters/model.ts';
import { NgramDrafter } from '../src/speculative/drafters/ngram.ts';
import type { Drafter } from '../src/speculative/drafters/types.ts';

const repoRoot = new URL('../../..', import.meta.url).pathname;
const modelsDir = new URL('../models', import.meta.url).pathname;

const { values: flags } = parseArgs({
  options: {
    target: { type: 'string', default: join(modelsDir, 'kjv-target') },
    draft: { type: 'string', default: join(modelsDir, 'kjv-draft') },
    backend: { type: 'string' },
    'target-backend': { type: 'string', default: 'ort' },
    'draft-backend': { type: 'string', default: 'ts' },
    threads: { type: 'string', default: '1' },
    tokens: { type: 'string', default: '120' },
    reps: { type: 'string', default: '8' },
    'max-gamma': { type: 'string', default: '8' },
    out: { type: 'string', default: join(repoRoot, 'bench-results') },
  },
});

// ---------------------------------------------------------------------------------------------
// Prompts (King James Version, public domain)

const numbers7Day1 =
  'His offering was one silver charger, the weight thereof was an hundred and thirty shekels, one silver bowl of seventy shekels, after the shekel of the sanctuary; both of them full of fine flour mingled with oil for a meat offering: One golden spoon of ten shekels, full of incense: One young bullock, one ram, one lamb of the first year, for a burnt offering: One kid of the goats for a sin offering: And for a sacrifice of peace offerings, two oxen, five rams, five he goats, five lambs of the first year: this was the offering of Nahshon the son of Amminadab.';

interface Regime {
  name: 'high' | 'low';
  label: string;
  sampling: SamplingParams;
  prompts: string[];
}

const regimes: Regime[] = [
  {
    name: 'high',
    label: 'high acceptance (greedy, repeated text)',
    sampling: { temperature: 0 },
    prompts: [
      `${numbers7Day1}\nOn the second day Nethaneel the son of Zuar, prince of Issachar, did offer: He offered for his offering one silver charger,`,
      `${numbers7Day1.replace('Nahshon the son of Amminadab', 'Nethaneel the son of Zuar')}\nOn the third day Eliab the son of Helon, prince of the children of Zebulun, did offer: His offering was one silver charger,`,
      'In the beginning God created the heaven and the earth.',
    ],
  },
  {
    name: 'low',
    label: 'low acceptance (temperature 1, free text)',
    sampling: { temperature: 1 },
    prompts: ['And it came to pass', 'Blessed are the', 'The LORD is my shepherd; I shall not want.'],
  },
];

// ---------------------------------------------------------------------------------------------
// Methods and measurement

type Policy = 'fixed' | 'adaptive' | 'cost-aware';

type DrafterKind = 'draft' | 'ngram' | 'none';

interface Method {
  key: string;
  drafter: DrafterKind | null;
  gamma: number;
  policy: Policy;
}

const maxGamma = Number(flags['max-gamma']);
const WARM_UP_MS = 10_000;
const gammas = Array.from({ length: maxGamma }, (_, i) => i + 1);
const series: { drafter: DrafterKind; policy: Policy; label: string; color: string; dash: string }[] = [
  { drafter: 'draft', policy: 'fixed', label: 'draft model', color: '#1f77b4', dash: '' },
  { drafter: 'draft', policy: 'adaptive', label: 'draft, adaptive', color: '#1f77b4', dash: '6 4' },
  { drafter: 'draft', policy: 'cost-aware', label: 'draft, cost-aware', color: '#1f77b4', dash: '2 3' },
  { drafter: 'ngram', policy: 'fixed', label: 'n-gram', color: '#d62728', dash: '' },
  { drafter: 'ngram', policy: 'adaptive', label: 'n-gram, adaptive', color: '#d62728', dash: '6 4' },
  { drafter: 'ngram', policy: 'cost-aware', label: 'n-gram, cost-aware', color: '#d62728', dash: '2 3' },
  // Plain decoding measured as if it were a method: its spread around 1× is the measurement's own.
  { drafter: 'none', policy: 'fixed', label: 'A/A control: plain', color: '#888888', dash: '1 2' },
];
const keyOf = (drafter: string, policy: Policy, gamma: number) => `${drafter}-${policy}-${gamma}`;
const methods: Method[] = [
  { key: 'plain', drafter: null, gamma: 0, policy: 'fixed' },
  ...series.flatMap(({ drafter, policy }) =>
    gammas.map((gamma) => ({ key: keyOf(drafter, policy, gamma), drafter, policy, gamma })),
  ),
];

interface Sample {
  msPerToken: number;
  /** The paired plain run's time per token. */
  plainMsPerToken?: number;
  acceptanceRate: number | null;
}

async function runOnce(
  target: CausalLM,
  draft: CausalLM,
  tokenizer: Tokenizer,
  regime: Regime,
  prompt: string,
  method: Method,
  tokens: number,
  seed: number,
  costs?: Record<'draft' | 'ngram', SpeculationCosts>,
): Promise<Sample> {
  const drafter: Drafter | undefined =
    method.drafter === 'draft'
      ? new ModelDrafter(draft)
      : method.drafter === 'ngram'
        ? new NgramDrafter({ minN: 1, maxN: 3 })
        : undefined;
  let firstStepEnd = 0;
  let firstStepTokens = 0;
  let lastTokenAt = 0;
  const { metrics } = await generate({
    onTokens: (emitted) => {
      lastTokenAt = performance.now();
      if (firstStepTokens === 0) {
        firstStepEnd = lastTokenAt;
        firstStepTokens = emitted.length;
      }
    },
    target,
    tokenizer,
    prompt,
    maxTokens: tokens,
    sampling: regime.sampling,
    seed,
    drafter,
    gamma: Math.max(1, method.gamma),
    adaptiveGamma: method.policy === 'adaptive',
    costs:
      method.policy === 'cost-aware' && (method.drafter === 'draft' || method.drafter === 'ngram')
        ? costs?.[method.drafter]
        : undefined,
    stopAtEos: false,
  });
  return {
    msPerToken:
      metrics.generatedTokens > firstStepTokens
        ? (lastTokenAt - firstStepEnd) / (metrics.generatedTokens - firstStepTokens)
        : metrics.wallTimeMs / metrics.generatedTokens,
    acceptanceRate: metrics.acceptanceRate,
  };
}

async function calibrate(
  target: CausalLM,
  draft: CausalLM,
): Promise<Record<'draft' | 'ngram', SpeculationCosts>> {
  const calibration = await measureSpeculationCosts(target, draft, { maxGamma, rounds: 15 });
  console.log(`Calibration: ${formatCalibration(calibration)}`);
  const { costs } = calibration;
  return { draft: costs, ngram: { ...costs, draft: 0 } };
}

function backendFlag(name: string, value: string | undefined): 'ts' | 'ort' {
  if (value !== 'ts' && value !== 'ort') throw new Error(`--${name} must be ts or ort, got "${value}"`);
  return value;
}

interface Cell {
  /** Paired speedup: per prompt the trimmed geometric mean over repetitions of plain time / method time, geometric mean over prompts. */
  speedup: number;
  /** The other estimator, for comparison: Σ prompts fastest plain run / Σ prompts fastest method run. */
  fastestSpeedup: number;
  acceptanceRate: number | null;
}
type Results = Record<string, Record<string, Cell>>;

async function measure(): Promise<{
  results: Results;
  samples: Record<string, Record<string, Sample[][]>>;
  targetName: string;
  backend: string;
}> {
  const backend = backendFlag('target-backend', flags.backend ?? flags['target-backend']);
  const draftBackend = backendFlag('draft-backend', flags['draft-backend']);
  const tokens = Number(flags.tokens);
  const reps = Number(flags.reps);
  const threads = Number(flags.threads);
  const { model: target, tokenizer } = await loadModel(flags.target, { backend, threads });
  const { model: draft } = await loadModel(flags.draft, { backend: draftBackend, threads });
  console.log(
    `Speculative decoding benchmark — target ${target.name} on ${backend}, draft ${draft.name} on ${draftBackend}` +
      `${backend === 'ort' || draftBackend === 'ort' ? ` (onnxruntime: ${threads} thread${threads === 1 ? '' : 's'})` : ''}, ` +
      `${tokens} tokens per run, ${reps} paired repetitions. Numbers come from a shared 2-core machine ` +
      `(load average ${loadavg()[0]!.toFixed(2)} at the start).`,
  );

  // samples[regime][method][prompt] = one Sample per repetition
  const samples: Record<string, Record<string, Sample[][]>> = {};
  for (const regime of regimes) {
    samples[regime.name] = {};
    for (const method of methods) samples[regime.name]![method.key] = regime.prompts.map(() => []);
  }
  // Warm-up, untimed: a fresh process runs its first generations up to 1.5× slower (JIT tiers,
  // onnxruntime's arenas) and takes some seconds to settle.
  const warmUp = [methods[0]!, ...methods.filter((m) => m.gamma === 3 && m.drafter !== 'none')];
  for (const started = performance.now(); performance.now() - started < WARM_UP_MS; ) {
    for (const regime of regimes)
      for (const prompt of regime.prompts)
        for (const method of warmUp) await runOnce(target, draft, tokenizer, regime, prompt, method, 40, 0);
  }
  const costs = await calibrate(target, draft);
  const started = performance.now();
  for (let rep = 0; rep < reps; rep++) {
    for (const regime of regimes) {
      for (const [p, prompt] of regime.prompts.entries()) {
        for (const method of methods.slice(1)) {
          // Paired: a plain run next to each method, so drifting load on the shared machine hits
          // both sides of every ratio alike; which runs first alternates, so a trend favours neither.
          const runPlain = () =>
            runOnce(target, draft, tokenizer, regime, prompt, methods[0]!, tokens, 1 + rep);
          const runMethod = () =>
            runOnce(target, draft, tokenizer, regime, prompt, method, tokens, 1 + rep, costs);
          let plain: Sample;
          let sample: Sample;
          if (rep % 2 === 0) {
            plain = await runPlain();
            sample = await runMethod();
          } else {
            sample = await runMethod();
            plain = await runPlain();
          }
          samples[regime.name]![method.key]![p]!.push({ ...sample, plainMsPerToken: plain.msPerToken });
        }
      }
    }
    const elapsed = (performance.now() - started) / 1000;
    console.log(`  repetition ${rep + 1}/${reps} done (${elapsed.toFixed(0)} s)`);
  }

  const results: Results = {};
  for (const regime of regimes) {
    const perMethod = samples[regime.name]!;
    const time = (key: string, plain: boolean) =>
      perMethod[key]!.reduce(
        (sum, runs) => sum + Math.min(...runs.map((s) => (plain ? s.plainMsPerToken! : s.msPerToken))),
        0,
      );
    const paired = (key: string) =>
      geometricMean(
        perMethod[key]!.map((runs) =>
          trimmedGeometricMean(runs.map((s) => s.plainMsPerToken! / s.msPerToken)),
        ),
      );
    results[regime.name] = {};
    for (const method of methods.slice(1)) {
      const rates = perMethod[method.key]!.flat().flatMap((s) =>
        s.acceptanceRate === null ? [] : [s.acceptanceRate],
      );
      results[regime.name]![method.key] = {
        speedup: paired(method.key),
        fastestSpeedup: time(method.key, true) / time(method.key, false),
        acceptanceRate: rates.length > 0 ? rates.reduce((a, b) => a + b) / rates.length : null,
      };
    }
  }
  return {
    results,
    samples,
    targetName: target.name,
    backend: `target on ${backend}, draft model on ${draftBackend}`,
  };
}

/** The geometric mean without the smallest and the largest value (when there are at least five). */
function trimmedGeometricMean(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return geometricMean(sorted.length >= 5 ? sorted.slice(1, -1) : sorted);
}

function geometricMean(values: readonly number[]): number {
  return Math.exp(values.reduce((sum, v) => sum + Math.log(v), 0) / values.length);
}

// ---------------------------------------------------------------------------------------------
// Report: table, targets, figure

function printTable(results: Results): void {
  console.log(
    '\nSpeedup over plain decoding (α = acceptance rate; adaptive and cost-aware: γ is the upper bound)',
  );
  for (const regime of regimes) {
    const head = ['γ', ...series.map((s) => s.label)];
    const rows = gammas.map((gamma) => [
      String(gamma),
      ...series.map((s) => {
        const r = results[regime.name]![keyOf(s.drafter, s.policy, gamma)]!;
        const alpha = r.acceptanceRate === null ? '' : ` α ${r.acceptanceRate.toFixed(2)}`;
        return `${r.speedup.toFixed(2)}×${alpha}`;
      }),
    ]);
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' │ ');
    console.log(`\n${regime.label}`);
    console.log(line(head));
    console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
    for (const row of rows) console.log(line(row));
  }
}

function checkTargets(results: Results): string[] {
  const high = Object.entries(results.high!);
  const [bestKey, best] = high.reduce((a, b) => (b[1].speedup > a[1].speedup ? b : a));
  const worstOf = (policy: Policy) =>
    Object.entries(results.low!)
      .filter(([k]) => k.includes(`-${policy}-`))
      .reduce((a, b) => (b[1].speedup < a[1].speedup ? b : a));
  const control = (regime: 'high' | 'low', estimator: 'speedup' | 'fastestSpeedup') =>
    Object.entries(results[regime]!)
      .filter(([k]) => k.startsWith('none-'))
      .map(([, r]) => r[estimator]);
  const spread = (estimator: 'speedup' | 'fastestSpeedup') =>
    (['high', 'low'] as const)
      .map((regime) => {
        const values = control(regime, estimator);
        return `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}× (${regime})`;
      })
      .join(', ');
  const [worstKey, worst] = worstOf('adaptive');
  const [worstCostKey, worstCost] = worstOf('cost-aware');
  return [
    `${best.speedup >= 2 ? 'MET ' : 'MISSED'} best-γ speedup on high-acceptance prompts ≥ 2×: ${best.speedup.toFixed(2)}× (${bestKey})`,
    `${worst.speedup >= 0.9 ? 'MET ' : 'MISSED'} adaptive γ never below 0.9× on low-acceptance prompts: worst ${worst.speedup.toFixed(2)}× (${worstKey})`,
    `${worstCost.speedup >= 0.9 ? 'MET ' : 'MISSED'} cost-aware γ never below 0.9× on low-acceptance prompts: worst ${worstCost.speedup.toFixed(2)}× (${worstCostKey})`,
    `(measurement resolution: plain decoding measured as a method, the A/A control, came out at ${spread('speedup')}; ` +
      `with the fastest-run estimator instead of paired ratios: ${spread('fastestSpeedup')})`,
  ];
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Two panels (high, low) of speedup against γ, one line per drafter and γ mode. */
function renderSvg(results: Results, title: string): string {
  const panel = { width: 440, height: 300, left: 60, top: 70, gap: 70 };
  const width = panel.left + 2 * panel.width + panel.gap + 30;
  const height = panel.top + panel.height + 130;
  const allSpeedups = Object.values(results).flatMap((r) => Object.values(r).map((x) => x.speedup));
  const yMax = Math.max(2.5, Math.ceil(Math.max(...allSpeedups) * 2) / 2);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Liberation Sans, sans-serif">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${width / 2}" y="28" text-anchor="middle" font-size="17" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  regimes.forEach((regime, index) => {
    const x0 = panel.left + index * (panel.width + panel.gap);
    const y0 = panel.top;
    const sx = (g: number) => x0 + ((g - 0.5) / maxGamma) * panel.width;
    const sy = (v: number) => y0 + panel.height - (Math.min(v, yMax) / yMax) * panel.height;
    out.push(
      `<text x="${x0 + panel.width / 2}" y="${y0 - 12}" text-anchor="middle" font-size="14">${escapeXml(regime.label)}</text>`,
    );
    out.push(
      `<rect x="${x0}" y="${y0}" width="${panel.width}" height="${panel.height}" fill="none" stroke="#333"/>`,
    );
    for (let v = 0; v <= yMax + 1e-9; v += 0.5) {
      out.push(`<line x1="${x0}" x2="${x0 + panel.width}" y1="${sy(v)}" y2="${sy(v)}" stroke="#e5e5e5"/>`);
      out.push(
        `<text x="${x0 - 8}" y="${sy(v) + 4}" text-anchor="end" font-size="11">${v.toFixed(1)}×</text>`,
      );
    }
    for (const g of gammas) {
      out.push(
        `<text x="${sx(g)}" y="${y0 + panel.height + 18}" text-anchor="middle" font-size="11">${g}</text>`,
      );
    }
    out.push(
      `<text x="${x0 + panel.width / 2}" y="${y0 + panel.height + 38}" text-anchor="middle" font-size="12">γ (draft length; upper bound when adaptive or cost-aware)</text>`,
    );
    out.push(
      `<line x1="${x0}" x2="${x0 + panel.width}" y1="${sy(1)}" y2="${sy(1)}" stroke="#555" stroke-dasharray="2 3"/>`,
    );
    const goal = regime.name === 'high' ? 2 : 0.9;
    out.push(
      `<line x1="${x0}" x2="${x0 + panel.width}" y1="${sy(goal)}" y2="${sy(goal)}" stroke="#2ca02c" stroke-dasharray="8 4"/>`,
    );
    out.push(
      `<text x="${x0 + panel.width - 4}" y="${sy(goal) - 5}" text-anchor="end" font-size="11" fill="#2ca02c">target ${goal}×</text>`,
    );
    for (const s of series) {
      const points = gammas.map((g) => {
        const key = keyOf(s.drafter, s.policy, g);
        return [sx(g), sy(results[regime.name]![key]!.speedup)] as const;
      });
      const path = points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
      out.push(
        `<polyline points="${path}" fill="none" stroke="${s.color}" stroke-width="2" stroke-dasharray="${s.dash}"/>`,
      );
      for (const [x, y] of points)
        out.push(`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="3" fill="${s.color}"/>`);
    }
  });
  const legendY = panel.top + panel.height + 70;
  series.forEach((s, i) => {
    const x = panel.left + (i % 3) * 300;
    const y = legendY + Math.floor(i / 3) * 20;
    out.push(
      `<line x1="${x}" x2="${x + 30}" y1="${y}" y2="${y}" stroke="${s.color}" stroke-width="2" stroke-dasharray="${s.dash}"/>`,
    );
    out.push(`<text x="${x + 36}" y="${y + 4}" font-size="12">${escapeXml(s.label)}</text>`);
  });
  out.push(
    `<text x="${panel.left}" y="${legendY + 48}" font-size="11" fill="#555">Speedup = plain decoding time per token ÷ speculative time per token; dotted: 1×. Measured on a shared 2-core CPU machine.</text>`,
  );
  out.push('</svg>');
  return out.join('\n');
}

const { results, samples, targetName, backend } = await measure();
printTable(results);
const verdicts = checkTargets(results);
console.log(`\n${verdicts.join('\n')}`);
mkdirSync(flags.out, { recursive: true });
const svg = renderSvg(
  results,
  `Prompt regime comparison: low vs high acceptance (${targetName}; ${backend})`,
);
writeFileSync(join(flags.out, 'spec.svg'), svg);
const png = new Resvg(svg, { fitTo: { mode: 'width', value: 2000 }, font: { loadSystemFonts: true } })
  .render()
  .asPng();
writeFileSync(join(flags.out, 'spec.png'), png);
writeFileSync(
  join(flags.out, 'spec.json'),
  JSON.stringify(
    {
      target: targetName,
      backend,
      tokens: Number(flags.tokens),
      reps: Number(flags.reps),
      results,
      verdicts,
      // Every run: samples[regime][method][prompt][repetition], times in ms per token.
      samples,
    },
    null,
    2,
  ),
);
console.log(`\nWrote ${join(flags.out, 'spec.svg')}, spec.png and spec.json`);
