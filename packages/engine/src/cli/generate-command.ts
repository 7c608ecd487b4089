// `generate`: load the target (and draft), run `generate`, print the text and a metrics table.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EngineError } from '../errors.ts';
import { generate } from '../generate.ts';
import { loadModel } from '../load.ts';
import { formatMetrics } from '../metrics.ts';
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
  temperature: { type: 'string' },
  'top-k': { type: 'string' },
  'top-p': { type: 'string' },
  seed: { type: 'string' },
  'max-tokens': { type: 'string' },
  backend: { type: 'string' },
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
  const backend = v.backend ?? 'ts';
  if (backend !== 'ts' && backend !== 'ort')
    throw new UsageError(`--backend must be ts or ort, got "${backend}"`);
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
    const { model: draft } = await loadModel(modelSource(v.draft), { backend });
    if (draft.config.vocabSize !== target.config.vocabSize) {
      throw new EngineError(
        `The draft ${v.draft} has a vocabulary of ${draft.config.vocabSize} tokens but the target ${v.model} has ${target.config.vocabSize}; they must share one tokenizer`,
      );
    }
    drafter = new ModelDrafter(draft);
  } else if (v.ngram) {
    drafter = new NgramDrafter({ minN: ngramMin, maxN: ngramMax });
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
    ? `speculative, ${drafter.name}, γ = ${gamma}${v.adaptive ? ' (adaptive)' : ''}`
    : 'plain decoding';
  out(`${v.prompt}${result.text}`);
  out('');
  out(`model ${target.name} (${target.backend}) · ${mode} · stop: ${result.stopReason}`);
  out(formatMetrics(result.metrics));
}
