// The hot loops of the `ts` backend, behind one small interface so that the plain reference kernels
// and the fast ones are interchangeable (and tests can compare them).

export interface Kernels {
  readonly name: string;
  /** A zeroed array the kernels work on without copying (WebAssembly memory for the fast kernels). */
  alloc(length: number): Float32Array;
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
}
