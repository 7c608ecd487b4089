// Kernels that run simd.wasm (WebAssembly SIMD). Their arrays live in one shared WebAssembly.Memory:
// a bump allocator with exact-size free lists (KV caches of one model come in a few sizes, so freed
// blocks are reused). Arrays from elsewhere fall back to the reference loops.
import { readFileSync } from 'node:fs';
import { EngineError } from '../errors.ts';
import { type AttentionShape, attention as attentionReference } from './attention.ts';
import { matmulReference, swigluReference } from './reference.ts';
import type { Kernels } from './types.ts';

// The few WebAssembly APIs used here (this project's TypeScript libs do not declare them).
interface WasmMemory {
  readonly buffer: SharedArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Memory: new (descriptor: { initial: number; maximum: number; shared: true }) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}
const WebAssembly = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

const PAGE_BYTES = 65536;
const MAX_PAGES = 65536; // 4 GiB, the most a 32-bit WebAssembly memory can address

interface SimdExports {
  matmul(
    out: number,
    x: number,
    w: number,
    rows: number,
    inDim: number,
    outDim: number,
    oStart: number,
    oEnd: number,
  ): void;
  scores(
    scores: number,
    q: number,
    keys: number,
    positions: number,
    stride: number,
    headDim: number,
    scale: number,
  ): void;
  swiglu(gate: number, up: number, length: number): void;
  weightedSum(
    out: number,
    weights: number,
    values: number,
    positions: number,
    stride: number,
    headDim: number,
  ): void;
}

export interface WasmKernels extends Kernels {
  readonly memory: WasmMemory;
  /** Whether the array lives in this kernels' memory (so the fast path applies). */
  owns(array: Float32Array): boolean;
  readonly simd: SimdExports;
}

let wasmModule: object | undefined;
export function simdModule(): object {
  wasmModule ??= new WebAssembly.Module(readFileSync(new URL('./simd.wasm', import.meta.url)));
  return wasmModule;
}

export function createWasmKernels(): WasmKernels {
  const memory = new WebAssembly.Memory({ initial: 16, maximum: MAX_PAGES, shared: true });
  const simd = new WebAssembly.Instance(simdModule(), { env: { memory } }).exports as unknown as SimdExports;
  const buffers = new WeakSet<ArrayBufferLike>([memory.buffer]);
  const freeBlocks = new Map<number, number[]>(); // byte length → start offsets
  let next = 16; // byte 0 stays unused so that no array sits at address 0

  const owns = (array: Float32Array) => buffers.has(array.buffer);
  // memory.buffer may hand out a new SharedArrayBuffer object (after a grow), so every one that an
  // array is made on is remembered.
  const view = (start: number, length: number) => {
    const buffer = memory.buffer;
    buffers.add(buffer);
    return new Float32Array(buffer, start, length);
  };

  function alloc(length: number): Float32Array {
    const bytes = (4 * length + 15) & ~15; // 16-byte aligned blocks for v128 loads
    const reused = freeBlocks.get(bytes)?.pop();
    if (reused !== undefined) return view(reused, length).fill(0);
    const start = next;
    if (start + bytes > memory.buffer.byteLength) {
      const pages = Math.ceil((start + bytes - memory.buffer.byteLength) / PAGE_BYTES);
      const current = memory.buffer.byteLength / PAGE_BYTES;
      if (current + pages > MAX_PAGES) {
        throw new EngineError(
          'The WebAssembly kernels hold at most 4 GiB; this model needs more (load it with kernels: referenceKernels)',
        );
      }
      memory.grow(Math.min(MAX_PAGES - current, Math.max(pages, current >> 2))); // ≥ 25% at a time
    }
    next = start + bytes;
    return view(start, length);
  }

  function free(array: Float32Array): void {
    if (!owns(array)) return;
    const bytes = (array.byteLength + 15) & ~15;
    if (!freeBlocks.has(bytes)) freeBlocks.set(bytes, []);
    freeBlocks.get(bytes)!.push(array.byteOffset);
  }

  function attention(
    out: Float32Array,
    q: Float32Array,
    keys: Float32Array,
    values: Float32Array,
    rows: number,
    start: number,
    shape: AttentionShape,
    scores: Float32Array,
  ): void {
    const { nHeads, nKvHeads, headDim } = shape;
    const fast = headDim % 4 === 0 && [out, q, keys, values, scores].every(owns);
    if (!fast) {
      attentionReference(out, q, keys, values, rows, start, shape, scores);
      return;
    }
    const qDim = nHeads * headDim;
    const kvStride = 4 * nKvHeads * headDim;
    const groupSize = nHeads / nKvHeads;
    const scale = 1 / Math.sqrt(headDim);
    for (let r = 0; r < rows; r++) {
      const positions = start + r + 1;
      for (let h = 0; h < nHeads; h++) {
        const kvOffset = 4 * Math.floor(h / groupSize) * headDim;
        const headOffset = 4 * (r * qDim + h * headDim);
        simd.scores(
          scores.byteOffset,
          q.byteOffset + headOffset,
          keys.byteOffset + kvOffset,
          positions,
          kvStride,
          headDim,
          scale,
        );
        softmaxInPlace(scores, positions);
        simd.weightedSum(
          out.byteOffset + headOffset,
          scores.byteOffset,
          values.byteOffset + kvOffset,
          positions,
          kvStride,
          headDim,
        );
      }
    }
  }

  return {
    name: 'wasm-simd',
    memory,
    owns,
    simd,
    alloc,
    free,
    matmul(out, x, w, rows, inDim, outDim) {
      if (inDim % 4 === 0 && owns(out) && owns(x) && owns(w))
        simd.matmul(out.byteOffset, x.byteOffset, w.byteOffset, rows, inDim, outDim, 0, outDim);
      else matmulReference(out, x, w, rows, inDim, outDim);
    },
    swiglu(gate, up, length) {
      if (length % 4 === 0 && owns(gate) && owns(up)) simd.swiglu(gate.byteOffset, up.byteOffset, length);
      else swigluReference(gate, up, length);
    },
    attention,
  };
}

function softmaxInPlace(x: Float32Array, length: number): void {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < length; i++) if (x[i]! > max) max = x[i]!;
  let sum = 0;
  for (let i = 0; i < length; i++) {
    const e = Math.exp(x[i]! - max);
    x[i] = e;
    sum += e;
  }
  for (let i = 0; i < length; i++) x[i]! /= sum;
}
