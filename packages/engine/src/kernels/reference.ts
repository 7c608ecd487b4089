// The plain kernels: the definition the fast ones are tested against.
import { attention } from './attention.ts';
import type { Kernels } from './types.ts';

export function matmulReference(
  out: Float32Array,
  x: Float32Array,
  w: Float32Array,
  rows: number,
  inDim: number,
  outDim: number,
): void {
  for (let r = 0; r < rows; r++) {
    for (let o = 0; o < outDim; o++) {
      let sum = 0;
      for (let i = 0; i < inDim; i++) sum += x[r * inDim + i]! * w[o * inDim + i]!;
      out[r * outDim + o] = sum;
    }
  }
}

export function swigluReference(gate: Float32Array, up: Float32Array, length: number): void {
  for (let i = 0; i < length; i++) {
    const g = gate[i]!;
    gate[i] = (g / (1 + Math.exp(-g))) * up[i]!;
  }
}

export const referenceKernels: Kernels = {
  name: 'reference',
  alloc: (length) => new Float32Array(length),
  free: () => {},
  matmul: matmulReference,
  swiglu: swigluReference,
  attention,
};
