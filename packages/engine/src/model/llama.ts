// A Llama-family decoder in the spirit of llama2.c's run.c: RMSNorm, RoPE, grouped-query attention,
// SwiGLU feed-forward, tied or separate classifier. One call runs any number of new tokens (prefill,
// one decode step, or a speculative verify of γ+1 tokens) and returns the logits of every position.
// Activations are [rows × width] row-major, one row per new token.
import { defaultKernels } from '../kernels/index.ts';
import type { Kernels } from '../kernels/types.ts';
import { KVWorkspace, LlamaKVCache } from './cache.ts';
import { type CausalLM, type ForwardOptions, type KVCache, logitRows, type ModelConfig } from './types.ts';
import type { LlamaWeights } from './weights.ts';

export class LlamaModel implements CausalLM {
  readonly backend = 'ts' as const;
  private readonly weights: LlamaWeights;
  private readonly headDim: number;
  private readonly shape: { nHeads: number; nKvHeads: number; headDim: number };
  private readonly workspace: KVWorkspace;
  private disposed = false;

  constructor(
    readonly name: string,
    readonly config: ModelConfig,
    weights: LlamaWeights,
    private readonly kernels: Kernels = defaultKernels(),
  ) {
    this.headDim = config.dim / config.nHeads;
    this.shape = { nHeads: config.nHeads, nKvHeads: config.nKvHeads, headDim: this.headDim };
    this.weights = moveWeights(weights, kernels);
    this.workspace = new KVWorkspace(config, kernels);
  }

  newCache(): LlamaKVCache {
    return new LlamaKVCache(this.config, this);
  }

  async forward(tokens: readonly number[], cache: KVCache, options?: ForwardOptions): Promise<Float32Array> {
    return this.forwardSync(tokens, cache, options);
  }

  /**
   * Gives the weights and buffers back to the kernels' memory, which is never returned to the system:
   * a process that loads models again and again must dispose of the old ones.
   */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const arrays = new Set<Float32Array>([
      this.weights.tokenEmbedding,
      this.weights.output,
      this.weights.finalNorm,
    ]);
    for (const layer of this.weights.layers) for (const array of Object.values(layer)) arrays.add(array);
    for (const array of Object.values(this.buffers ?? {})) if (typeof array !== 'number') arrays.add(array);
    for (const array of arrays) this.kernels.free(array);
    this.workspace.release();
    this.buffers = undefined;
  }

  forwardSync(tokens: readonly number[], kvCache: KVCache, options: ForwardOptions = {}): Float32Array {
    if (this.disposed) throw new Error(`${this.name} was disposed`);
    const cache = this.checkCache(kvCache);
    const { dim, hiddenDim, nHeads, nKvHeads, vocabSize, rmsNormEps, maxSeqLen } = this.config;
    const { headDim, kernels, weights } = this;
    const rows = tokens.length;
    const start = cache.length;
    if (rows === 0) return new Float32Array(0);
    const outRows = logitRows(rows, options);
    if (start + rows > maxSeqLen) {
      throw new RangeError(
        `Sequence too long: ${start} cached + ${rows} new tokens exceed the model's maxSeqLen of ${maxSeqLen}`,
      );
    }
    for (const token of tokens) {
      if (!Number.isInteger(token) || token < 0 || token >= vocabSize) {
        throw new RangeError(`Token id ${token} is outside the vocabulary (size ${vocabSize})`);
      }
    }
    cache.reserve(start + rows);
    const workspace = this.workspace;
    workspace.load(cache, start + rows);
    const qDim = nHeads * headDim;
    const kvDim = nKvHeads * headDim;
    const scratch = this.scratch(rows);
    const { x, xb, q, k, v, att, h1, h3 } = scratch;
    const angles = ropeAngles(rows, headDim, start, this.config.ropeTheta);

    for (let r = 0; r < rows; r++) {
      x.set(weights.tokenEmbedding.subarray(tokens[r]! * dim, (tokens[r]! + 1) * dim), r * dim);
    }

    for (let l = 0; l < weights.layers.length; l++) {
      const layer = weights.layers[l]!;
      // Attention: x += Wo · attention(RoPE(Wq·xb), RoPE(Wk·xb), Wv·xb)
      rmsNorm(xb, x, layer.attentionNorm, rows, dim, rmsNormEps);
      kernels.matmul(q, xb, layer.query, rows, dim, qDim);
      kernels.matmul(k, xb, layer.key, rows, dim, kvDim);
      kernels.matmul(v, xb, layer.value, rows, dim, kvDim);
      rope(q, rows, nHeads, headDim, angles);
      rope(k, rows, nKvHeads, headDim, angles);
      cache.write(l, k, v, rows);
      workspace.write(l, k, v, rows, start, kvDim);
      kernels.attention(
        att,
        q,
        workspace.keys[l]!,
        workspace.values[l]!,
        rows,
        start,
        this.shape,
        scratch.scores,
      );
      kernels.matmul(xb, att, layer.attentionOut, rows, qDim, dim);
      addInPlace(x, xb, rows * dim);

      // Feed-forward: x += W2 · (silu(W1·xb) ⊙ W3·xb)
      rmsNorm(xb, x, layer.ffnNorm, rows, dim, rmsNormEps);
      kernels.matmul(h1, xb, layer.gate, rows, dim, hiddenDim);
      kernels.matmul(h3, xb, layer.up, rows, dim, hiddenDim);
      kernels.swiglu(h1, h3, rows * hiddenDim);
      kernels.matmul(xb, h1, layer.down, rows, hiddenDim, dim);
      addInPlace(x, xb, rows * dim);
    }

    const last = x.subarray((rows - outRows) * dim, rows * dim);
    rmsNorm(xb, last, weights.finalNorm, outRows, dim, rmsNormEps);
    kernels.matmul(scratch.logits, xb, weights.output, outRows, dim, vocabSize);
    cache.advance(rows);
    return scratch.logits.slice(0, outRows * vocabSize);
  }

  private checkCache(cache: KVCache): LlamaKVCache {
    if (!(cache instanceof LlamaKVCache) || cache.owner !== this) {
      throw new TypeError(`This KV cache was not made by ${this.name}'s newCache()`);
    }
    return cache;
  }

  // Activation buffers, reused across calls and grown to the largest row count seen.
  private buffers?: ReturnType<LlamaModel['allocScratch']>;
  private scratch(rows: number) {
    if (!this.buffers || this.buffers.rows < rows) {
      if (this.buffers)
        for (const array of Object.values(this.buffers))
          if (typeof array !== 'number') this.kernels.free(array);
      this.buffers = this.allocScratch(Math.max(rows, 8));
    }
    return this.buffers;
  }
  private allocScratch(rows: number) {
    const { dim, hiddenDim, nHeads, nKvHeads, vocabSize, maxSeqLen } = this.config;
    const kvDim = nKvHeads * this.headDim;
    const alloc = (width: number) => this.kernels.alloc(rows * width);
    return {
      rows,
      x: alloc(dim),
      xb: alloc(dim),
      q: alloc(nHeads * this.headDim),
      k: alloc(kvDim),
      v: alloc(kvDim),
      att: alloc(nHeads * this.headDim),
      h1: alloc(hiddenDim),
      h3: alloc(hiddenDim),
      logits: alloc(vocabSize),
      scores: this.kernels.alloc(maxSeqLen),
    };
  }
}

/** out = x / rms(x) ⊙ weight, per row. */
function rmsNorm(
  out: Float32Array,
  x: Float32Array,
  weight: Float32Array,
  rows: number,
  dim: number,
  eps: number,
) {
  for (let r = 0; r < rows; r++) {
    let sumOfSquares = 0;
    for (let i = 0; i < dim; i++) sumOfSquares += x[r * dim + i]! ** 2;
    const scale = 1 / Math.sqrt(sumOfSquares / dim + eps);
    for (let i = 0; i < dim; i++) out[r * dim + i] = weight[i]! * (x[r * dim + i]! * scale);
  }
}

/**
 * Rotary position embedding, llama2.c's convention: each head's adjacent pairs (2i, 2i+1) turn by
 * angle pos·θ^(−2i/headDim). (Loaders of Hugging Face weights permute q/k rows into this order.)
 * ropeAngles computes cos and sin once per forward; the angle is rounded to fp32 like PyTorch and run.c.
 */
function ropeAngles(rows: number, headDim: number, start: number, theta: number): Float32Array {
  const angles = new Float32Array(rows * headDim); // per row: cos, sin of each pair
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < headDim; i += 2) {
      const frequency = Math.fround(1 / Math.fround(theta ** (i / headDim)));
      const angle = Math.fround((start + r) * frequency);
      angles[r * headDim + i] = Math.cos(angle);
      angles[r * headDim + i + 1] = Math.sin(angle);
    }
  }
  return angles;
}

function rope(x: Float32Array, rows: number, heads: number, headDim: number, angles: Float32Array) {
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < headDim; i += 2) {
      const cos = angles[r * headDim + i]!;
      const sin = angles[r * headDim + i + 1]!;
      for (let h = 0; h < heads; h++) {
        const j = (r * heads + h) * headDim + i;
        const a = x[j]!;
        const b = x[j + 1]!;
        x[j] = a * cos - b * sin;
        x[j + 1] = a * sin + b * cos;
      }
    }
  }
}

function addInPlace(x: Float32Array, y: Float32Array, length: number) {
  for (let i = 0; i < length; i++) x[i]! += y[i]!;
}

/** Copies the weights into the kernels' memory (a no-op copy for the reference kernels). */
function moveWeights(weights: LlamaWeights, kernels: Kernels): LlamaWeights {
  const move = (array: Float32Array) => {
    const moved = kernels.alloc(array.length);
    moved.set(array);
    return moved;
  };
  const tokenEmbedding = move(weights.tokenEmbedding);
  return {
    tokenEmbedding,
    layers: weights.layers.map((layer) => ({
      attentionNorm: move(layer.attentionNorm),
      query: move(layer.query),
      key: move(layer.key),
      value: move(layer.value),
      attentionOut: move(layer.attentionOut),
      ffnNorm: move(layer.ffnNorm),
      gate: move(layer.gate),
      down: move(layer.down),
      up: move(layer.up),
    })),
    finalNorm: move(weights.finalNorm),
    output: weights.output === weights.tokenEmbedding ? tokenEmbedding : move(weights.output),
  };
}
