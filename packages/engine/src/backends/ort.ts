// The `ort` backend: a model folder's ONNX export (onnx/model.onnx, Optimum/transformers.js decoder
// layout with past_key_values) run by onnxruntime-node on the CPU. The KV cache is the ONNX model's own
// present.* outputs, kept as ORT tensors; truncate cuts their sequence axis.
import { existsSync } from 'node:fs';
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import { describeError, EngineError } from '../errors.ts';
import type { CausalLM, KVCache, ModelConfig } from '../model/types.ts';

type Ort = typeof import('onnxruntime-node');

export interface OrtOptions {
  /** CPU threads for one operator (default 2, this machine's cores). */
  threads?: number;
}

class OrtKVCache implements KVCache {
  /** present.{layer}.key / .value of the last run, [1, nKvHeads, stored, headDim]; may hold rolled-back rows. */
  tensors: Tensor[] | undefined;
  stored = 0;
  private used = 0;

  constructor(readonly owner: OrtModel) {}

  get length(): number {
    return this.used;
  }

  truncate(length: number): void {
    if (!Number.isInteger(length) || length < 0 || length > this.used) {
      throw new RangeError(`Cannot truncate a KV cache of length ${this.used} to ${length}`);
    }
    this.used = length; // the tensors are cut lazily, on the next forward
  }

  advance(count: number): void {
    this.used += count;
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

  async forward(tokens: readonly number[], kvCache: KVCache): Promise<Float32Array> {
    if (!(kvCache instanceof OrtKVCache) || kvCache.owner !== this) {
      throw new TypeError(`This KV cache was not made by ${this.name}'s newCache()`);
    }
    const cache = kvCache;
    const { nLayers, nKvHeads, vocabSize, maxSeqLen } = this.config;
    const rows = tokens.length;
    const past = cache.length;
    if (rows === 0) return new Float32Array(0);
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
    const { Tensor } = this.ort;
    const feeds: Record<string, Tensor> = {
      input_ids: new Tensor('int64', BigInt64Array.from(tokens, BigInt), [1, rows]),
      attention_mask: new Tensor('int64', new BigInt64Array(past + rows).fill(1n), [1, past + rows]),
      position_ids: new Tensor(
        'int64',
        BigInt64Array.from({ length: rows }, (_, i) => BigInt(past + i)),
        [1, rows],
      ),
    };
    for (let l = 0; l < nLayers; l++) {
      for (const [k, kind] of ['key', 'value'].entries()) {
        const stored = cache.tensors?.[2 * l + k];
        feeds[`past_key_values.${l}.${kind}`] =
          stored && cache.stored === past
            ? stored
            : new Tensor('float32', this.firstRows(stored, cache.stored, past), [
                1,
                nKvHeads,
                past,
                this.headDim,
              ]);
      }
    }
    const outputs = await this.session.run(feeds);
    cache.tensors = Array.from({ length: 2 * nLayers }, (_, i) => {
      const name = `present.${i >> 1}.${i & 1 ? 'value' : 'key'}`;
      const tensor = outputs[name];
      if (!tensor) throw new EngineError(`${this.name}: the ONNX model has no output ${name}`);
      return tensor;
    });
    cache.stored = past + rows;
    cache.advance(rows);
    const logits = outputs.logits;
    if (!logits) throw new EngineError(`${this.name}: the ONNX model has no output "logits"`);
    return Float32Array.from(logits.data as Float32Array);
  }

  /** The first `keep` positions of a [1, heads, stored, headDim] tensor: the cache after a truncate. */
  private firstRows(tensor: Tensor | undefined, stored: number, keep: number): Float32Array {
    const { nKvHeads } = this.config;
    const out = new Float32Array(nKvHeads * keep * this.headDim);
    if (!tensor || keep === 0) return out;
    const data = tensor.data as Float32Array;
    for (let h = 0; h < nKvHeads; h++) {
      out.set(
        data.subarray(h * stored * this.headDim, (h * stored + keep) * this.headDim),
        h * keep * this.headDim,
      );
    }
    return out;
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
