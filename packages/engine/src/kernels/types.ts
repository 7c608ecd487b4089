// The hot loops of the `ts` backend, behind one small interface so that the plain reference kernels
// and the fast ones are interchangeable (and tests can compare them).
import type { AttentionShape } from './attention.ts';

export interface Kernels {
  readonly name: string;
  /** A zeroed array the kernels work on without copying (WebAssembly memory for the fast kernels). */
  alloc(length: number): Float32Array;
  /** Gives back an array from alloc that nothing uses any more. */
  free(array: Float32Array): void;
  /**
   * out[r·outDim + o] = Σ_i x[r·inDim + i] · w[o·inDim + i] for r < rows: `rows` input vectors times
   * the transposed [outDim × inDim] weight (PyTorch's Linear layout).
   */
  matmul(
    out: Float32Array,
    x: Float32Array,
    w: Float32Array,
    rows: number,
    inDim: number,
    outDim: number,
  ): void;
  /** SwiGLU in place: gate[i] = silu(gate[i]) · up[i] = gate[i] / (1 + e^(−gate[i])) · up[i], i < length. */
  swiglu(gate: Float32Array, up: Float32Array, length: number): void;
  /** Causal grouped-query attention; the contract of `attention` in attention.ts. */
  attention(
    out: Float32Array,
    q: Float32Array,
    keys: Float32Array,
    values: Float32Array,
    rows: number,
    start: number,
    shape: AttentionShape,
    scores: Float32Array,
  ): void;
}
