// Causal attention computed block by block with a pluggable online-softmax update: the engine's
// attention kernel contract (see packages/engine/src/kernels/attention.ts) built the FlashAttention way.
export interface SoftmaxState {
  m: number;
  l: number;
  o: Float32Array;
}
export type BlockUpdate = (
  state: SoftmaxState,
  scores: Float32Array,
  values: Float32Array,
  d: number,
) => SoftmaxState;

export const ATTENTION_BLOCK = 4;

export function tiledAttention(
  out: Float32Array,
  q: Float32Array,
  keys: Float32Array,
  values: Float32Array,
  rows: number,
  start: number,
  shape: { nHeads: number; nKvHeads: number; headDim: number },
  update: BlockUpdate,
  block = ATTENTION_BLOCK,
): void {
  const { nHeads, nKvHeads, headDim } = shape;
  const qDim = nHeads * headDim;
  const kvDim = nKvHeads * headDim;
  const groupSize = nHeads / nKvHeads;
  const scale = 1 / Math.sqrt(headDim);
  for (let r = 0; r < rows; r++) {
    const positions = start + r + 1;
    for (let h = 0; h < nHeads; h++) {
      const qOffset = r * qDim + h * headDim;
      const kvOffset = Math.floor(h / groupSize) * headDim;
      let state: SoftmaxState = { m: Number.NEGATIVE_INFINITY, l: 0, o: new Float32Array(headDim) };
      for (let from = 0; from < positions; from += block) {
        const size = Math.min(block, positions - from);
        const scores = new Float32Array(size);
        const blockValues = new Float32Array(size * headDim);
        for (let j = 0; j < size; j++) {
          const kOffset = (from + j) * kvDim + kvOffset;
          let dot = 0;
          for (let i = 0; i < headDim; i++) dot += q[qOffset + i]! * keys[kOffset + i]!;
          scores[j] = dot * scale;
          blockValues.set(values.subarray(kOffset, kOffset + headDim), j * headDim);
        }
        state = update(state, scores, blockValues, headDim);
      }
      out.set(state.o.subarray(0, headDim), r * qDim + h * headDim);
    }
  }
}
