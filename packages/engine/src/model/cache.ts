// Keys and values of every layer for the positions seen so far, [positions × nKvHeads·headDim] per
// layer, in the kernels' memory. Storage grows by doubling up to maxSeqLen; truncate only moves the
// length back. When a cache is garbage-collected its storage goes back to the kernels.
import type { Kernels } from '../kernels/types.ts';
import type { KVCache, ModelConfig } from './types.ts';

const release = new FinalizationRegistry<{ kernels: Kernels; arrays: Float32Array[] }>(
  ({ kernels, arrays }) => {
    for (const array of arrays) kernels.free(array);
  },
);

export class LlamaKVCache implements KVCache {
  keys: Float32Array[] = [];
  values: Float32Array[] = [];
  private used = 0;
  private capacity = 0;
  private readonly kvDim: number;
  // What the finalizer frees: the same arrays as keys and values, held outside `this`.
  private readonly storage: { kernels: Kernels; arrays: Float32Array[] };

  constructor(
    readonly config: ModelConfig,
    /** Which model made it: a cache only fits the model (and backend) that made it. */
    readonly owner: object,
    kernels: Kernels,
  ) {
    this.kvDim = (config.nKvHeads * config.dim) / config.nHeads;
    this.storage = { kernels, arrays: [] };
    release.register(this, this.storage);
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
    const { kernels } = this.storage;
    const capacity = Math.min(this.config.maxSeqLen, Math.max(length, 2 * this.capacity, 64));
    const grow = (old: Float32Array | undefined) => {
      const next = kernels.alloc(capacity * this.kvDim);
      if (old) next.set(old.subarray(0, this.used * this.kvDim));
      return next;
    };
    this.keys = Array.from({ length: this.config.nLayers }, (_, l) => grow(this.keys[l]));
    this.values = Array.from({ length: this.config.nLayers }, (_, l) => grow(this.values[l]));
    for (const old of this.storage.arrays) kernels.free(old);
    this.storage.arrays = [...this.keys, ...this.values];
    this.capacity = capacity;
  }

  advance(count: number): void {
    this.used += count;
  }
}
