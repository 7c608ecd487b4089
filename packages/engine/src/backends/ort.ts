// The `ort` backend: a model folder's ONNX export (onnx/model.onnx, Optimum/transformers.js decoder
// layout with past_key_values) run by onnxruntime-node on the CPU.
//
// The KV cache is the ONNX model's own present.* outputs, fed back as the next past_key_values.* as
// they are (no copy in JS). Rolling back drafts does not cut those tensors either: truncate only marks
// rows dead, and the next forward hides them with attention_mask = 0 (the export masks padding rows,
// and position_ids say where the new tokens really are). Dead rows are squeezed out — one copy — only
// when enough of them pile up (or the tensors would outgrow maxSeqLen), so a speculative step costs
// about what a plain step costs.
import { existsSync } from 'node:fs';
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import { describeError, EngineError } from '../errors.ts';
import {
  type CausalLM,
  type ForwardOptions,
  type KVCache,
  logitRows,
  type ModelConfig,
} from '../model/types.ts';

type Ort = typeof import('onnxruntime-node');

export interface OrtOptions {
  /** CPU threads for one operator (default 2, this machine's cores). */
  threads?: number;
}

/** Dead rows carried before they are squeezed out: each costs a little in every forward, a squeeze copies all rows. */
const MAX_DEAD_ROWS = 32;

class OrtKVCache implements KVCache {
  /** present.{layer}.key / .value of the last run, [1, nKvHeads, rows, headDim]: live and dead rows. */
  tensors: Tensor[] | undefined;
  /** 1 for each live row of `tensors`, 0 for a rolled-back one: the attention mask of the past. */
  live: number[] = [];
  private used = 0;

  constructor(readonly owner: OrtModel) {}

  get length(): number {
    return this.used;
  }

  get deadRows(): number {
    return this.live.length - this.used;
  }

  truncate(length: number): void {
    if (!Number.isInteger(length) || length < 0 || length > this.used) {
      throw new RangeError(`Cannot truncate a KV cache of length ${this.used} to ${length}`);
    }
    // The last live rows are the positions cut off; mark them dead, copy nothing.
    for (let row = this.live.length - 1; this.used > length; row--) {
      if (this.live[row] === 1) {
        this.live[row] = 0;
        this.used--;
      }
    }
  }

  /** Records `rows` new live rows: the present tensors of the run that appended them. */
  append(tensors: Tensor[], rows: number): void {
    this.tensors = tensors;
    for (let i = 0; i < rows; i++) this.live.push(1);
    this.used += rows;
  }

  /** Replaces the tensors by ones holding only the live rows. */
  squeeze(tensors: Tensor[] | undefined): void {
    this.tensors = tensors;
    this.live = new Array(this.used).fill(1);
  }
}

export class OrtModel implements CausalLM {
  readonly backend = 'ort' as const;
  private readonly headDim: number;

  constructor(
    readonly name: string,
    readonly config: ModelConfig,
    private readonly session: InferenceSession,
    private readonly ort: Ort,
  ) {
    this.headDim = config.dim / config.nHeads;
  }

  newCache(): OrtKVCache {
    return new OrtKVCache(this);
  }

  async forward(
    tokens: readonly number[],
    kvCache: KVCache,
    options?: ForwardOptions,
  ): Promise<Float32Array> {
    if (!(kvCache instanceof OrtKVCache) || kvCache.owner !== this) {
      throw new TypeError(`This KV cache was not made by ${this.name}'s newCache()`);
    }
    const cache = kvCache;
    const { nLayers, nKvHeads, vocabSize, maxSeqLen } = this.config;
    const rows = tokens.length;
    const past = cache.length;
    if (rows === 0) return new Float32Array(0);
    const outRows = logitRows(rows, options);
    if (past + rows > maxSeqLen) {
      throw new RangeError(
        `Sequence too long: ${past} cached + ${rows} new tokens exceed the model's maxSeqLen of ${maxSeqLen}`,
      );
    }
    for (const token of tokens) {
      if (!Number.isInteger(token) || token < 0 || token >= vocabSize) {
        throw new RangeError(`Token id ${token} is outside the vocabulary (size ${vocabSize})`);
      }
    }
    if (cache.deadRows > MAX_DEAD_ROWS || cache.live.length + rows > maxSeqLen) {
      cache.squeeze(cache.tensors?.map((tensor) => this.liveRows(tensor, cache.live, past)));
    }
    const stored = cache.live.length;
    const { Tensor } = this.ort;
    const mask = new BigInt64Array(stored + rows).fill(1n);
    for (let row = 0; row < stored; row++) if (cache.live[row] === 0) mask[row] = 0n;
    const feeds: Record<string, Tensor> = {
      input_ids: new Tensor('int64', BigInt64Array.from(tokens, BigInt), [1, rows]),
      attention_mask: new Tensor('int64', mask, [1, stored + rows]),
      position_ids: new Tensor(
        'int64',
        BigInt64Array.from({ length: rows }, (_, i) => BigInt(past + i)),
        [1, rows],
      ),
    };
    for (let i = 0; i < 2 * nLayers; i++) {
      feeds[pastName(i)] =
        cache.tensors?.[i] ?? new Tensor('float32', new Float32Array(0), [1, nKvHeads, 0, this.headDim]);
    }
    const outputs = await this.session.run(feeds);
    cache.append(
      Array.from({ length: 2 * nLayers }, (_, i) => {
        const tensor = outputs[presentName(i)];
        if (!tensor) throw new EngineError(`${this.name}: the ONNX model has no output ${presentName(i)}`);
        return tensor;
      }),
      rows,
    );
    const logits = outputs.logits;
    if (!logits) throw new EngineError(`${this.name}: the ONNX model has no output "logits"`);
    // A fresh array per run: ours to hand out. (The export computes every row's logits regardless.)
    return (logits.data as Float32Array).subarray((rows - outRows) * vocabSize);
  }

  /** A [1, heads, keep, headDim] tensor of the rows of `tensor` whose `live` flag is 1. */
  private liveRows(tensor: Tensor, live: readonly number[], keep: number): Tensor {
    const { nKvHeads } = this.config;
    const size = this.headDim;
    const stored = live.length;
    const data = tensor.data as Float32Array;
    const out = new Float32Array(nKvHeads * keep * size);
    let to = 0;
    for (let h = 0; h < nKvHeads; h++) {
      // Copy runs of consecutive live rows at once.
      for (let row = 0; row < stored; ) {
        if (live[row] === 0) {
          row++;
          continue;
        }
        let end = row;
        while (end < stored && live[end] === 1) end++;
        const from = (h * stored + row) * size;
        out.set(data.subarray(from, from + (end - row) * size), to);
        to += (end - row) * size;
        row = end;
      }
    }
    return new this.ort.Tensor('float32', out, [1, nKvHeads, keep, size]);
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }
}

export async function createOrtModel(
  onnxPath: string,
  name: string,
  config: ModelConfig,
  options: OrtOptions = {},
): Promise<OrtModel> {
  if (!existsSync(onnxPath)) {
    throw new EngineError(`The ort backend needs an ONNX export: ${onnxPath} is missing`);
  }
  const ort = await import('onnxruntime-node');
  let session: InferenceSession;
  try {
    session = await ort.InferenceSession.create(onnxPath, {
      executionProviders: ['cpu'],
      intraOpNumThreads: options.threads ?? 2,
      interOpNumThreads: 1,
      graphOptimizationLevel: 'all',
    });
  } catch (error) {
    throw new EngineError(`onnxruntime cannot load ${onnxPath}: ${describeError(error)}`, { cause: error });
  }
  const expected = ['input_ids', 'attention_mask', 'position_ids', 'past_key_values.0.key'];
  const absent = expected.filter((input) => !session.inputNames.includes(input));
  if (absent.length > 0) {
    throw new EngineError(
      `${onnxPath} is not a decoder with past_key_values: it lacks the inputs ${absent.join(', ')}`,
    );
  }
  return new OrtModel(name, config, session, ort);
}

function pastName(index: number): string {
  return `past_key_values.${index >> 1}.${index & 1 ? 'value' : 'key'}`;
}

function presentName(index: number): string {
  return `present.${index >> 1}.${index & 1 ? 'value' : 'key'}`;
}
