// The KV cache of the `ts` backend, in two parts:
//  - LlamaKVCache: keys and values of every layer for the positions seen so far,
//    [positions × nKvHeads·headDim] per layer, in ordinary (garbage-collected) arrays. Storage grows
//    by doubling up to maxSeqLen; truncate only moves the length back.
//  - KVWorkspace: one per model, the copy in the kernels' memory that attention reads. It holds one
//    cache at a time; using another cache copies that one in. New rows go to both, so a cache is
//    always complete by itself and a dropped cache frees nothing by hand.
import type { Kernels } from '../kernels/types.ts';
import type { KVCache, ModelConfig } from './types.ts';

export class LlamaKVCache implements KVCache {
  keys: Float32Array[] = [];
  values: Float32Array[] = [];
  private used = 0;
  private capacity = 0;
  readonly kvDim: number;

  constructor(
    readonly config: ModelConfig,
    /** Which model made it: a cache only fits the model (and backend) that made it. */
    readonly owner: object,
  ) {
    this.kvDim = (config.nKvHeads * config.dim) / config.nHeads;
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

  /** Makes room for positions up to `length` (exclusive). */
  reserve(length: number): void {
    if (length <= this.capacity) return;
    this.capacity = Math.min(this.config.maxSeqLen, Math.max(length, 2 * this.capacity, 64));
    this.keys = this.keys.length === 0 ? this.layers() : this.keys.map((old) => this.grow(old));
    this.values = this.values.length === 0 ? this.layers() : this.values.map((old) => this.grow(old));
  }

  /** Stores `rows` new positions of layer `layer` (k and v are [rows × kvDim]) after the current length. */
  write(layer: number, k: Float32Array, v: Float32Array, rows: number): void {
    this.keys[layer]!.set(k.subarray(0, rows * this.kvDim), this.used * this.kvDim);
    this.values[layer]!.set(v.subarray(0, rows * this.kvDim), this.used * this.kvDim);
  }

  advance(count: number): void {
    this.used += count;
  }

  private layers(): Float32Array[] {
    return Array.from({ length: this.config.nLayers }, () => new Float32Array(this.capacity * this.kvDim));
  }

  private grow(old: Float32Array): Float32Array {
    const next = new Float32Array(this.capacity * this.kvDim);
    next.set(old.subarray(0, this.used * this.kvDim));
    return next;
  }
}

export class KVWorkspace {
  keys: Float32Array[] = [];
  values: Float32Array[] = [];
  private capacity = 0;
  private holds: LlamaKVCache | undefined;

  constructor(
    private readonly config: ModelConfig,
    private readonly kernels: Kernels,
  ) {}

  /** Makes the workspace hold `cache`'s first cache.length positions, with room up to `length`. */
  load(cache: LlamaKVCache, length: number): void {
    const { kvDim } = cache;
    if (length > this.capacity) {
      const capacity = Math.min(this.config.maxSeqLen, Math.max(length, 2 * this.capacity, 64));
      for (const array of [...this.keys, ...this.values]) this.kernels.free(array);
      const alloc = () =>
        Array.from({ length: this.config.nLayers }, () => this.kernels.alloc(capacity * kvDim));
      this.keys = alloc();
      this.values = alloc();
      this.capacity = capacity;
      this.holds = undefined; // fresh storage: copy the cache in below
    }
    if (this.holds !== cache) {
      const used = cache.length * kvDim;
      for (let l = 0; l < this.config.nLayers; l++) {
        this.keys[l]!.set(cache.keys[l]!.subarray(0, used));
        this.values[l]!.set(cache.values[l]!.subarray(0, used));
      }
      this.holds = cache;
    }
  }

  /** Gives the storage back to the kernels. */
  release(): void {
    for (const array of [...this.keys, ...this.values]) this.kernels.free(array);
    this.keys = [];
    this.values = [];
    this.capacity = 0;
    this.holds = undefined;
  }

  /** Same as LlamaKVCache.write, for the cache held (at position `start`). */
  write(layer: number, k: Float32Array, v: Float32Array, rows: number, start: number, kvDim: number): void {
    this.keys[layer]!.set(k.subarray(0, rows * kvDim), start * kvDim);
    this.values[layer]!.set(v.subarray(0, rows * kvDim), start * kvDim);
  }
}
