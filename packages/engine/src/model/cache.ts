// Keys and values of every layer for the positions seen so far, [positions × nKvHeads·headDim] per
// layer. Storage grows by doubling up to maxSeqLen; truncate only moves the length back.
import type { KVCache, ModelConfig } from './types.ts';

export class LlamaKVCache implements KVCache {
  keys: Float32Array[];
  values: Float32Array[];
  private used = 0;
  private capacity = 0;
  private readonly kvDim: number;

  constructor(
    readonly config: ModelConfig,
    /** Which model made it: a cache only fits the model (and backend) that made it. */
    readonly owner: object,
  ) {
    this.kvDim = (config.nKvHeads * config.dim) / config.nHeads;
    this.keys = [];
    this.values = [];
  }

  get length(): number {
    return this.used;
  }

  truncate(length: number): void {
    if (!Number.isInteger(length) || length < 0 || length > this.used) {
      throw new RangeError(`Cannot truncate a KV cache of length ${this.used} to ${length}`);
    }
    this.used = length;
  }

  /** Makes room for positions up to `length` (exclusive); the caller writes them, then calls `advance`. */
  reserve(length: number): void {
    if (length <= this.capacity) return;
    const capacity = Math.min(this.config.maxSeqLen, Math.max(length, 2 * this.capacity, 64));
    const grow = (old: Float32Array | undefined) => {
      const next = new Float32Array(capacity * this.kvDim);
      if (old) next.set(old.subarray(0, this.used * this.kvDim));
      return next;
    };
    this.keys = Array.from({ length: this.config.nLayers }, (_, l) => grow(this.keys[l]));
    this.values = Array.from({ length: this.config.nLayers }, (_, l) => grow(this.values[l]));
    this.capacity = capacity;
  }

  advance(count: number): void {
    this.used += count;
  }
}
