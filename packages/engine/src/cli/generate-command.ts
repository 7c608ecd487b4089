// `generate`: load the target (and draft), run `generate`, print the text and a metrics table.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EngineError } from '../errors.ts';
import { generate } from '../generate.ts';
import { loadModel } from '../load.ts';
import { formatMetrics } from '../metrics.ts';
import { formatCalibration, measureSpeculationCosts } from '../speculative/calibrate.ts';
import type { SpeculationCosts } from '../speculative/cost-aware-gamma.ts';
import { ModelDrafter } from '../speculative/drafters/model.ts';
import { NgramDrafter } from '../speculative/drafters/ngram.ts';
import type { Drafter } from '../speculative/drafters/types.ts';
import { UsageError } from './usage.ts';

const options = {
  model: { type: 'string' },
  prompt: { type: 'string' },
  draft: { type: 'string' },
  ngram: { type: 'boolean' },
  'ngram-min': { type: 'string' },
  'ngram-max': { type: 'string' },
  gamma: { type: 'string' },
  adaptive: { type: 'boolean' },
  'cost-aware': { type: 'boolean' },
  temperature: { type: 'string' },
  'top-k': { type: 'string' },
  'top-p': { type: 'string' },
  seed: { type: 'string' },
  'max-tokens': { type: 'string' },
  backend: { type: 'string' },
  'target-backend': { type: 'string' },
  'draft-backend': { type: 'string' },
  'no-stop': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

/** npm runs us inside the workspace; paths on the command line are relative to where npm was run. */
function modelSource(source: string): string {
  return source.startsWith('hf:') ? source : resolve(process.env.INIT_CWD ?? process.cwd(), source);
}

/** A number flag, or `fallback` when absent; anything unparsable is a UsageError. */
function numberFlag(values: Record<string, unknown>, name: string, fallback: number, whole = true): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (String(raw).trim() === '' || !Number.isFinite(value) || (whole && !Number.isInteger(value))) {
    throw new UsageError(`--${name} expects ${whole ? 'a whole number' : 'a number'}, got "${raw}"`);
  }
  return value;
}

function backendFlag(name: string, value: string | undefined, fallback: 'ts' | 'ort'): 'ts' | 'ort' {
  if (value === undefined) return fallback;
  if (value !== 'ts' && value !== 'ort') throw new UsageError(`--${name} must be ts or ort, got "${value}"`);
  return value;
}

export async function runGenerate(args: string[], out: (line: string) => void): Promise<void> {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof options; strict: true }>>;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  if (v.model === undefined) throw new UsageError('--model is required');
  if (v.prompt === undefined) throw new UsageError('--prompt is required');
  if (v.draft !== undefined && v.ngram)
    throw new UsageError('choose one drafter: --draft <source> or --ngram');
  if (v.adaptive && v['cost-aware']) throw new UsageError('choose one γ policy: --adaptive or --cost-aware');
  if ((v.adaptive || v['cost-aware']) && v.draft === undefined && !v.ngram) {
    throw new UsageError(
      `--${v.adaptive ? 'adaptive' : 'cost-aware'} needs a drafter: --draft <source> or --ngram`,
    );
  }
  if (v['draft-backend'] !== undefined && v.draft === undefined)
    throw new UsageError('--draft-backend needs --draft <source>');
  if (v.backend !== undefined && v['target-backend'] !== undefined && v.backend !== v['target-backend']) {
    throw new UsageError('--backend and --target-backend name the same thing: give one');
  }
  const backend =
    v['target-backend'] !== undefined
      ? backendFlag('target-backend', v['target-backend'], 'ts')
      : backendFlag('backend', v.backend, 'ts');
  // A draft forward costs ~70 µs on ts but ~200–300 µs on ort (onnxruntime's per-run overhead).
  const draftBackend = backendFlag('draft-backend', v['draft-backend'], 'ts');
  const gamma = numberFlag(v, 'gamma', 4);
  const sampling = {
    temperature: numberFlag(v, 'temperature', 0, false),
    topK: numberFlag(v, 'top-k', 0),
    topP: numberFlag(v, 'top-p', 1, false),
  };
  const seed = numberFlag(v, 'seed', 1);
  const maxTokens = numberFlag(v, 'max-tokens', 128);
  const ngramMin = numberFlag(v, 'ngram-min', 1);
  const ngramMax = numberFlag(v, 'ngram-max', Math.max(3, ngramMin));

  const { model: target, tokenizer } = await loadModel(modelSource(v.model), { backend });
  let drafter: Drafter | undefined;
  if (v.draft !== undefined) {
    const { model: draft } = await loadModel(modelSource(v.draft), { backend: draftBackend });
    if (draft.config.vocabSize !== target.config.vocabSize) {
      throw new EngineError(
        `The draft ${v.draft} has a vocabulary of ${draft.config.vocabSize} tokens but the target ${v.model} has ${target.config.vocabSize}; they must share one tokenizer`,
      );
    }
    drafter = new ModelDrafter(draft);
  } else if (v.ngram) {
    drafter = new NgramDrafter({ minN: ngramMin, maxN: ngramMax });
  }

  let costs: SpeculationCosts | undefined;
  if (v['cost-aware'] && drafter) {
    const calibration = await measureSpeculationCosts(
      target,
      drafter instanceof ModelDrafter ? drafter.model : undefined,
      { maxGamma: gamma, rounds: 8 },
    );
    costs = calibration.costs;
    if (!v.json) out(`cost-aware γ: ${formatCalibration(calibration)}`);
  }

  const result = await generate({
    target,
    tokenizer,
    prompt: v.prompt,
    maxTokens,
    sampling,
    seed,
    drafter,
    gamma,
    adaptiveGamma: v.adaptive ?? false,
    costs,
    stopAtEos: !v['no-stop'],
  });
  if (v.json) {
    out(
      JSON.stringify({
        text: result.text,
        tokens: result.tokens,
        stopReason: result.stopReason,
        metrics: result.metrics,
      }),
    );
    return;
  }
  const mode = drafter
    ? `speculative, ${drafter.name}${drafter instanceof ModelDrafter ? ` (${drafter.model.backend})` : ''}, γ = ${gamma}${v.adaptive ? ' (adaptive)' : v['cost-aware'] ? ' (cost-aware, at most)' : ''}`
    : 'plain decoding';
  out(`${v.prompt}${result.text}`);
  out('');
  out(`model ${target.name} (${target.backend}) · ${mode} · stop: ${result.stopReason}`);
  out(formatMetrics(result.metrics));
}
