// A small model of the HW3 FlashAttention lab, used to compute the keys of Q16 and Q17.
//
// Counts follow the handout's slides ("Analyze Read/Write Memory"), per attention head, in elements:
//   standard attention (Algorithm 0): reads Q, K, S, P, V and writes S, P, O: N(4d + 4N) in total;
//   FlashAttention (Algorithm 1): K_j, V_j are read once; Q_i, O_i, ℓ_i, m_i are read again for every
//   K/V tile (line 8) and O_i, ℓ_i, m_i written again for every tile (lines 12-13). With a single tile
//   (Tc = 1) this is exactly the slides' N(5d + 4).
// Time is the roofline-free sum FLOPs / throughput + bytes / bandwidth with a T4's datasheet figures.

export type LabConfig = {
  /** Head dimension d. */
  headDim: number;
  /** On-chip SRAM size M, in elements. */
  sramElements: number;
  /** Bytes per stored element (2 for fp16). */
  bytesPerElement: number;
  /** HBM bandwidth, bytes per second. */
  bandwidth: number;
  /** Arithmetic throughput, FLOP per second. */
  throughput: number;
};

/** NVIDIA T4 datasheet: 320 GB/s GDDR6, 65 TFLOP/s fp16 tensor cores, 64 KiB shared memory per SM. */
export const T4 = { bandwidth: 320e9, fp16Throughput: 65e12, sharedMemoryBytes: 64 * 1024 } as const;

/** The configuration the HW3 keys use: d = 64 (a typical head), fp16 everywhere, M = a T4 SM's SRAM. */
export const HW3_LAB: LabConfig = {
  headDim: 64,
  sramElements: T4.sharedMemoryBytes / 2,
  bytesPerElement: 2,
  bandwidth: T4.bandwidth,
  throughput: T4.fp16Throughput,
};

/** Algorithm 1, lines 1 and 3: Bc = ⌈M/4d⌉, Br = min(Bc, d), Tc = ⌈N/Bc⌉, Tr = ⌈N/Br⌉. */
export function tiling(n: number, lab: LabConfig = HW3_LAB) {
  const blockCols = Math.ceil(lab.sramElements / (4 * lab.headDim));
  const blockRows = Math.min(blockCols, lab.headDim);
  return { blockCols, blockRows, colTiles: Math.ceil(n / blockCols), rowTiles: Math.ceil(n / blockRows) };
}

export type AttentionCost = { reads: number; writes: number; flops: number };

export function standardAttentionCost(n: number, lab: LabConfig = HW3_LAB): AttentionCost {
  const d = lab.headDim;
  return {
    reads: 3 * n * d + 2 * n * n, // Q, K, V; S, P
    writes: 2 * n * n + n * d, // S, P; O
    // QKᵀ and PV (2 FLOPs per multiply-add); softmax: max, subtract, exp, sum, divide per score.
    flops: 4 * n * n * d + 5 * n * n,
  };
}

export function flashAttentionCost(n: number, lab: LabConfig = HW3_LAB): AttentionCost {
  const d = lab.headDim;
  const { colTiles } = tiling(n, lab);
  return {
    reads: 2 * n * d + colTiles * (2 * n * d + 2 * n), // K, V once; Q, O, ℓ, m per K/V tile
    writes: colTiles * (n * d + 2 * n), // O, ℓ, m per K/V tile
    // The same matmuls; max, subtract, exp, sum per score; per tile each row rescales O (4 per
    // element: two scalings, an add, a divide) and updates m, ℓ (6).
    flops: 4 * n * n * d + 4 * n * n + colTiles * n * (4 * d + 6),
  };
}

export function theoreticalTime(cost: AttentionCost, lab: LabConfig = HW3_LAB): number {
  return cost.flops / lab.throughput + ((cost.reads + cost.writes) * lab.bytesPerElement) / lab.bandwidth;
}

/** Q16: elements FlashAttention reads from HBM for one head. */
export function flashReads(n: number, lab: LabConfig = HW3_LAB): number {
  return flashAttentionCost(n, lab).reads;
}

/** Q17: standard attention's theoretical time over FlashAttention's. */
export function theoreticalSpeedup(n: number, lab: LabConfig = HW3_LAB): number {
  return (
    theoreticalTime(standardAttentionCost(n, lab), lab) / theoreticalTime(flashAttentionCost(n, lab), lab)
  );
}

export type NumericOption = { id: string; value: number };

/** The id of the option closest to `value`; a tie is an error, since the key would be arbitrary. */
export function nearestOption(value: number, options: readonly NumericOption[]): string {
  const ranked = [...options].sort((a, b) => Math.abs(a.value - value) - Math.abs(b.value - value));
  const [best, second] = ranked;
  if (!best) throw new Error('nearestOption: no options');
  if (second && Math.abs(second.value - value) === Math.abs(best.value - value)) {
    throw new Error(`nearestOption: ${value} is as close to ${best.id} as to ${second.id}`);
  }
  return best.id;
}
