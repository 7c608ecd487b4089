// Causal grouped-query attention of new queries over a layer's cached keys and values.

export interface AttentionShape {
  nHeads: number;
  nKvHeads: number;
  headDim: number;
}

/**
 * For each of `rows` queries (at positions start … start+rows−1) and each head: softmax(q·kᵀ/√d) over
 * positions 0 … its own, times v. q and out are [rows × nHeads·headDim]; keys and values are
 * [positions × nKvHeads·headDim] and already hold the new rows. Query head h reads key/value head
 * h / (nHeads/nKvHeads). `scores` needs start+rows floats.
 */
export function attention(
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
  const qDim = nHeads * headDim;
  const kvDim = nKvHeads * headDim;
  const groupSize = nHeads / nKvHeads;
  const scale = 1 / Math.sqrt(headDim);
  for (let r = 0; r < rows; r++) {
    const positions = start + r + 1;
    for (let h = 0; h < nHeads; h++) {
      const qOffset = r * qDim + h * headDim;
      const kvOffset = Math.floor(h / groupSize) * headDim;
      let max = Number.NEGATIVE_INFINITY;
      for (let p = 0; p < positions; p++) {
        const kOffset = p * kvDim + kvOffset;
        let dot = 0;
        for (let i = 0; i < headDim; i++) dot += q[qOffset + i]! * keys[kOffset + i]!;
        const score = dot * scale;
        scores[p] = score;
        if (score > max) max = score;
      }
      let sum = 0;
      for (let p = 0; p < positions; p++) {
        const e = Math.exp(scores[p]! - max);
        scores[p] = e;
        sum += e;
      }
      const outOffset = r * qDim + h * headDim;
      out.fill(0, outOffset, outOffset + headDim);
      for (let p = 0; p < positions; p++) {
        const weight = scores[p]! / sum;
        const vOffset = p * kvDim + kvOffset;
        for (let i = 0; i < headDim; i++) out[outOffset + i]! += weight * values[vOffset + i]!;
      }
    }
  }
}
