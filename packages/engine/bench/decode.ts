// `npm run bench -- decode [--tokens 128] [--reps 5] [--model <dir>]`: greedy decoding speed of the
// project's target on this CPU for each backend (ts, ort) and for @huggingface/transformers +
// onnxruntime-node running the same ONNX export, in one run; then stories260K (ts only: llama2.c
// format). Each run is prompt prefill + N new tokens, timed end to end; one warm-up run, then the
// median of several.
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { referenceKernels } from '../src/kernels/reference.ts';
import { createThreadedKernels } from '../src/kernels/threaded.ts';
import { type LoadOptions, loadModel } from '../src/load.ts';
import type { CausalLM } from '../src/model/types.ts';

const here = new URL('.', import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    tokens: { type: 'string', default: '128' },
    reps: { type: 'string', default: '5' },
    model: { type: 'string', default: join(here, '..', 'models', 'kjv-target') },
    stories: {
      type: 'string',
      default: join(here, '..', '..', '..', '..', 'shared', 'models', 'stories260K'),
    },
  },
});
const newTokens = Number(values.tokens);
const reps = Number(values.reps);
const PROMPT = 'And God said, Let there be light: and there was';

interface Engine {
  model: string;
  engine: string;
  generate: () => Promise<number[]>;
  dispose: () => Promise<void> | void;
}

interface Row {
  model: string;
  engine: string;
  tokensPerSecond: number;
  ids: number[];
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * One warm-up run each, then `reps` rounds that time every engine once in turn, so that load from
 * other processes on the machine falls on all of them alike; tokens/second of each one's median run.
 */
async function measureAll(engines: Engine[]): Promise<Row[]> {
  const ids = [];
  for (const engine of engines) ids.push(await engine.generate());
  const seconds: number[][] = engines.map(() => []);
  for (let rep = 0; rep < reps; rep++) {
    for (const [i, engine] of engines.entries()) {
      const start = performance.now();
      await engine.generate();
      seconds[i]!.push((performance.now() - start) / 1000);
    }
  }
  for (const engine of engines) await engine.dispose();
  return engines.map((engine, i) => ({
    model: engine.model,
    engine: engine.engine,
    tokensPerSecond: newTokens / median(seconds[i]!),
    ids: ids[i]!,
  }));
}

/** Greedy decoding through our CausalLM interface: prefill, then one token at a time (EOS ignored). */
async function greedy(model: CausalLM, prompt: number[]): Promise<number[]> {
  const cache = model.newCache();
  const { vocabSize } = model.config;
  let logits = await model.forward(prompt, cache);
  const ids: number[] = [];
  while (ids.length < newTokens) {
    const last = logits.length - vocabSize;
    let best = 0;
    for (let i = 1; i < vocabSize; i++) if (logits[last + i]! > logits[last + best]!) best = i;
    ids.push(best);
    if (ids.length < newTokens) logits = await model.forward([best], cache);
  }
  return ids;
}

async function ours(source: string, label: string, engine: string, options: LoadOptions): Promise<Engine> {
  const { model, tokenizer } = await loadModel(source, options);
  const prompt = tokenizer.encode(PROMPT);
  return { model: label, engine, generate: () => greedy(model, prompt), dispose: () => model.dispose?.() };
}

async function withThreads(source: string, label: string): Promise<Engine> {
  const kernels = createThreadedKernels();
  const engine = await ours(source, label, 'ts (WebAssembly SIMD kernels, 2 threads)', { kernels });
  return { ...engine, dispose: () => kernels.close() };
}

async function transformersJs(dir: string, label: string): Promise<Engine> {
  const { AutoModelForCausalLM, AutoTokenizer, Tensor, env } = await import('@huggingface/transformers');
  env.allowRemoteModels = false;
  const tokenizer = await AutoTokenizer.from_pretrained(dir, { local_files_only: true });
  const model = await AutoModelForCausalLM.from_pretrained(dir, {
    dtype: 'fp32',
    device: 'cpu',
    local_files_only: true,
  });
  const prompt = [tokenizer.bos_token_id, ...tokenizer.encode(PROMPT, { add_special_tokens: false })];
  const inputs = new Tensor('int64', BigInt64Array.from(prompt, BigInt), [1, prompt.length]);
  const mask = new Tensor('int64', new BigInt64Array(prompt.length).fill(1n), [1, prompt.length]);
  const generate = async () => {
    const output = (await model.generate({
      inputs,
      attention_mask: mask,
      max_new_tokens: newTokens,
      min_new_tokens: newTokens, // no early EOS: every engine makes the same number of tokens
      do_sample: false,
    })) as { data: BigInt64Array };
    return Array.from(output.data.slice(prompt.length), Number);
  };
  return {
    model: label,
    engine: 'transformers.js + onnxruntime-node',
    generate,
    dispose: () => model.dispose(),
  };
}

const target = values.model;
const targetName = target.split('/').filter(Boolean).pop()!;
const rows = await measureAll([
  await transformersJs(target, targetName),
  await ours(target, targetName, 'ort (onnxruntime-node, 2 threads)', { backend: 'ort' }),
  await ours(target, targetName, 'ort (onnxruntime-node, 1 thread)', { backend: 'ort', threads: 1 }),
  await ours(target, targetName, 'ts (WebAssembly SIMD kernels)', { backend: 'ts' }),
  await withThreads(target, targetName),
  await ours(target, targetName, 'ts (reference kernels)', { backend: 'ts', kernels: referenceKernels }),
]);
const stories = join(values.stories, 'checkpoint_legacy.bin');
try {
  rows.push(
    ...(await measureAll([
      await ours(stories, 'stories260K', 'ts (WebAssembly SIMD kernels)', {}),
      await ours(stories, 'stories260K', 'ts (reference kernels)', { kernels: referenceKernels }),
    ])),
  );
} catch (error) {
  console.warn(`stories260K skipped: ${(error as Error).message}`);
}

const baseline = rows[0]!;
console.log(
  `\nGreedy decoding, prompt "${PROMPT}" + ${newTokens} new tokens, median of ${reps} interleaved runs after a warm-up.`,
);
console.log(
  `Measured on a shared ${cpus().length}-core machine (${cpus()[0]?.model.trim()}), Node ${process.version}; other work on it skews the numbers.\n`,
);
console.log('| model | engine | tokens/s | ms/token | vs transformers.js | same tokens |');
console.log('| --- | --- | ---: | ---: | ---: | --- |');
for (const row of rows) {
  const sameModel = row.model === baseline.model;
  const ratio = sameModel ? `${(row.tokensPerSecond / baseline.tokensPerSecond).toFixed(2)}×` : '—';
  const same = sameModel ? (row.ids.join() === baseline.ids.join() ? 'yes' : 'NO') : '—';
  console.log(
    `| ${row.model} | ${row.engine} | ${row.tokensPerSecond.toFixed(0)} | ${(1000 / row.tokensPerSecond).toFixed(2)} | ${ratio} | ${same} |`,
  );
}
